//! Reading backend HTML as plain text, with an inert parser.

use super::policy::{self, Piece};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

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
