//! Running inside an iframe that a municipal website made with `public/embed.js`.
//!
//! The app talks only to the sites listed in `config.json` (`embed.allowed_origins`), with
//! `postMessage` to exactly those origins, and listens only to messages from its parent
//! window that come from one of them. What it says: its height (so the iframe fits its content
//! without a scrollbar of its own) and its current path (so the host page can keep a deep link
//! such as `#osallistu=/plans/12`). What it hears: a language to switch to and a path to show.
//! Nothing else crosses, and nothing personal is ever sent.

use crate::domain::Lang;
use crate::i18n::I18n;
use crate::router::{Route, Router};
use crate::web::{dom, frame};
use leptos::prelude::*;

/// Messages between the app and `embed.js`, as `{"type": …}` objects.
const HEIGHT: &str = "osallistu:height";
const PATH: &str = "osallistu:path";
const LANG: &str = "osallistu:lang";
const NAVIGATE: &str = "osallistu:navigate";

/// Starts talking to the embedding page, when there is one and it is allowed. Call once,
/// inside the app (it reads the router and language from context).
pub(crate) fn start(router: Router, i18n: I18n, origins: Vec<String>) {
    let Some(parent) = frame::Parent::get() else {
        return;
    };
    if origins.is_empty() {
        return;
    }
    // The page is as tall as its content, not the viewport: the iframe follows it.
    frame::mark_root("os-embedded");
    if let Some(lang) = query_value(&dom::location_search(), "lang")
        .and_then(|code| Lang::from_code(&code))
        .filter(|l| i18n.offered().contains(l))
    {
        i18n.set(lang);
    }
    let origins = StoredValue::new(origins);
    let to_parent = {
        let parent = send_wrapper::SendWrapper::new(parent.clone());
        move |kind: &str, key: &str, value: wasm_bindgen::JsValue| {
            origins.with_value(|list| {
                for origin in list {
                    parent.post(origin, kind, key, value.clone());
                }
            })
        }
    };

    // Height: whenever the body changes size.
    {
        let send = to_parent.clone();
        frame::on_body_height(move |h| send(HEIGHT, "height", h.into()));
    }

    // Path: on every route change.
    Effect::new(move |_| {
        let path = router.route().path();
        to_parent(PATH, "path", path.into());
    });

    // Language and navigation from the host page.
    parent.on_message(
        move |origin| origins.with_value(|list| list.iter().any(|o| o == origin)),
        move |data| match data.field("type").as_deref() {
            Some(LANG) => {
                if let Some(lang) = data
                    .field("lang")
                    .and_then(|c| Lang::from_code(&c))
                    .filter(|l| i18n.offered().contains(l))
                {
                    i18n.set(lang);
                }
            }
            Some(NAVIGATE) => {
                if let Some(path) = data.field("path").filter(|p| p.starts_with('/')) {
                    let route = Route::parse(&path);
                    if router.route_untracked() != route {
                        router.navigate(route);
                    }
                }
            }
            _ => {}
        },
    );
}

/// The value of `key` in a query string such as `?embed=1&lang=sv`.
fn query_value(search: &str, key: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::query_value;

    #[test]
    fn the_language_is_read_from_the_query() {
        assert_eq!(
            query_value("?embed=1&lang=sv", "lang").as_deref(),
            Some("sv")
        );
        assert_eq!(query_value("?lang=en", "lang").as_deref(), Some("en"));
        assert_eq!(query_value("?language=en", "lang"), None);
        assert_eq!(query_value("", "lang"), None);
    }
}
