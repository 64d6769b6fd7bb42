//! The clean-up after either sanitiser: whatever it let through that [`super::policy`] does
//! not keep goes, links are checked and marked, images become their alt text and headings are
//! shifted down. Run on both paths, so they give the same result.

use super::policy::{self, Action};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

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
pub(crate) fn tidy(doc: &Document, root: &Element) {
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
