//! Forgets everything the app (or anything else on its origin) left in the browser (a kiosk's
//! reset): both Web
//! Storage areas, every IndexedDB database, the service worker (unregistered first, so it
//! cannot fill its caches again), every Cache Storage cache and the cookies the page can see. IndexedDB and Cache Storage are reached through `super::js`, which
//! needs no extra `web-sys` bindings, and are simply skipped where the browser lacks them.

use super::js::{call, get};
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

async fn settle(value: Option<JsValue>) -> Option<JsValue> {
    super::js::await_promise(value?).await.ok()
}

/// Wipes everything; resolves once IndexedDB and Cache Storage confirmed the deletions.
pub async fn everything() {
    let Some(window) = web_sys::window() else {
        return;
    };
    for storage in [window.local_storage(), window.session_storage()] {
        if let Ok(Some(s)) = storage {
            let _ = s.clear();
        }
    }
    if let Some(document) = window.document() {
        cookies(&document, &window.location());
    }
    indexed_db(&window).await;
    service_workers(&window).await;
    caches(&window).await;
}

async fn service_workers(window: &web_sys::Window) {
    let Some(container) = get(window.navigator().as_ref(), "serviceWorker") else {
        return;
    };
    let Some(list) = settle(call(&container, "getRegistrations", &[])).await else {
        return;
    };
    for registration in Array::from(&list).iter() {
        settle(call(&registration, "unregister", &[])).await;
    }
}

async fn indexed_db(window: &web_sys::Window) {
    let Some(idb) = get(window.as_ref(), "indexedDB") else {
        return;
    };
    let Some(list) = settle(call(&idb, "databases", &[])).await else {
        return;
    };
    for db in Array::from(&list).iter() {
        let Some(name) = get(&db, "name") else {
            continue;
        };
        let Some(request) = call(&idb, "deleteDatabase", &[name]) else {
            continue;
        };
        // Done when the request succeeds, fails or is blocked (then it completes as soon as
        // this page, the only user, goes away).
        let done = Promise::new(&mut |resolve, _| {
            for event in ["onsuccess", "onerror", "onblocked"] {
                let _ = Reflect::set(&request, &JsValue::from_str(event), &resolve);
            }
        });
        let _ = JsFuture::from(done).await;
    }
}

async fn caches(window: &web_sys::Window) {
    let Some(caches) = get(window.as_ref(), "caches") else {
        return;
    };
    let Some(keys) = settle(call(&caches, "keys", &[])).await else {
        return;
    };
    for key in Array::from(&keys).iter() {
        settle(call(&caches, "delete", &[key])).await;
    }
}

/// Expires every cookie the page can read. A cookie is only removed by a write with its own
/// path and domain, which the page cannot read back, so every path prefix of the current
/// address and every parent domain is tried (host-only cookies have no domain attribute).
fn cookies(document: &web_sys::Document, location: &web_sys::Location) {
    let Some(jar) = get(document.as_ref(), "cookie").and_then(|c| c.as_string()) else {
        return;
    };
    let path = location.pathname().unwrap_or_default();
    let host = location.hostname().unwrap_or_default();
    for name in cookie_names(&jar) {
        for p in path_prefixes(&path) {
            for domain in domain_variants(&host) {
                let expired = format!("{name}=; Max-Age=0; path={p}{domain}");
                let _ = Reflect::set(document, &"cookie".into(), &expired.into());
            }
        }
    }
}

/// The cookie names in a `document.cookie` string (`a=1; b=2`).
fn cookie_names(jar: &str) -> Vec<&str> {
    jar.split(';')
        .map(|c| c.split_once('=').map_or(c, |(name, _)| name).trim())
        .filter(|n| !n.is_empty())
        .collect()
}

/// `/`, then every longer prefix of `path`, with and without a trailing slash.
fn path_prefixes(path: &str) -> Vec<String> {
    let mut out = vec!["/".to_owned()];
    let mut prefix = String::new();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        prefix.push('/');
        prefix.push_str(segment);
        out.push(prefix.clone());
        out.push(format!("{prefix}/"));
    }
    out
}

/// `""` (a host-only cookie), then `; domain=` for the host and each parent domain.
fn domain_variants(host: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let parts: Vec<&str> = host.split('.').collect();
    if host.parse::<std::net::Ipv4Addr>().is_err() {
        for i in 0..parts.len().saturating_sub(1) {
            out.push(format!("; domain={}", parts[i..].join(".")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_names_are_read_from_the_jar() {
        assert_eq!(cookie_names("a=1; b=x=y;c="), vec!["a", "b", "c"]);
        assert!(cookie_names("").is_empty());
    }

    #[test]
    fn cookies_are_expired_on_every_path_and_parent_domain() {
        assert_eq!(
            path_prefixes("/kiosk/plans/1"),
            [
                "/",
                "/kiosk",
                "/kiosk/",
                "/kiosk/plans",
                "/kiosk/plans/",
                "/kiosk/plans/1",
                "/kiosk/plans/1/"
            ]
        );
        assert_eq!(
            domain_variants("osallistu.example.fi"),
            ["", "; domain=osallistu.example.fi", "; domain=example.fi"]
        );
        assert_eq!(domain_variants("127.0.0.1"), [""]);
    }
}
