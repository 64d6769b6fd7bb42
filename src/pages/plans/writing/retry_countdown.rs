//! "Trying again in 4 s", counting down.

use crate::format::duration;
use crate::i18n::{fill, use_i18n};
use crate::web::clock;
use leptos::prelude::*;

/// The time left until the retry at `at_ms`. It is heard once, when the retry is planned, and
/// counts down on screen only: a live region that changed every second would talk over
/// everything else.
#[component]
pub(super) fn RetryCountdown(at_ms: u64) -> impl IntoView {
    let i18n = use_i18n();
    let left = move |now: f64| (at_ms as f64 - now).max(0.0) as u64;
    let first = left(clock::now_ms());
    let now = RwSignal::new(clock::now_ms());
    clock::every(1000, move || now.set(clock::now_ms()));
    let words = move |ms: u64| {
        fill(
            i18n.t().plans_send_retry_in,
            &[("duration", &duration(i18n.lang(), ms))],
        )
    };
    view! {
        <span class="os-send-status__spoken">{move || words(first)}</span>
        <span aria-hidden="true">{move || words(left(now.get()))}</span>
    }
}
