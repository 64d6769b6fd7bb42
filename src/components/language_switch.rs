use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Buttons for the offered languages, each named in its own language.
#[component]
pub(crate) fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let offered = i18n.offered();
    (offered.len() > 1).then(|| {
        view! {
            <div class="os-lang" role="group" aria-label=i18n.tr(|t| t.lang_switch_label)>
                {offered.into_iter().map(|lang| view! {
                    <button
                        type="button"
                        class="os-lang__button"
                        lang=lang.code()
                        aria-pressed=move || (i18n.lang() == lang).to_string()
                        on:click=move |_| i18n.set(lang)
                    >
                        {lang.endonym()}
                    </button>
                }).collect_view()}
            </div>
        }
    })
}
