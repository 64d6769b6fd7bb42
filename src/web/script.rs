//! Adds a script or stylesheet of ours to the page once (Leaflet, DOMPurify), and waits for it.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Loads in progress or done, by address: two views asking at once share one load.
    static LOADS: RefCell<HashMap<String, js_sys::Promise>> = RefCell::new(HashMap::new());
}

/// Adds `<link rel=stylesheet href>` unless the page has it.
pub(crate) fn ensure_stylesheet(href: &str) {
    let Some(document) = super::dom::document() else {
        return;
    };
    let present = document
        .query_selector(&format!("link[href=\"{href}\"]"))
        .ok()
        .flatten()
        .is_some();
    let (Some(head), false) = (document.head(), present) else {
        return;
    };
    if let Ok(link) = document.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let _ = head.append_child(&link);
    }
}

/// Runs the script at `src` once per page and resolves when it has run. A failed load is
/// forgotten, so a later call (a retry) tries again.
pub(crate) async fn ensure_script(src: &str) -> Result<(), String> {
    let promise = LOADS.with(|l| {
        l.borrow_mut()
            .entry(src.to_owned())
            .or_insert_with(|| add(src))
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => {
            LOADS.with(|l| l.borrow_mut().remove(src));
            // Gone, so that the next attempt adds a fresh element.
            if let Some(old) = super::dom::document().and_then(|d| {
                d.query_selector(&format!("script[src=\"{src}\"]"))
                    .ok()
                    .flatten()
            }) {
                old.remove();
            }
            Err(format!("could not load {src}"))
        }
    }
}

fn add(src: &str) -> js_sys::Promise {
    let document = super::dom::document();
    let head = document.as_ref().and_then(|d| d.head());
    let script = document.and_then(|d| d.create_element("script").ok());
    let (Some(head), Some(script)) = (head, script) else {
        return js_sys::Promise::reject(&JsValue::from_str("no document"));
    };
    let script: web_sys::HtmlScriptElement = script.unchecked_into();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    script.set_src(src);
    if head.append_child(&script).is_err() {
        return js_sys::Promise::reject(&JsValue::from_str("append"));
    }
    promise
}
