//! The browser's key–value storage: `localStorage` (survives restarts) or `sessionStorage`
//! (this tab only; what a kiosk uses, and what its reset wipes).

/// Which storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Store {
    Local,
    Session,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let w = web_sys::window()?;
    match store {
        Store::Local => w.local_storage().ok().flatten(),
        Store::Session => w.session_storage().ok().flatten(),
    }
}

/// The value under `key`, if any (and if the storage is available at all).
pub(crate) fn get(store: Store, key: &str) -> Option<String> {
    storage(store)?.get_item(key).ok().flatten()
}

/// Stores `value`. False when the storage is unavailable or full, so callers can say so.
pub(crate) fn set(store: Store, key: &str, value: &str) -> bool {
    storage(store).is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets `key`.
pub(crate) fn remove(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}

/// Every key in the storage.
pub(crate) fn keys(store: Store) -> Vec<String> {
    let Some(s) = storage(store) else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}
