//! The status line of a form whose comment is on its way.

use crate::components::backend_error::backend_error_text;
use crate::domain::{Lang, Timestamp};
use crate::format::date_time;
use crate::i18n::{fill, use_i18n, Strings};
use crate::state::comment_sender::Sending;
use crate::state::outbox::State;
use leptos::prelude::*;

/// Where a comment on its way stands, in words.
fn sending_text(t: &'static Strings, item: &Sending, lang: Lang) -> String {
    let reason = || {
        item.error
            .as_ref()
            .map(|e| backend_error_text(t, e))
            .unwrap_or_default()
    };
    match &item.state {
        State::Queued | State::Sending => t.plans_send_sending.to_string(),
        State::RetryAt { at_ms } => {
            let at = Timestamp::from_unix_millis(*at_ms as i64);
            let when = fill(t.plans_send_retry_at, &[("time", &date_time(lang, at))]);
            format!("{} {when}", reason())
        }
        State::WaitingForNetwork => t.plans_send_waiting.to_string(),
        State::NeedsSignIn => t.backend_error_unauthorized.to_string(),
        State::Sent => t.plans_send_sent.to_string(),
        State::Rejected { .. } => fill(t.plans_send_rejected, &[("reason", &reason())]),
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
        Some(s) => sending_text(i18n.t(), &s, i18n.lang()),
        None => idle.get().unwrap_or_default(),
    };
    view! { <p class="os-form__status" role="status" aria-live="polite">{text}</p> }
}
