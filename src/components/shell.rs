use super::error_panel::ErrorPanel;
use super::footer::Footer;
use super::header::Header;
use crate::app::use_config;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The page frame: skip link, header with navigation, main region, footer.
///
/// Everything lives under one `.os-root` element so the app can sit inside a host page.
/// Theme tokens from the configuration are set on that element through the CSSOM, which a
/// strict Content-Security-Policy allows.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let config = use_config();
    let i18n = crate::i18n::use_i18n();
    let root = NodeRef::<html::Div>::new();
    let main = NodeRef::<html::Main>::new();

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

    // After in-app navigation, move focus to the new page's heading so screen reader and
    // keyboard users start at the top of the new content.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(move || focus_heading(main.get_untracked()));
        }
        path
    });

    view! {
        <div class="os-root" node_ref=root>
            <a class="os-skip-link" href="#os-main">{move || i18n.t().skip_to_content}</a>
            <Header/>
            <main id="os-main" class="os-main" tabindex="-1" node_ref=main>
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors=errors/> }>
                    {children()}
                </ErrorBoundary>
            </main>
            <Footer/>
        </div>
    }
}

fn focus_heading(main: Option<web_sys::HtmlElement>) {
    let Some(main) = main else { return };
    let target = main
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or(main);
    let _ = target.focus();
}
