//! The one clock of the app, and timers that stop when their owner goes away.

use crate::domain::Timestamp;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Milliseconds since 1970-01-01T00:00:00Z.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current instant.
pub(crate) fn now() -> Timestamp {
    Timestamp::from_unix_millis(now_ms() as i64)
}

/// Resolves after `ms` milliseconds (at once when `ms` ≤ 0).
pub(crate) async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::window() {
        Some(w) => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.max(0));
        }
        None => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A pending timeout or a running interval; dropping it stops it.
pub(crate) struct Timer {
    id: i32,
    repeat: bool,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `f` once after `ms` milliseconds.
    pub(crate) fn once(ms: i32, f: impl FnMut() + 'static) -> Option<Timer> {
        Timer::start(ms, false, f)
    }

    /// Calls `f` every `ms` milliseconds.
    pub(crate) fn every(ms: i32, f: impl FnMut() + 'static) -> Option<Timer> {
        Timer::start(ms, true, f)
    }

    fn start(ms: i32, repeat: bool, f: impl FnMut() + 'static) -> Option<Timer> {
        let callback = Closure::<dyn FnMut()>::new(f);
        let w = web_sys::window()?;
        let cb = callback.as_ref().unchecked_ref();
        let id = if repeat {
            w.set_interval_with_callback_and_timeout_and_arguments_0(cb, ms)
        } else {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(cb, ms.max(0))
        }
        .ok()?;
        Some(Timer {
            id,
            repeat,
            _callback: callback,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            if self.repeat {
                w.clear_interval_with_handle(self.id);
            } else {
                w.clear_timeout_with_handle(self.id);
            }
        }
    }
}

/// Runs `f` every `ms` milliseconds while the current reactive owner lives.
pub(crate) fn every(ms: i32, f: impl FnMut() + 'static) {
    keep_until_cleanup(Timer::every(ms, f));
}

fn keep_until_cleanup(timer: Option<Timer>) {
    if let Some(timer) = timer {
        super::listen::keep_for_owner(timer);
    }
}

/// When `event` happened, on the clock of [`now_ms`]: an input queued behind other work keeps
/// the moment the person acted, not the moment the app got round to it.
pub(crate) fn event_ms(event: &web_sys::Event) -> f64 {
    let performance_now = super::js::get(&super::js::global(), "performance")
        .and_then(|p| super::js::call(&p, "now", &[]))
        .and_then(|v| v.as_f64());
    // A lag outside a few seconds means the clocks disagree (a test's frozen clock, a
    // browser that stamps events differently): then the moment of handling is what there is.
    match performance_now.map(|p| p - event.time_stamp()) {
        Some(lag) if (0.0..5_000.0).contains(&lag) => now_ms() - lag,
        _ => now_ms(),
    }
}
