use crate::client::projects::{notify_state, request_notifications, NotifyState};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// "Notify me while this page is open": asks the browser for permission only when clicked
/// (never on load); says what the browser allows.
#[component]
pub fn NotifyButton() -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(notify_state());
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let now = request_notifications().await;
            state.try_set(now);
        });
    };
    view! {
        <div class="os-notify" role="status">
            {move || match state.get() {
                NotifyState::Ask => view! {
                    <button type="button" class="os-button" on:click=ask>
                        {i18n.tr(|t| t.notify_button)}
                    </button>
                }.into_any(),
                NotifyState::On => view! { <p>{i18n.tr(|t| t.notify_on)}</p> }.into_any(),
                NotifyState::Denied => view! { <p>{i18n.tr(|t| t.notify_denied)}</p> }.into_any(),
                NotifyState::Unsupported => view! { <p>{i18n.tr(|t| t.notify_unsupported)}</p> }.into_any(),
            }}
        </div>
    }
}
