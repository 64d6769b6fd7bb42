//! The idle guard of a kiosk (lazily loaded, see `lazy.rs`): any touch, pointer, key, wheel,
//! scroll or input starts the idle time again; in its last seconds a modal alert dialog counts
//! down with a "Continue" button; then the terminal is wiped and reloaded at the start page.
//! While it runs, links to other sites and other schemes (mailto:, tel:) never navigate.

use super::idle::{announced_seconds, warning_seconds, IdleClock, IdlePhase};
use crate::i18n::{fill, use_i18n};
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

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

fn now() -> f64 {
    js_sys::Date::now()
}

/// The guard, as drawn for [`super::Part::Guard`].
pub fn idle_guard(idle_seconds: u32, start_url: String) -> AnyView {
    view! { <IdleGuard idle_seconds start_url/> }.into_any()
}

/// Adds `f` as a capturing listener on the window for each of `events`, removed on cleanup.
fn listen(events: &'static [&'static str], f: Closure<dyn Fn(web_sys::Event)>) {
    let Some(w) = web_sys::window() else { return };
    for event in events {
        let _ =
            w.add_event_listener_with_callback_and_bool(event, f.as_ref().unchecked_ref(), true);
    }
    let held = SendWrapper::new((w, f));
    on_cleanup(move || {
        let (w, f) = held.take();
        for event in events {
            let _ = w.remove_event_listener_with_callback_and_bool(
                event,
                f.as_ref().unchecked_ref(),
                true,
            );
        }
    });
}

#[component]
fn IdleGuard(idle_seconds: u32, start_url: String) -> impl IntoView {
    let i18n = use_i18n();
    let clock = StoredValue::new(IdleClock::new(idle_seconds, now()));
    let phase = RwSignal::new(IdlePhase::Active);
    let warning = Memo::new(move |_| matches!(phase.get(), IdlePhase::Warning { .. }));
    let dialog = NodeRef::<html::Dialog>::new();
    let continue_button = NodeRef::<html::Button>::new();
    let resetting = StoredValue::new(false);

    // While the dialog is up only "Continue" (or Escape) counts: a stray touch behind a modal
    // dialog should not hide it without an answer.
    listen(
        &INPUTS,
        Closure::new(move |_: web_sys::Event| {
            if !warning.get_untracked() {
                clock.update_value(|c| c.touch(now()));
            }
        }),
    );
    listen(&["click"], Closure::new(keep_on_this_site));
    // A page restored from the back-forward cache is an earlier session's: start over.
    let start = start_url.clone();
    listen(
        &["pageshow"],
        Closure::new(move |e: web_sys::Event| {
            let persisted = js_sys::Reflect::get(&e, &JsValue::from_str("persisted"));
            if persisted.is_ok_and(|p| p.is_truthy()) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace(&start);
                }
            }
        }),
    );

    let tick = move || {
        let next = clock.with_value(|c| c.phase(now()));
        if phase.get_untracked() != next {
            phase.set(next);
        }
        if next == IdlePhase::Reset && !resetting.get_value() {
            resetting.set_value(true);
            let start = start_url.clone();
            leptos::task::spawn_local(reset(start));
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }

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

    let carry_on = move || {
        clock.update_value(|c| c.touch(now()));
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
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                carry_on();
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
            <button type="button" class="os-button os-button--primary" node_ref=continue_button on:click=move |_| carry_on()>
                {i18n.tr(|t| t.kiosk_idle_continue)}
            </button>
        </dialog>
    }
}

/// Wipes the terminal, then loads the start page in place of the current history entry: the
/// app's memory goes with the old document, and an earlier entry reached with Back loads a
/// fresh document that [`super::leave_earlier_session`] sends to the start page.
async fn reset(start_url: String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Nothing of the session stays on screen, even for the moment the wipe takes.
    if let Some(root) = window
        .document()
        .and_then(|d| d.query_selector(".os-root").ok().flatten())
    {
        root.replace_children_with_node_0();
    }
    super::wipe::everything().await;
    let _ = window.location().replace(&start_url);
}

/// Stops a click on a link that would leave the app's origin (another site, `mailto:`,
/// `tel:`): a kiosk shows such addresses as QR codes instead.
fn keep_on_this_site(e: web_sys::Event) {
    let Some(link) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let href = js_sys::Reflect::get(&link, &JsValue::from_str("href"))
        .ok()
        .and_then(|h| h.as_string())
        .unwrap_or_default();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    if !href.starts_with(&format!("{origin}/")) {
        e.prevent_default();
    }
}
