//! What the app keeps on this device. Normal mode uses `localStorage` (survives reloads and
//! restarts); kiosk mode uses `sessionStorage`, which the kiosk reset wipes together with
//! everything else, so nothing outlives one resident's session.
//!
//! Every key starts with `osallistu.`; values are strings (JSON where structured).

use super::storage::{self, Store};
use std::cell::Cell;

thread_local! {
    static KIOSK: Cell<bool> = const { Cell::new(false) };
}

/// Chooses the storage for the rest of the session; called once at start-up from the config.
pub fn set_kiosk(kiosk: bool) {
    KIOSK.with(|k| k.set(kiosk));
}

/// Whether this is a shared kiosk terminal (nothing personal may be remembered).
pub(crate) fn is_kiosk() -> bool {
    KIOSK.with(Cell::get)
}

fn store() -> Store {
    if is_kiosk() {
        Store::Session
    } else {
        Store::Local
    }
}

fn full_key(key: &str) -> String {
    format!("osallistu.{key}")
}

/// The stored value, if any (and if storage is available at all).
pub(crate) fn get(key: &str) -> Option<String> {
    storage::get(store(), &full_key(key))
}

/// Stores `value`. Returns false when storage is unavailable or full, so callers can say so.
pub(crate) fn set(key: &str, value: &str) -> bool {
    storage::set(store(), &full_key(key), value)
}

/// Forgets `key`.
pub(crate) fn remove(key: &str) {
    storage::remove(store(), &full_key(key));
}

/// The stored JSON value of type `T`; a value that no longer parses counts as absent.
pub(crate) fn get_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&get(key)?).ok()
}

/// Stores `value` as JSON.
pub(crate) fn set_json<T: serde::Serialize>(key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|text| set(key, &text))
}

/// Every key the app keeps on this device (without the `osallistu.` prefix).
pub(crate) fn keys() -> Vec<String> {
    storage::keys(store())
        .into_iter()
        .filter_map(|k| k.strip_prefix("osallistu.").map(str::to_owned))
        .collect()
}
