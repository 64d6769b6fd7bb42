//! Noticing that the resident is back: the window regains focus or the tab becomes visible.

use super::clock::Timer;
use super::listen::Listener;
use std::rc::Rc;

/// While the current reactive owner lives, calls `f` whenever the page comes back into view
/// (the window itself regains focus, the tab becomes visible) and every `ms` milliseconds while
/// the tab is visible. Focus moving between elements of the page does not count.
pub(crate) fn when_shown(ms: i32, f: impl Fn() + 'static) {
    start(ms, Rc::new(f));
}

fn start(ms: i32, f: Rc<dyn Fn()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let shown = move || {
        if super::dom::visible() {
            f()
        }
    };
    let mut held: Vec<Listener> = Vec::new();
    let on = shown.clone();
    held.push(Listener::new(&window, "focus", false, move |_| on()));
    if let Some(document) = window.document() {
        let on = shown.clone();
        held.push(Listener::new(
            &document,
            "visibilitychange",
            false,
            move |_| on(),
        ));
    }
    let timer = Timer::every(ms, shown);
    let held = send_wrapper::SendWrapper::new((held, timer));
    leptos::prelude::on_cleanup(move || drop(held));
}
