use crate::i18n::use_i18n;
use crate::state::follows::notify::{notify_state, request_notifications, NotifyState};
use leptos::prelude::*;

/// "Notify me while this page is open": asks the browser for permission only when clicked
/// (never on load); says what the browser allows.
#[component]
pub(super) fn NotifyButton() -> impl IntoView {
    let i18n = use_i18n();
    let initial = notify_state();
    let ask = Action::new_local(|_: &()| request_notifications());
    let state = move || ask.value().get().unwrap_or(initial);
    view! {
        <div class="os-notify" role="status">
            {move || match state() {
                NotifyState::Ask => view! {
                    <button type="button" class="os-button" disabled=move || ask.pending().get()
                        on:click=move |_| { ask.dispatch_local(()); }>
                        {i18n.tr(|t| t.projects_notify_button)}
                    </button>
                }.into_any(),
                NotifyState::On => view! { <p>{i18n.tr(|t| t.projects_notify_on)}</p> }.into_any(),
                NotifyState::Denied => view! { <p>{i18n.tr(|t| t.projects_notify_denied)}</p> }.into_any(),
                NotifyState::Unsupported => view! { <p>{i18n.tr(|t| t.projects_notify_unsupported)}</p> }.into_any(),
            }}
        </div>
    }
}
