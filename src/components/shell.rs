use super::error_panel::ErrorPanel;
use super::footer::Footer;
use super::header::Header;
use crate::app::use_config;
use leptos::html;
use leptos::prelude::*;

/// The page frame: skip link, header with navigation, main region, footer.
///
/// Everything lives under one `.os-root` element so the app can sit inside a host page.
/// Theme tokens from the configuration are set on that element through the CSSOM, which a
/// strict Content-Security-Policy allows.
#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let config = use_config();
    let i18n = crate::i18n::use_i18n();
    let root = NodeRef::<html::Div>::new();

    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let style = web_sys::HtmlElement::style(&el);
            config.with_value(|c| {
                for (name, value) in &c.theme {
                    let _ = style.set_property(name, value);
                }
            });
        }
    });

    view! {
        <div class="os-root" node_ref=root>
            <a class="os-skip-link" href="#os-main">{i18n.tr(|t| t.skip_to_content)}</a>
            <Header/>
            <crate::components::connection::ConnectionNotices/>
            <main id="os-main" class="os-main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors=errors/> }>
                    {children()}
                </ErrorBoundary>
            </main>
            <Footer/>
        </div>
    }
}
