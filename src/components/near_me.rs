//! "Nearest first": asks the browser for the resident's position only when they press the
//! button, keeps it in memory for this page only (never stored, never sent) and lets the list
//! sort by distance. Pressing again goes back to the usual order.

use crate::domain::LatLng;
use crate::i18n::use_i18n;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Off,
    Locating,
    On,
    Denied,
    Failed,
}

fn number(o: &JsValue, path: &[&str]) -> Option<f64> {
    let mut v = o.clone();
    for key in path {
        v = Reflect::get(&v, &(*key).into()).ok()?;
    }
    v.as_f64()
}

/// Asks for the position once; `done` gets it, or the GeolocationPositionError code
/// (1 denied, 2 unavailable, 3 timeout; 0 when the browser has no geolocation).
fn locate(done: impl Fn(Result<LatLng, u16>) + Clone + 'static) {
    let geo = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"geolocation".into()).ok())
        .filter(|g| !g.is_undefined() && !g.is_null());
    let get = geo.as_ref().and_then(|g| {
        Reflect::get(g, &"getCurrentPosition".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()
    });
    let (Some(geo), Some(get)) = (geo, get) else {
        done(Err(0));
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |pos: JsValue| {
            match (
                number(&pos, &["coords", "latitude"]),
                number(&pos, &["coords", "longitude"]),
            ) {
                (Some(lat), Some(lng)) => done(Ok(LatLng::new(lat, lng))),
                _ => done(Err(2)),
            }
        })
    };
    let fail = Closure::once_into_js(move |err: JsValue| {
        done(Err(number(&err, &["code"]).unwrap_or(2.0) as u16))
    });
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"enableHighAccuracy".into(), &false.into());
    let _ = Reflect::set(&options, &"timeout".into(), &15_000.into());
    let _ = Reflect::set(&options, &"maximumAge".into(), &300_000.into());
    let _ = get.call3(&geo, &ok, &fail, &options.into());
}

/// The button and its status line. `here` holds the position while "nearest first" is on.
#[component]
pub fn NearMe(here: RwSignal<Option<LatLng>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(State::Off);
    let on_click = move |_| {
        if state.get_untracked() == State::On {
            here.set(None);
            state.set(State::Off);
            return;
        }
        state.set(State::Locating);
        locate(move |result| match result {
            Ok(p) => {
                let _ = here.try_set(Some(p));
                let _ = state.try_set(State::On);
            }
            Err(1) => {
                let _ = state.try_set(State::Denied);
            }
            Err(_) => {
                let _ = state.try_set(State::Failed);
            }
        });
    };
    let status = move || {
        let t = i18n.t();
        match state.get() {
            State::Off => "",
            State::Locating => t.near_me_locating,
            State::On => t.near_me_on,
            State::Denied => t.near_me_denied,
            State::Failed => t.near_me_failed,
        }
    };
    view! {
        <div class="os-near-me">
            <button type="button" class="os-button os-near-me__button"
                aria-pressed=move || (state.get() == State::On).to_string()
                aria-describedby="os-near-me-privacy"
                disabled=move || state.get() == State::Locating
                on:click=on_click>
                {i18n.tr(|t| t.near_me_button)}
            </button>
            <p id="os-near-me-privacy" class="os-near-me__hint">{i18n.tr(|t| t.near_me_privacy)}</p>
            <p class="os-near-me__status" role="status" aria-live="polite">{status}</p>
        </div>
    }
}
