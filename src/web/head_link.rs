//! A `<link>` element in the document's head (a page's Atom feed), removed again with its owner.

/// A `<link rel=… type=…>` in `<head>`; dropping it removes the element.
pub(crate) struct HeadLink(Option<web_sys::Element>);

impl HeadLink {
    /// Adds `<link rel="{rel}" type="{kind}">` to the head.
    pub(crate) fn new(rel: &str, kind: &str) -> HeadLink {
        let element = super::dom::document().and_then(|doc| {
            let link = doc.create_element("link").ok()?;
            let _ = link.set_attribute("rel", rel);
            let _ = link.set_attribute("type", kind);
            doc.head()?.append_child(&link).ok()?;
            Some(link)
        });
        HeadLink(element)
    }

    /// Sets (or replaces) the attribute `name`.
    pub(crate) fn set(&self, name: &str, value: &str) {
        if let Some(el) = &self.0 {
            let _ = el.set_attribute(name, value);
        }
    }
}

impl Drop for HeadLink {
    fn drop(&mut self) {
        if let Some(el) = self.0.take() {
            el.remove();
        }
    }
}
