//! `/registrations/cancel#<code>`: cancels a registration from any device. The code travels in
//! the URL fragment, which browsers never send to a server, so it stays out of server logs.

use super::store;
use crate::backend::BackendError;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::components::page_title::PageTitle;
use crate::i18n::{use_i18n, Strings};
use crate::router::{Link, Route};
use leptos::html;
use leptos::prelude::*;

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

fn cancel_error_text(t: &Strings, e: &BackendError) -> String {
    match e {
        BackendError::NotFound => t.ev_cancel_not_found.into(),
        BackendError::Conflict { code } if code == "already_cancelled" => {
            t.ev_cancel_already.into()
        }
        BackendError::Validation { .. } => t.ev_cancel_not_found.into(),
        BackendError::Network(_) | BackendError::Timeout => t.ev_err_offline.into(),
        BackendError::Server { .. } => t.ev_err_server.into(),
        other => backend_error_text(t, other),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    Ready,
    Sending,
    Done,
    Failed(BackendError),
    Missing,
}

/// `/registrations/cancel`.
#[component]
pub fn CancelPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(fragment());
    let state = RwSignal::new(State::Ready);
    let key = StoredValue::new(None::<(String, String)>);
    let message = NodeRef::<html::Div>::new();
    let backend = StoredValue::new(crate::config::backend(crate::config::Capability::Events));
    let focus = move || {
        request_animation_frame(move || {
            if let Some(el) = message.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.get_untracked() == State::Sending {
            return;
        }
        let typed = code
            .get_untracked()
            .trim()
            .trim_start_matches('#')
            .to_owned();
        let Some(handle) = store::parse_code(&typed) else {
            state.set(State::Missing);
            focus();
            return;
        };
        let k = match key.get_value() {
            Some((c, k)) if c == typed => k,
            _ => client::new_key(),
        };
        key.set_value(Some((typed.clone(), k.clone())));
        state.set(State::Sending);
        let b = backend.get_value();
        leptos::task::spawn_local(async move {
            let result = client::events::cancel(&b, &handle, &k).await;
            let next = match result {
                Ok(_) => {
                    store::forget_code(&typed);
                    State::Done
                }
                Err(e) => State::Failed(e),
            };
            let _ = state.try_set(next);
            focus();
        });
    };
    let message_view = move || {
        match state.get() {
        State::Done => Some(view! { <p class="os-ev-cancel__done">{i18n.tr(|t| t.ev_cancel_done)}</p> }.into_any()),
        State::Failed(e) => Some(view! { <p class="os-ev-cancel__problem">{move || cancel_error_text(i18n.t(), &e)}</p> }.into_any()),
        State::Missing => Some(view! { <p class="os-ev-cancel__problem">{i18n.tr(|t| t.ev_cancel_missing)}</p> }.into_any()),
        _ => None,
    }
    };
    let invalid =
        move || matches!(state.get(), State::Missing | State::Failed(_)).then_some("true");
    view! {
        <div class="os-page os-ev-cancel">
            <PageTitle text=Signal::derive(move || i18n.t().ev_cancel_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.ev_cancel_intro)}</p>
            <div class="os-ev-join__summary" tabindex="-1" node_ref=message role="alert">{message_view}</div>
            <form class="os-ev-join" novalidate on:submit=submit>
                <div class="os-ev-field">
                    <label for="ev-cancel-code">{i18n.tr(|t| t.ev_cancel_code)}</label>
                    <input
                        id="ev-cancel-code"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=invalid
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))
                    />
                </div>
                <button
                    type="submit"
                    class="os-button os-button--primary"
                    disabled=move || matches!(state.get(), State::Sending | State::Done)
                >
                    {move || if state.get() == State::Sending { i18n.t().ev_cancel_sending } else { i18n.t().ev_cancel_submit }}
                </button>
            </form>
            <p><Link to=Route::Events>{i18n.tr(|t| t.ev_back)}</Link></p>
        </div>
    }
}
