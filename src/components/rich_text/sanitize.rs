//! The browser side of [`super::RichText`]: the two sanitisers, loading DOMPurify on demand, the
//! inert plain-text reading, and the clean-up of sanitised output by [`super::policy`].
//!
//! Backend HTML is only ever parsed by inert parsers (the Sanitizer API's, DOMPurify's and
//! `DOMParser`'s): it is never assigned to `innerHTML`, and sanitised nodes are moved into the
//! page as nodes, not serialised and parsed again (which is how mutation XSS slips through).
//!
//! Under the app's CSP, Chromium reports a `script-src-attr inline` violation whenever any of
//! these parsers meets an event-handler attribute (`onerror=` …), before the sanitiser removes
//! it: a report, not a run. Pages showing such backend text will see those reports and no other.

use super::policy::{self, Action, Piece};
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Node};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Where Trunk copies DOMPurify (see index.html), relative to the public URL.
pub const DOMPURIFY_PATH: &str = "vendor/purify.min.js";

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

fn unwrap(el: &Element) {
    if let Some(parent) = el.parent_node() {
        while let Some(child) = el.first_child() {
            let _ = parent.insert_before(&child, Some(el));
        }
    }
    el.remove();
}

fn strip_attributes(el: &Element, tag: &str) {
    for name in el.get_attribute_names().iter() {
        let name = name.as_string().unwrap_or_default();
        if !policy::attribute_allowed(tag, &name.to_ascii_lowercase()) {
            let _ = el.remove_attribute(&name);
        }
    }
}

/// Applies [`policy`] to sanitised output: whatever the sanitiser let through that the policy
/// does not keep goes, links are checked and marked, images become their alt text and headings
/// are shifted down. Run on both paths, so they give the same result.
pub fn tidy(doc: &Document, root: &Element) {
    let Ok(list) = root.query_selector_all("*") else {
        return;
    };
    let elements: Vec<Element> = (0..list.length())
        .filter_map(|i| list.get(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let top = elements
        .iter()
        .filter_map(|e| policy::heading_level(&e.local_name()))
        .min();
    for el in elements {
        if !root.contains(Some(&el)) {
            continue; // inside an element already removed
        }
        let tag = el.local_name().to_ascii_lowercase();
        let html = el.namespace_uri().as_deref() == Some(XHTML);
        match if html {
            policy::action(&tag)
        } else {
            Action::Remove
        } {
            Action::Remove => el.remove(),
            Action::Unwrap => unwrap(&el),
            Action::AltText => {
                let alt = el.get_attribute("alt").unwrap_or_default();
                let alt = alt.trim();
                if !alt.is_empty() {
                    let text = doc.create_text_node(alt);
                    let _ = el.replace_with_with_node_1(&text);
                }
                el.remove();
            }
            Action::Keep => {
                strip_attributes(&el, &tag);
                if tag == "a" {
                    match el.get_attribute("href").and_then(|h| policy::safe_href(&h)) {
                        Some(href) => {
                            let _ = el.set_attribute("href", &href);
                            let _ = el.set_attribute("rel", policy::LINK_REL);
                        }
                        None => unwrap(&el),
                    }
                } else if let (Some(level), Some(top)) = (policy::heading_level(&tag), top) {
                    let new_level = policy::demoted(level, top);
                    if new_level != level {
                        rename(doc, &el, &format!("h{new_level}"));
                    }
                }
            }
        }
    }
}

fn rename(doc: &Document, el: &Element, tag: &str) {
    let Ok(new) = doc.create_element(tag) else {
        return;
    };
    if let Some(lang) = el.get_attribute("lang") {
        let _ = new.set_attribute("lang", &lang);
    }
    while let Some(child) = el.first_child() {
        let _ = new.append_child(&child);
    }
    let _ = el.replace_with_with_node_1(&new);
}

/// The text of `html` for showing before (or instead of) sanitised markup, read from an inert
/// `DOMParser` document: nothing in it runs or loads.
pub fn plain_text(html: &str) -> String {
    let parsed = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(html, web_sys::SupportedType::TextHtml));
    let Some(body) = parsed.ok().and_then(|d| d.body()) else {
        return String::new();
    };
    let mut pieces = Vec::new();
    collect_text(&body, &mut pieces);
    policy::join_plain(&pieces)
}

fn collect_text(node: &Node, pieces: &mut Vec<Piece>) {
    let mut child = node.first_child();
    while let Some(n) = child {
        match n.node_type() {
            Node::TEXT_NODE => pieces.push(Piece::Text(n.node_value().unwrap_or_default())),
            Node::ELEMENT_NODE => {
                let tag = n
                    .unchecked_ref::<Element>()
                    .local_name()
                    .to_ascii_lowercase();
                if !policy::is_hidden(&tag) {
                    collect_text(&n, pieces);
                    for _ in 0..policy::breaks_after(&tag) {
                        pieces.push(Piece::Break);
                    }
                }
            }
            _ => {}
        }
        child = n.next_sibling();
    }
}

thread_local! {
    /// The one load of DOMPurify in progress (its promise and script element), shared by every
    /// component waiting for it.
    static LOADING: RefCell<Option<(Promise, Element)>> = const { RefCell::new(None) };
}

fn start_loading(src: &str) -> Result<(Promise, Element), String> {
    let doc = document().ok_or("no document")?;
    let head = doc.head().ok_or("no head")?;
    let script: web_sys::HtmlScriptElement = doc
        .create_element("script")
        .map_err(|_| "script")?
        .unchecked_into();
    let promise = Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    script.set_src(src);
    head.append_child(&script).map_err(|_| "append")?;
    Ok((promise, script.into()))
}

/// Puts DOMPurify on the page from `src` (the app uses public URL + [`DOMPURIFY_PATH`]) unless
/// it is there, once however many components ask at the same time. After a failure the next
/// call tries again.
pub async fn ensure_dompurify(src: &str) -> Result<(), String> {
    if dompurify_ready() {
        return Ok(());
    }
    let existing = LOADING.with(|slot| slot.borrow().clone());
    let (promise, script) = match existing {
        Some(loading) => loading,
        None => {
            let loading = start_loading(src)?;
            LOADING.with(|slot| *slot.borrow_mut() = Some(loading.clone()));
            loading
        }
    };
    let loaded = JsFuture::from(promise.clone()).await.is_ok();
    LOADING.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot
            .as_ref()
            .is_some_and(|(p, _)| JsValue::from(p) == JsValue::from(&promise))
        {
            *slot = None;
        }
    });
    if loaded && dompurify_ready() {
        Ok(())
    } else {
        // Gone, so that the next attempt adds a fresh element.
        script.remove();
        Err(format!("could not load {src}"))
    }
}
