//! The session history: new entries and replaced ones, without a page load.

/// Adds a history entry for `url` (in-app navigation).
pub(crate) fn push(url: &str) {
    if let Some(h) = super::dom::window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Replaces the current history entry's address with `url` (a filter change: Back still
/// leaves the page, and comes back to it with the filter).
pub(crate) fn replace(url: &str) {
    if let Some(h) = super::dom::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}
