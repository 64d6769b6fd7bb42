//! The document: elements by id, focus and scrolling, the title and the root's language.

use wasm_bindgen::JsCast;

/// The window, if there is one (not in a worker or a native test).
pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The document.
pub(crate) fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The element with `id` (ids are `os-` prefixed).
pub(crate) fn by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Moves the keyboard focus to the element with `id`. Returns false when there is none.
pub(crate) fn focus_id(id: &str) -> bool {
    by_id(id).is_some_and(|el| el.focus().is_ok())
}

/// Scrolls the element with `id` into view (nearest edge, no animation when the user asked
/// for reduced motion: the browser decides with `behavior: auto`).
pub(crate) fn scroll_to_id(id: &str) {
    if let Some(el) = by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls the page to its top (after in-app navigation).
pub(crate) fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Sets the document's `<title>`.
pub(crate) fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Sets `lang` on `<html>`.
pub(crate) fn set_root_lang(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// The browser's preferred languages (`navigator.languages`).
pub(crate) fn browser_languages() -> Vec<String> {
    window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Sets CSS custom properties (`--os-…`) on `el` through the CSSOM, which a strict CSP allows.
pub(crate) fn set_style_properties(el: &web_sys::HtmlElement, properties: &[(String, String)]) {
    let style = el.style();
    for (name, value) in properties {
        let _ = style.set_property(name, value);
    }
}

/// The closest `<a href>` around the target of `ev`, and its `href` attribute.
pub(crate) fn link_href(ev: &web_sys::Event) -> Option<String> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .get_attribute("href")
}

/// Reloads the page.
pub(crate) fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// The address's query string, with its `?` (`""` when there is none).
pub(crate) fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The address's path.
pub(crate) fn location_path() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The address's fragment, with its `#` (`""` when there is none).
pub(crate) fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Whether the browser says it is online (`navigator.onLine`).
pub(crate) fn online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}

/// Whether the page is shown (not in a background tab).
pub(crate) fn visible() -> bool {
    document().is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// An element of the page (what the app mounts into).
pub(crate) type HtmlElement = web_sys::HtmlElement;

/// The element with `id`, emptied, to mount the app into; the body when there is none.
pub(crate) fn mount_target(id: &str) -> HtmlElement {
    let document = document().expect("a document");
    if let Some(el) = by_id(id) {
        el.replace_children_with_node_0();
        return el;
    }
    document.body().expect("a body")
}

/// The `lang` of `<html>`.
pub(crate) fn root_lang() -> Option<String> {
    document()?.document_element()?.get_attribute("lang")
}

/// The page's own address.
pub(crate) fn location_href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Puts a plain-DOM alert at the top of the body (no reactive code involved: what a panic
/// notice needs), unless an element with `id` is already there: a heading, a text and a link.
pub(crate) fn prepend_alert(id: &str, class: &str, title: &str, text: &str, link: (&str, &str)) {
    let Some(document) = document() else { return };
    if document.get_element_by_id(id).is_some() {
        return;
    }
    let build = || -> Option<()> {
        let notice = document.create_element("div").ok()?;
        notice.set_id(id);
        notice.set_class_name(class);
        notice.set_attribute("role", "alert").ok()?;
        let h = document.create_element("h2").ok()?;
        h.set_text_content(Some(title));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(text));
        let a = document.create_element("a").ok()?;
        a.set_class_name("os-button os-button--primary");
        a.set_attribute("href", link.1).ok()?;
        a.set_text_content(Some(link.0));
        notice.append_with_node_3(&h, &p, &a).ok()?;
        document.body()?.prepend_with_node_1(&notice).ok()
    };
    let _ = build();
}

/// The address's origin (`https://osallistu.example.fi`), for links shown to be kept.
pub(crate) fn location_origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
