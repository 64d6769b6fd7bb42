//! The service worker (`public/sw.js`): registering it, hearing that a new version waits, and
//! letting that version take over. Reached through `super::js`, which needs no extra web-sys
//! bindings.

use super::js::{call, get, global, object};
use super::listen::listen_on;
use wasm_bindgen::JsValue;

fn container() -> Option<JsValue> {
    get(&get(&global(), "navigator")?, "serviceWorker")
}

/// Whether a service worker controls this page (an older version, when one is installing).
fn controlled(container: &JsValue) -> bool {
    get(container, "controller").is_some()
}

/// Registers `script` for `scope`. `on_update_ready` is called when a new version has been
/// installed and waits to take over this page (also at once if one already waits);
/// `on_taken_over` when a new version has taken over. Listeners live with the reactive owner.
pub(crate) fn register(
    script: &str,
    scope: &str,
    on_update_ready: impl Fn() + Clone + 'static,
    on_taken_over: impl Fn() + 'static,
) {
    let Some(container) = container() else {
        return;
    };
    let Some(promise) = call(
        &container,
        "register",
        &[script.into(), object(&[("scope", scope.into())])],
    ) else {
        return;
    };
    let owner = leptos::prelude::Owner::current();
    let for_task = container.clone();
    leptos::task::spawn_local(async move {
        let registration = match super::js::await_promise(promise).await {
            Ok(r) => r,
            Err(e) => {
                leptos::logging::warn!("service worker not registered: {e:?}");
                return;
            }
        };
        let run = move || {
            if controlled(&for_task) && get(&registration, "waiting").is_some() {
                on_update_ready();
            }
            let reg = registration.clone();
            let container = for_task.clone();
            let ready = on_update_ready.clone();
            listen_on(&registration, "updatefound", move || {
                let Some(installing) = get(&reg, "installing") else {
                    return;
                };
                let worker = installing.clone();
                let container = container.clone();
                let ready = ready.clone();
                listen_on(&installing, "statechange", move || {
                    let state = get(&worker, "state").and_then(|s| s.as_string());
                    if state.as_deref() == Some("installed") && controlled(&container) {
                        ready();
                    }
                });
            });
        };
        match owner {
            Some(o) => o.with(run),
            None => run(),
        }
    });
    listen_on(&container, "controllerchange", on_taken_over);
}

/// Asks the waiting version to take over (`sw.js` listens for `osallistu:update`).
pub(crate) fn take_over() {
    let Some(container) = container() else { return };
    let Some(promise) = call(&container, "getRegistration", &[]) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(registration) = super::js::await_promise(promise).await else {
            return;
        };
        if let Some(waiting) = get(&registration, "waiting") {
            let message = object(&[("type", "osallistu:update".into())]);
            call(&waiting, "postMessage", &[message]);
        }
    });
}

/// Points the page's `<link rel=manifest>` (added when missing) at `href`.
pub(crate) fn set_manifest(href: &str) {
    let Some(document) = super::dom::document() else {
        return;
    };
    let link = document
        .query_selector("link[rel=manifest]")
        .ok()
        .flatten()
        .or_else(|| {
            let l = document.create_element("link").ok()?;
            let _ = l.set_attribute("rel", "manifest");
            document.head()?.append_child(&l).ok()?;
            Some(l)
        });
    if let Some(link) = link {
        let _ = link.set_attribute("href", href);
    }
}
