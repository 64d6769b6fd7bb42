use crate::app::use_config;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The page's `<h1>` (focus target after navigation) and the document title to match.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let config = use_config();
    let i18n = use_i18n();
    Effect::new(move |_| {
        let lang = i18n.lang();
        let municipality = config.with_value(|c| c.municipality.name.text(lang).to_owned());
        let title = format!("{} – {} – {}", text.get(), municipality, i18n.t().app_name);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
    view! { <h1 class="os-page__title" tabindex="-1">{text}</h1> }
}
