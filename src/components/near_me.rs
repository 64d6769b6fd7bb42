//! "Nearest first": asks the browser for the resident's position only when they press the
//! button, keeps it in memory for this page only (never stored, never sent) and lets the list
//! sort by distance. Pressing again goes back to the usual order.

use crate::domain::LatLng;
use crate::i18n::use_i18n;
use crate::web::geolocation::locate;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Off,
    Locating,
    On,
    Denied,
    Failed,
}

/// The button and its status line. `here` holds the position while "nearest first" is on.
#[component]
pub(crate) fn NearMe(here: RwSignal<Option<LatLng>>) -> impl IntoView {
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
