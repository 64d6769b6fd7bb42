//! Talking with the page around the app when it runs in an iframe (`public/embed.js`):
//! `postMessage` to and from the parent window, and the body's height.

use super::js::{get, object};
use wasm_bindgen::closure::Closure;
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

/// The parent window of an app running in an iframe.
#[derive(Clone)]
pub(crate) struct Parent(web_sys::Window);

impl Parent {
    /// The parent window, or `None` when the app is not in a frame.
    pub(crate) fn get() -> Option<Parent> {
        let w = super::dom::window()?;
        let parent = w.parent().ok().flatten()?;
        (!js_sys::Object::is(&parent, &w)).then_some(Parent(parent))
    }

    /// Sends `{"type": kind, key: value}` to the parent, delivered only if its origin is
    /// exactly `origin`.
    pub(crate) fn post(&self, origin: &str, kind: &str, key: &str, value: JsValue) {
        let msg = object(&[("type", kind.into()), (key, value)]);
        let _ = self.0.post_message(&msg, origin);
    }

    /// Calls `handler(data)` for each message whose source is this parent window and whose
    /// origin `allowed` accepts. For the life of the page.
    pub(crate) fn on_message(
        &self,
        allowed: impl Fn(&str) -> bool + 'static,
        handler: impl Fn(Message) + 'static,
    ) {
        let parent: JsValue = self.0.clone().into();
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let ev: JsValue = ev.into();
            let from_parent = get(&ev, "source").is_some_and(|s| js_sys::Object::is(&s, &parent));
            let origin_ok = get(&ev, "origin")
                .and_then(|o| o.as_string())
                .is_some_and(|o| allowed(&o));
            if from_parent && origin_ok {
                if let Some(data) = get(&ev, "data") {
                    handler(Message(data));
                }
            }
        });
        if let Some(w) = super::dom::window() {
            let _ =
                w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        }
        on_message.forget();
    }
}

/// The data of a message from the parent.
pub(crate) struct Message(JsValue);

impl Message {
    /// A string field of the message (`type`, `lang`, `path`).
    pub(crate) fn field(&self, key: &str) -> Option<String> {
        get(&self.0, key)?.as_string()
    }
}

/// Calls `f(height in CSS px)` whenever the body changes size. For the life of the page.
pub(crate) fn on_body_height(f: impl Fn(f64) + 'static) {
    let Some(body) = super::dom::document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || f(f64::from(measured.offset_height())));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref());
    observer.observe(&body);
    on_resize.forget();
    std::mem::forget(observer);
}

/// Adds a class to `<html>` (`os-embedded`: the page is as tall as its content).
pub(crate) fn mark_root(class: &str) {
    if let Some(root) = super::dom::document().and_then(|d| d.document_element()) {
        let _ = root.class_list().add_1(class);
    }
}
