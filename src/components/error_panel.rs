use crate::i18n::use_i18n;
use leptos::prelude::*;

/// What the error boundary shows: a friendly message, a retry and a reload.
#[component]
pub(crate) fn ErrorPanel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    let details = {
        let errors = errors.clone();
        move || {
            errors
                .get()
                .into_iter()
                .map(|(_, e)| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let retry = move |_| errors.update(|e| *e = Errors::default());
    let reload = |_| {
        crate::web::dom::reload();
    };
    view! {
        <section class="os-error" role="alert">
            <h2 class="os-error__title">{i18n.tr(|t| t.error_title)}</h2>
            <p>{i18n.tr(|t| t.error_text)}</p>
            <p class="os-error__detail"><code>{details}</code></p>
            <div class="os-error__actions">
                <button type="button" class="os-button os-button--primary" on:click=retry>
                    {i18n.tr(|t| t.error_retry)}
                </button>
                <button type="button" class="os-button" on:click=reload>
                    {i18n.tr(|t| t.error_reload)}
                </button>
            </div>
        </section>
    }
}
