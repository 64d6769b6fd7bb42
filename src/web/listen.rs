//! Event listeners that remove themselves: dropping a [`Listener`] (or the end of the
//! reactive owner, with [`listen`]) takes the listener off its target.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A listener on one target; removed when dropped.
pub(crate) struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Adds `handler` for `event` on `target`. `capture` listens in the capture phase.
    pub(crate) fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        capture: bool,
        handler: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        let _ = target.add_event_listener_with_callback_and_bool(
            event,
            callback.as_ref().unchecked_ref(),
            capture,
        );
        Listener {
            target: target.clone(),
            event,
            capture,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.event,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// Where to listen.
#[derive(Clone, Copy)]
pub(crate) enum On {
    Window,
}

fn target(on: On) -> Option<web_sys::EventTarget> {
    let w = web_sys::window()?;
    match on {
        On::Window => Some(w.into()),
    }
}

/// Listens for each of `events` on the window or document while the current reactive owner
/// lives (the listeners are removed on cleanup).
pub(crate) fn listen(on: On, events: &[&'static str], handler: impl Fn(web_sys::Event) + 'static) {
    let Some(target) = target(on) else { return };
    let handler = std::rc::Rc::new(handler);
    let listeners: Vec<Listener> = events
        .iter()
        .map(|event| {
            let handler = handler.clone();
            Listener::new(&target, event, true, move |e| handler(e))
        })
        .collect();
    keep_for_owner(listeners);
}

/// Keeps `value` (listeners, timers: things that stop when dropped) while the current reactive
/// owner lives, or for the life of the page when there is none.
pub(crate) fn keep_for_owner<T: 'static>(value: T) {
    if leptos::prelude::Owner::current().is_none() {
        std::mem::forget(value);
        return;
    }
    let value = send_wrapper::SendWrapper::new(value);
    leptos::prelude::on_cleanup(move || drop(value));
}

/// Listens for `event` on any JavaScript object that is an event target (a service worker
/// registration, a media query list) while the current reactive owner lives, or for the life
/// of the page when there is no owner (a listener added from inside another listener).
pub(crate) fn listen_on(target: &JsValue, event: &'static str, handler: impl FnMut() + 'static) {
    let Some(target) = target.dyn_ref::<web_sys::EventTarget>() else {
        return;
    };
    let mut handler = handler;
    let listener = Listener::new(target, event, false, move |_| handler());
    keep_for_owner(listener);
}

/// The `event`'s property `key` (`persisted` of `pageshow`, `data` of `message`).
pub(crate) fn event_field(event: &web_sys::Event, key: &str) -> Option<JsValue> {
    super::js::get(event.as_ref(), key)
}
