use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::router::use_router;
use leptos::html;
use leptos::prelude::*;

/// The page's `<h1>` and the document title to match.
///
/// After in-app navigation the heading takes focus, so keyboard and screen reader users start
/// at the top of the new content (as after a full page load) instead of on a stale link.
#[component]
pub(crate) fn PageTitle(
    #[prop(into)] text: Signal<String>,
    /// The language of `text` when it is not the page's (a fallback translation).
    #[prop(into, optional)]
    lang: Signal<Option<&'static str>>,
) -> impl IntoView {
    let config = use_config();
    let i18n = use_i18n();
    let router = use_router();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            if router.has_navigated() {
                let _ = h1.focus();
            }
        }
    });
    Effect::new(move |_| {
        let lang = i18n.lang();
        let municipality = config.with_value(|c| c.municipality.name.text(lang).to_owned());
        let title = format!("{} – {} – {}", text.get(), municipality, i18n.t().app_name);
        crate::web::dom::set_title(&title);
    });
    view! { <h1 class="os-page__title" tabindex="-1" lang=move || lang.get() node_ref=heading>{text}</h1> }
}
