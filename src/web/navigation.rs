//! How this document was reached, and leaving it.

use wasm_bindgen::JsCast;

/// The type of the navigation that loaded this document (`navigate`, `reload`,
/// `back_forward`, `prerender`), when the browser tells.
pub(crate) fn navigation_type() -> Option<String> {
    let performance = super::js::get(&super::js::global(), "performance")?;
    let list = super::js::call(&performance, "getEntriesByType", &["navigation".into()])?;
    let entry = js_sys::Array::from(&list).get(0);
    super::js::string(&entry, &["type"])
}

/// Loads `url` in place of the current history entry.
pub(crate) fn replace_location(url: &str) {
    if let Some(w) = super::dom::window() {
        let _ = w.location().replace(url);
    }
}

/// Leaves for `url` (another site, such as the sign-in service), keeping this page in history.
pub(crate) fn assign_location(url: &str) {
    if let Some(w) = super::dom::window() {
        let _ = w.location().assign(url);
    }
}

/// Whether a `pageshow` event restored the page from the back-forward cache.
pub(crate) fn restored_from_cache(event: &web_sys::Event) -> bool {
    super::listen::event_field(event, "persisted").is_some_and(|p| p.is_truthy())
}

/// Whether a click went to a link that leaves this origin (another site, `mailto:`, `tel:`).
pub(crate) fn click_leaves_origin(event: &web_sys::Event) -> bool {
    let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return false;
    };
    // The resolved address (the `href` property, not the attribute).
    let href = super::js::string(link.as_ref(), &["href"]).unwrap_or_default();
    let origin = super::dom::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    !href.starts_with(&format!("{origin}/"))
}

/// Removes everything inside the element matching `selector` (a kiosk's screen, the moment
/// before its reset).
pub(crate) fn clear(selector: &str) {
    if let Some(el) = super::dom::document().and_then(|d| d.query_selector(selector).ok().flatten())
    {
        el.replace_children_with_node_0();
    }
}
