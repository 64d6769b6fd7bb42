//! Library kiosk mode: a shared public terminal, switched on by `kiosk.enabled` in
//! `config.json` or by opening the app with `?kiosk=1` (remembered for the browser tab's
//! session, and kept through every reset).
//!
//! In kiosk mode the app keeps its data in `sessionStorage` (`crate::web::device`), never
//! remembers a nickname or a language, uses larger type and touch targets (`os-kiosk`), shows
//! links to other sites as "continue on your phone" QR codes ([`OutsideLink`]), and resets
//! itself after `kiosk.idle_reset_seconds` without input (`guard.rs`): every storage is
//! wiped and the start page loaded afresh in place of the current history entry.
//!
//! Everything but the switch and small placeholders is one lazily loaded wasm chunk
//! ([`lazy`]), drawn through [`kiosk_part`].

pub mod guard;
pub mod idle;
pub mod lazy;
mod outside_link;
pub mod phone;
pub mod qr;
pub mod wipe;

pub use outside_link::OutsideLink;

use leptos::prelude::*;

/// Session storage key of a kiosk switched on by the address (`?kiosk=1`).
const URL_FLAG: &str = "osallistu.kiosk";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Whether the address asks for kiosk mode (`?kiosk=1`) now or did earlier in this tab.
pub fn requested_by_url() -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "kiosk=1")
    {
        if let Some(s) = session() {
            let _ = s.set_item(URL_FLAG, "1");
        }
        return true;
    }
    session().and_then(|s| s.get_item(URL_FLAG).ok().flatten()) == Some("1".into())
}

/// The start page a reset goes to: the app's home under `base_path`, with `?kiosk=1` when
/// the address (not the configuration) made this a kiosk, so the mode survives the wipe.
pub fn start_url(base_path: &str, by_url: bool) -> String {
    format!("{base_path}/{}", if by_url { "?kiosk=1" } else { "" })
}

/// On a kiosk, a document loaded by Back or Forward belongs to an earlier session: every page
/// of a session is shown in one document, so only a reset (or a reload) lies between. Such
/// an entry is replaced by the start page before anything is shown. True when it was.
pub fn leave_earlier_session(start: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let kind = js_sys::Reflect::get(&window, &"performance".into())
        .ok()
        .and_then(|p| {
            let f: js_sys::Function = js_sys::Reflect::get(&p, &"getEntriesByType".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call1(&p, &"navigation".into()).ok()
        })
        .map(|list| js_sys::Array::from(&list).get(0))
        .and_then(|entry| js_sys::Reflect::get(&entry, &"type".into()).ok())
        .and_then(|t| t.as_string());
    if kind.as_deref() == Some("back_forward") {
        let _ = window.location().replace(start);
        return true;
    }
    false
}

use wasm_bindgen::JsCast;

/// What the kiosk chunk draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The idle guard: countdown dialog and reset to `start_url`.
    Guard {
        idle_seconds: u32,
        start_url: String,
    },
    /// "Continue on your phone" for an address: a button opening its QR code.
    Phone(String),
    /// The QR code of an address, shown at once.
    Qr(String),
}

/// `part`, drawn once the kiosk chunk has loaded. A chunk that does not arrive (the network is
/// down) is asked for again every few seconds: a kiosk must not run without its reset.
pub fn kiosk_part(part: Part) -> impl IntoView {
    let draw = RwSignal::new(None::<lazy::PartFn>);
    leptos::task::spawn_local(async move {
        loop {
            if let Ok(f) = lazy::kiosk_chunk().await {
                let _ = draw.try_set(Some(f));
                return;
            }
            if draw.try_get_untracked().is_none() {
                return;
            }
            sleep_ms(5_000).await;
        }
    });
    move || draw.get().map(|f| f(part.clone()))
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
