//! The project's Atom feed of updates, announced in the document head.

use crate::config::Backend;
use crate::domain::Lang;
use crate::web::head_link::HeadLink;
use leptos::prelude::*;

/// The address of a project's Atom feed in `lang`.
pub(super) fn feed_href(backend: &Backend, id: &str, lang: Lang) -> String {
    format!(
        "{}/projects/{id}/updates.atom?lang={}",
        backend.base_url,
        lang.code()
    )
}

/// `<link rel="alternate" type="application/atom+xml">` in the document head while the calling
/// view lives, so feed readers and browsers find the feed: its address, language and title
/// follow `lang` and `title`.
pub(super) fn announce_feed(
    backend: &Backend,
    id: &str,
    lang: impl Fn() -> Lang + 'static,
    title: impl Fn() -> String + 'static,
) {
    let link = StoredValue::new_local(HeadLink::new("alternate", "application/atom+xml"));
    let (backend, id) = (backend.clone(), id.to_owned());
    Effect::new(move |_| {
        let lang = lang();
        let href = feed_href(&backend, &id, lang);
        let title = title();
        link.with_value(|link| {
            link.set("href", &href);
            link.set("hreflang", lang.code());
            link.set("title", &title);
        });
    });
}
