//! The two sanitisers: the browser's own (`Element.setHTML`, the HTML Sanitizer API) and
//! DOMPurify (loaded on demand from `dist/vendor/`), both configured from [`super::policy`]
//! and followed by the same clean-up ([`super::tidy`]).
//!
//! Backend HTML is only ever parsed by inert parsers (the Sanitizer API's, DOMPurify's and
//! `DOMParser`'s): it is never assigned to `innerHTML`, and sanitised nodes are moved into the
//! page as nodes, not serialised and parsed again (which is how mutation XSS slips through).
//!
//! Under the app's CSP, Chromium reports a `script-src-attr inline` violation whenever any of
//! these parsers meets an event-handler attribute (`onerror=` …), before the sanitiser removes
//! it: a report, not a run. So that a site collecting CSP reports does not drown in them, the
//! markup first goes through [`super::prefilter`], which drops event-handler attributes from
//! the text before any parser sees it (the sanitiser stays the safety net).

use super::policy;
use super::prefilter::without_event_handlers;
use super::tidy::tidy;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// Where Trunk copies DOMPurify (see index.html), relative to the public URL.
pub(crate) const DOMPURIFY_PATH: &str = "vendor/purify.min.js";

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

fn strings(list: impl IntoIterator<Item = &'static str>) -> Array {
    list.into_iter().map(JsValue::from_str).collect()
}

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// `Element.prototype.setHTML` (the HTML Sanitizer API), if this browser has it.
pub fn set_html_method() -> Option<Function> {
    let element = get(&js_sys::global(), "Element");
    get(&get(&element, "prototype"), "setHTML").dyn_into().ok()
}

/// DOMPurify's `sanitize`, once DOMPurify is on the page.
fn dompurify_sanitize() -> Option<(JsValue, Function)> {
    let purify = get(&js_sys::global(), "DOMPurify");
    let sanitize = get(&purify, "sanitize").dyn_into().ok()?;
    Some((purify, sanitize))
}

/// True when DOMPurify is on the page.
pub fn dompurify_ready() -> bool {
    dompurify_sanitize().is_some()
}

/// The configuration for `setHTML`: [`policy`]'s elements, each with its own attributes.
fn sanitizer_config() -> Object {
    let elements = Array::new();
    for tag in policy::KEEP
        .iter()
        .chain(policy::UNWRAP)
        .chain([&policy::IMAGE])
    {
        let element = Object::new();
        set(&element, "name", *tag);
        let attributes = policy::ELEMENT_ATTRIBUTES
            .iter()
            .find(|(t, _)| t == tag)
            .map_or(&[][..], |(_, a)| *a);
        set(&element, "attributes", strings(attributes.iter().copied()));
        elements.push(&element);
    }
    let sanitizer = Object::new();
    set(&sanitizer, "elements", elements);
    set(
        &sanitizer,
        "attributes",
        strings(policy::GLOBAL_ATTRIBUTES.iter().copied()),
    );
    set(&sanitizer, "comments", false);
    let options = Object::new();
    set(&options, "sanitizer", sanitizer);
    options
}

/// The configuration for `DOMPurify.sanitize`, returning nodes rather than a string.
fn dompurify_config() -> Object {
    let config = Object::new();
    let tags = strings(
        policy::KEEP
            .iter()
            .chain(policy::UNWRAP)
            .copied()
            // Text is a "tag" to DOMPurify, allowed by itself only with KEEP_CONTENT.
            .chain([policy::IMAGE, "#text"]),
    );
    set(&config, "ALLOWED_TAGS", tags);
    set(&config, "ALLOWED_ATTR", strings(policy::all_attributes()));
    set(&config, "ALLOW_DATA_ATTR", false);
    set(&config, "ALLOW_ARIA_ATTR", false);
    set(&config, "KEEP_CONTENT", false);
    set(&config, "RETURN_DOM_FRAGMENT", true);
    set(
        &config,
        "ALLOWED_URI_REGEXP",
        js_sys::RegExp::new(r"^(?:https?|mailto|tel):", "i"),
    );
    // DOMPurify checks every other attribute's value against that expression too, unless it
    // is declared safe: all but `href` are plain values.
    set(
        &config,
        "ADD_URI_SAFE_ATTR",
        strings(
            policy::all_attributes()
                .into_iter()
                .filter(|a| *a != "href"),
        ),
    );
    config
}

/// Sanitised content of `html` in a detached `<div>`, by whichever sanitiser is available now;
/// `None` when neither is (DOMPurify not loaded yet) or the sanitiser failed.
pub fn sanitize_now(html: &str) -> Option<Element> {
    let html = &without_event_handlers(html);
    let doc = document()?;
    let holder = doc.create_element("div").ok()?;
    if let Some(set_html) = set_html_method() {
        if set_html
            .call2(&holder, &JsValue::from_str(html), &sanitizer_config())
            .is_ok()
        {
            tidy(&doc, &holder);
            return Some(holder);
        }
    }
    let (purify, sanitize) = dompurify_sanitize()?;
    let fragment = sanitize
        .call2(&purify, &JsValue::from_str(html), &dompurify_config())
        .ok()?
        .dyn_into::<Node>()
        .ok()?;
    holder.append_child(&fragment).ok()?;
    tidy(&doc, &holder);
    Some(holder)
}

/// Moves the sanitised nodes of `holder` into `target`, in place of what it held.
pub(crate) fn show(target: &Element, holder: &Element) {
    target.replace_children_with_node_0();
    while let Some(child) = holder.first_child() {
        let _ = target.append_child(&child);
    }
}

/// Puts DOMPurify on the page from `src` (the app uses public URL + [`DOMPURIFY_PATH`]) unless
/// it is there, once however many components ask at the same time. After a failure the next
/// call tries again.
pub async fn ensure_dompurify(src: &str) -> Result<(), String> {
    if dompurify_ready() {
        return Ok(());
    }
    crate::web::script::ensure_script(src).await?;
    if dompurify_ready() {
        Ok(())
    } else {
        Err(format!("{src} did not define DOMPurify"))
    }
}
