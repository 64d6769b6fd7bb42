//! The idle guard of a kiosk (lazily loaded, see `lazy.rs`): any touch, pointer, key, wheel,
//! scroll or input starts the idle time again; in its last seconds a modal alert dialog counts
//! down with a "Continue" button; then the terminal is wiped and reloaded at the start page.
//! While it runs, links to other sites and other schemes (mailto:, tel:) never navigate.

use super::idle::{announced_seconds, warning_seconds, IdleClock, IdlePhase};
use crate::i18n::{fill, use_i18n};
use crate::web::clock::{event_ms, now_ms, Timer};
use crate::web::listen::{listen, On};
use crate::web::navigation;
use leptos::html;
use leptos::prelude::*;

/// Everything that counts as someone using the terminal.
const INPUTS: [&str; 7] = [
    "pointerdown",
    "pointermove",
    "keydown",
    "touchstart",
    "wheel",
    "scroll",
    "input",
];

/// The guard, as drawn for [`super::Part::Guard`].
pub(crate) fn idle_guard(idle_seconds: u32, start_url: String) -> AnyView {
    view! { <IdleGuard idle_seconds start_url/> }.into_any()
}

#[component]
fn IdleGuard(idle_seconds: u32, start_url: String) -> impl IntoView {
    let i18n = use_i18n();
    let clock = StoredValue::new(IdleClock::new(idle_seconds, now_ms()));
    let phase = RwSignal::new(IdlePhase::Active);
    let warning = Memo::new(move |_| matches!(phase.get(), IdlePhase::Warning { .. }));
    let dialog = NodeRef::<html::Dialog>::new();
    let continue_button = NodeRef::<html::Button>::new();
    let resetting = StoredValue::new(false);

    // While the dialog is up only "Continue" (or Escape) counts: a stray touch behind a modal
    // dialog should not hide it without an answer.
    // Each input counts from the moment it happened (its event time), not from when a busy
    // terminal got round to it.
    listen(On::Window, &INPUTS, move |e| {
        if !warning.get_untracked() {
            clock.update_value(|c| c.touch(event_ms(&e)));
        }
    });
    listen(On::Window, &["click"], |e| {
        if navigation::click_leaves_origin(&e) {
            e.prevent_default();
        }
    });
    // A page restored from the back-forward cache is an earlier session's: start over.
    let start = start_url.clone();
    listen(On::Window, &["pageshow"], move |e| {
        if navigation::restored_from_cache(&e) {
            navigation::replace_location(&start);
        }
    });

    let tick = move || {
        let next = clock.with_value(|c| c.phase(now_ms()));
        if phase.get_untracked() != next {
            phase.set(next);
        }
        if next == IdlePhase::Reset && !resetting.get_value() {
            resetting.set_value(true);
            let start = start_url.clone();
            leptos::task::spawn_local(async move {
                // Let input that is already queued (a "Continue" pressed in the last moment
                // on a busy terminal) be handled first: it counts from when it happened.
                crate::web::clock::sleep(50).await;
                if clock.with_value(|c| c.phase(now_ms())) == IdlePhase::Reset {
                    reset(start).await;
                } else {
                    resetting.set_value(false);
                }
            });
        }
    };
    let timer = send_wrapper::SendWrapper::new(Timer::every(250, tick));
    on_cleanup(move || drop(timer));

    Effect::new(move |_| {
        let show = warning.get();
        let Some(d) = dialog.get() else { return };
        if show && !d.open() {
            let _ = d.show_modal();
            if let Some(b) = continue_button.get() {
                let _ = b.focus();
            }
        } else if !show && d.open() {
            d.close();
        }
    });

    let carry_on = move |at: f64| {
        clock.update_value(|c| c.touch(at));
        phase.set(IdlePhase::Active);
    };
    let seconds = move || match phase.get() {
        IdlePhase::Warning { seconds_left } => seconds_left,
        _ => 0,
    };
    let warn = warning_seconds(idle_seconds);
    let count_text = move |s: u32| fill(i18n.t().kiosk_idle_count, &[("seconds", &s.to_string())]);
    view! {
        <dialog
            class="os-kiosk-dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="os-kiosk-idle-title"
            aria-describedby="os-kiosk-idle-text os-kiosk-idle-status"
            node_ref=dialog
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                carry_on(event_ms(&ev));
            }
        >
            <h2 id="os-kiosk-idle-title">{i18n.tr(|t| t.kiosk_idle_title)}</h2>
            <p id="os-kiosk-idle-text">{i18n.tr(|t| t.kiosk_idle_text)}</p>
            // Seen every second; heard only at a few steps (the live region below).
            <p class="os-kiosk-dialog__count" aria-hidden="true" data-testid="kiosk-countdown">
                {move || warning.get().then(|| count_text(seconds()))}
            </p>
            <p id="os-kiosk-idle-status" class="os-visually-hidden" role="status">
                {move || warning.get().then(|| count_text(announced_seconds(seconds(), warn)))}
            </p>
            <button type="button" class="os-button os-button--primary" node_ref=continue_button on:click=move |ev| carry_on(event_ms(&ev))>
                {i18n.tr(|t| t.kiosk_idle_continue)}
            </button>
        </dialog>
    }
}

/// Wipes the terminal, then loads the start page in place of the current history entry: the
/// app's memory goes with the old document, and an earlier entry reached with Back loads a
/// fresh document that [`super::leave_earlier_session`] sends to the start page.
async fn reset(start_url: String) {
    // Nothing of the session stays on screen, even for the moment the wipe takes.
    navigation::clear(".os-root");
    // A comment the resident sent while the terminal was offline is theirs to give, not the
    // session's: it stays queued (text, place and answers, nothing that names anyone) and is
    // delivered the next time its plan is opened online (#21 point 22).
    let unsent = crate::state::outbox::export_unsent();
    crate::web::wipe::everything().await;
    crate::state::outbox::import_unsent(unsent);
    navigation::replace_location(&start_url);
}
