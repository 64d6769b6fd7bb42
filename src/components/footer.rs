use crate::app::use_config;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// Site footer with the accessibility statement link required by Act 306/2019.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let website = use_config().with_value(|c| c.municipality.website.clone());
    view! {
        <footer class="os-footer">
            <p class="os-footer__about">{move || i18n.t().footer_about}</p>
            <ul class="os-footer__links">
                <li>
                    <A href="/accessibility" attr:class="os-footer__link">
                        {move || i18n.t().footer_accessibility}
                    </A>
                </li>
                {website.map(|href| view! {
                    <li>
                        <a class="os-footer__link" href=href>{move || i18n.t().footer_website}</a>
                    </li>
                })}
            </ul>
        </footer>
    }
}
