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
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type ResizeObserver;
    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> ResizeObserver;
    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);
}

/// Messages between the app and `embed.js`, as `{"type": …}` objects.
const HEIGHT: &str = "osallistu:height";
const PATH: &str = "osallistu:path";
const LANG: &str = "osallistu:lang";
const NAVIGATE: &str = "osallistu:navigate";

fn message(kind: &str, key: &str, value: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&o, &key.into(), value);
    o.into()
}

fn field(o: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(o, &key.into()).ok()?.as_string()
}

/// The parent window when the app runs in an iframe, else `None`.
fn parent_window(w: &web_sys::Window) -> Option<web_sys::Window> {
    let parent = w.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, w)).then_some(parent)
}

/// Starts talking to the embedding page, when there is one and it is allowed. Call once,
/// inside the app (it reads the router and language from context).
pub fn start(router: Router, i18n: I18n, origins: Vec<String>) {
    let Some(w) = web_sys::window() else { return };
    let Some(parent) = parent_window(&w) else {
        return;
    };
    if origins.is_empty() {
        return;
    }
    let document = w.document();
    if let Some(root) = document.as_ref().and_then(|d| d.document_element()) {
        // The page is as tall as its content, not the viewport: the iframe follows it.
        let _ = root.class_list().add_1("os-embedded");
    }
    if let Some(lang) = w
        .location()
        .search()
        .ok()
        .and_then(|s| query_value(&s, "lang"))
        .and_then(|code| Lang::from_code(&code))
        .filter(|l| i18n.offered().contains(l))
    {
        i18n.set(lang);
    }
    let origins = StoredValue::new(origins);
    let to_parent = {
        let parent = send_wrapper::SendWrapper::new(parent.clone());
        move |msg: JsValue| {
            origins.with_value(|list| {
                for origin in list {
                    // Delivered only if the parent's origin is exactly this one.
                    let _ = parent.post_message(&msg, origin);
                }
            })
        }
    };

    // Height: whenever the body changes size.
    if let Some(body) = document.as_ref().and_then(|d| d.body()) {
        let send = to_parent.clone();
        let measured = body.clone();
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let height = f64::from(measured.offset_height());
            send(message(HEIGHT, "height", &JsValue::from_f64(height)));
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref());
        observer.observe(&body);
        on_resize.forget();
        std::mem::forget(observer);
    }

    // Path: on every route change.
    {
        let send = to_parent.clone();
        Effect::new(move |_| {
            let path = router.route().path();
            send(message(PATH, "path", &path.into()));
        });
    }

    // Language and navigation from the host page.
    let parent_js: JsValue = parent.into();
    let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let ev: JsValue = ev.into();
        let from_parent = js_sys::Reflect::get(&ev, &"source".into())
            .is_ok_and(|source| js_sys::Object::is(&source, &parent_js));
        let origin_ok =
            field(&ev, "origin").is_some_and(|o| origins.with_value(|list| list.contains(&o)));
        if !from_parent || !origin_ok {
            return;
        }
        let Ok(data) = js_sys::Reflect::get(&ev, &"data".into()) else {
            return;
        };
        match field(&data, "type").as_deref() {
            Some(LANG) => {
                if let Some(lang) = field(&data, "lang")
                    .and_then(|c| Lang::from_code(&c))
                    .filter(|l| i18n.offered().contains(l))
                {
                    i18n.set(lang);
                }
            }
            Some(NAVIGATE) => {
                if let Some(path) = field(&data, "path").filter(|p| p.starts_with('/')) {
                    let route = Route::parse(&path);
                    if router.route_untracked() != route {
                        router.navigate(route);
                    }
                }
            }
            _ => {}
        }
    });
    let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
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
