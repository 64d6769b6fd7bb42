use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::kiosk::OutsideLink;
use crate::router::{Link, Route};
use leptos::prelude::*;

/// Site footer with the accessibility statement link required by Act 306/2019.
#[component]
pub(crate) fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let website = use_config().with_value(|c| c.municipality.website.clone());
    // Staff sign in from here; a shared terminal never offers it.
    let staff = use_config().with_value(|c| c.staff.is_some()) && !crate::web::device::is_kiosk();
    view! {
        <footer class="os-footer">
            <div class="os-footer__inner">
            <p class="os-footer__about">{i18n.tr(|t| t.footer_about)}</p>
            <ul class="os-footer__links">
                <li>
                    <Link to=Route::Accessibility class="os-footer__link">
                        {i18n.tr(|t| t.footer_accessibility)}
                    </Link>
                </li>
                {website.map(|href| view! {
                    <li>
                        <OutsideLink class="os-footer__link" href>{i18n.tr(|t| t.footer_website)}</OutsideLink>
                    </li>
                })}
                {staff.then(|| view! {
                    <li>
                        <Link to=Route::Staff class="os-footer__link">{i18n.tr(|t| t.footer_staff)}</Link>
                    </li>
                })}
            </ul>
            </div>
        </footer>
    }
}
