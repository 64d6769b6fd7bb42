//! The status line of a form whose comment is on its way.

use super::retry_countdown::RetryCountdown;
use crate::components::backend_error::backend_error_text;
use crate::i18n::{fill, use_i18n, Strings};
use crate::state::comment_sender::Sending;
use crate::state::outbox::State;
use leptos::prelude::*;

/// Why the last attempt failed, in words (empty when it did not).
fn reason(t: &'static Strings, item: &Sending) -> String {
    item.error
        .as_ref()
        .map(|e| backend_error_text(t, e))
        .unwrap_or_default()
}

/// Where a comment on its way stands, in words (a retry has its own countdown).
fn sending_text(t: &'static Strings, item: &Sending) -> String {
    match &item.state {
        State::Queued | State::Sending => t.plans_send_sending.to_string(),
        State::RetryAt { .. } => reason(t, item),
        State::WaitingForNetwork => t.plans_send_waiting.to_string(),
        State::NeedsSignIn => t.backend_error_unauthorized.to_string(),
        State::Sent => t.plans_send_sent.to_string(),
        State::Rejected { .. } => fill(t.plans_send_rejected, &[("reason", &reason(t, item))]),
    }
}

/// `item`'s state, announced politely; `idle` while nothing is on its way.
#[component]
pub(super) fn SendStatus(
    #[prop(into)] item: Signal<Option<Sending>>,
    #[prop(into, optional)] idle: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match item.get() {
        Some(s) => sending_text(i18n.t(), &s),
        None => idle.get().unwrap_or_default(),
    };
    let retry_at = move || match item.with(|s| s.as_ref().map(|s| s.state.clone())) {
        Some(State::RetryAt { at_ms }) => Some(at_ms),
        _ => None,
    };
    view! {
        <p class="os-form__status" role="status" aria-live="polite">
            {text}
            {move || retry_at().map(|at_ms| view! { " " <RetryCountdown at_ms=at_ms/> })}
        </p>
    }
}
