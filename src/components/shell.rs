use super::error_panel::ErrorPanel;
use super::footer::Footer;
use super::header::Header;
use crate::config::use_config;
use crate::kiosk::{kiosk_part, Part};
use leptos::html;
use leptos::prelude::*;

/// The page frame: skip link, header with navigation, main region, footer; on a kiosk also
/// the idle guard, and the `os-kiosk` class for larger type and touch targets.
///
/// Everything lives under one `.os-root` element so the app can sit inside a host page.
/// Theme tokens from the configuration are set on that element through the CSSOM, which a
/// strict Content-Security-Policy allows.
#[component]
pub(crate) fn Shell(children: ChildrenFn) -> impl IntoView {
    let config = use_config();
    let i18n = crate::i18n::use_i18n();
    let root = NodeRef::<html::Div>::new();
    let kiosk = config.with_value(|c| c.kiosk.clone());
    let guard = kiosk.enabled.then(|| {
        let start = config.with_value(|c| {
            crate::kiosk::start_url(&c.base_path, crate::kiosk::requested_by_url())
        });
        kiosk_part(Part::Guard {
            idle_seconds: kiosk.idle_reset_seconds,
            start_url: start,
        })
    });

    Effect::new(move |_| {
        if let Some(el) = root.get() {
            config.with_value(|c| crate::web::dom::set_style_properties(&el, &c.theme));
        }
    });

    view! {
        <div class=if kiosk.enabled { "os-root os-kiosk" } else { "os-root" } node_ref=root>
            <a class="os-skip-link" href="#os-main">{i18n.tr(|t| t.skip_to_content)}</a>
            <Header/>
            <crate::components::connection::ConnectionNotices/>
            <main id="os-main" class="os-main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors=errors/> }>
                    {children()}
                </ErrorBoundary>
            </main>
            <Footer/>
            {guard}
        </div>
    }
}
