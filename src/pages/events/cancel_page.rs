//! `/registrations/cancel#<code>`: cancels a registration from any device. The code travels in
//! the URL fragment, which browsers never send to a server, so it stays out of server logs.

use super::messages::cancel_error_text;
use crate::backend::BackendError;
use crate::client;
use crate::components::form::{ErrorSummary, Field, Input};
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::domain::CancelHandle;
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use crate::state::registrations;
use crate::web::dom;
use leptos::prelude::*;

const DONE_ID: &str = "os-ev-cancel-done";

/// `/registrations/cancel`.
#[component]
pub(crate) fn CancelPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(dom::location_hash().trim_start_matches('#').to_owned());
    let missing = RwSignal::new(false);
    let done = RwSignal::new(false);
    let failure = RwSignal::new(None::<BackendError>);
    let focus = Trigger::new();
    // The key of the last attempt, kept while the same code is sent again.
    let key = StoredValue::new(None::<(String, String)>);
    let send = Action::new_local(move |(handle, k, typed): &(CancelHandle, String, String)| {
        let (handle, k, typed) = (handle.clone(), k.clone(), typed.clone());
        let b = backend(Capability::Events);
        async move { (typed, client::events::cancel(&b, &handle, &k).await) }
    });
    Effect::new(move |_| match send.value().get() {
        Some((typed, Ok(_))) => {
            registrations::forget_code(&typed);
            done.set(true);
            request_animation_frame(|| {
                dom::focus_id(DONE_ID);
            });
        }
        Some((_, Err(e))) => {
            failure.set(Some(e));
            focus.notify();
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let typed = code
            .get_untracked()
            .trim()
            .trim_start_matches('#')
            .to_owned();
        failure.set(None);
        let Some(handle) = CancelHandle::from_code(&typed) else {
            missing.set(true);
            focus.notify();
            return;
        };
        missing.set(false);
        let k = match key.get_value() {
            Some((c, k)) if c == typed => k,
            _ => client::new_key(),
        };
        key.set_value(Some((typed.clone(), k.clone())));
        send.dispatch_local((handle, k, typed));
    };
    let problem = Signal::derive(move || {
        let t = i18n.t();
        match failure.get() {
            Some(e) => Some(cancel_error_text(t, &e)),
            None => missing.get().then(|| t.ev_cancel_missing.to_owned()),
        }
    });
    let pending = send.pending();
    view! {
        <div class="os-page os-ev-cancel">
            <PageTitle text=Signal::derive(move || i18n.t().ev_cancel_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.ev_cancel_intro)}</p>
            <ErrorSummary lead=problem focus=focus class="os-ev-cancel__problem"/>
            {move || done.get().then(|| view! {
                <div id=DONE_ID class="os-ev-cancel__done" role="alert" tabindex="-1">
                    <p>{i18n.tr(|t| t.ev_cancel_done)}</p>
                </div>
            })}
            <form class="os-ev-join" novalidate on:submit=submit>
                <Field id="os-ev-cancel-code" label=i18n.tr(|t| t.ev_cancel_code) error=problem>
                    <Input value=code autocomplete="off"/>
                </Field>
                <button type="submit" class="os-button os-button--primary"
                    disabled=move || pending.get() || done.get()>
                    {move || if pending.get() { i18n.t().ev_cancel_sending } else { i18n.t().ev_cancel_submit }}
                </button>
            </form>
            <p><Link to=Route::Events>{i18n.tr(|t| t.ev_back)}</Link></p>
        </div>
    }
}
