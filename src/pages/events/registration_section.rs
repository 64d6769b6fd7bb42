//! The registration part of the event page: the resident's own registration when there is
//! one, else the join form, the organiser's sign-up link, or why joining is not possible.

use super::confirmation::Confirmation;
use super::join_form::JoinForm;
use crate::client;
use crate::config::{backend, Capability};
use crate::domain::{group_max, join_state, AttendeeStatus, Event, JoinState, RegistrationOutcome};
use crate::i18n::{use_i18n, Strings};
use crate::state::registrations::{self, Saved};
use crate::web::clock;
use leptos::prelude::*;

/// Why a resident cannot join now, if they cannot.
fn closed_reason(t: &'static Strings, state: JoinState) -> Option<&'static str> {
    match state {
        JoinState::Open | JoinState::Waitlist => None,
        JoinState::Full => Some(t.ev_err_full),
        JoinState::NotYetOpen => Some(t.ev_join_not_yet),
        JoinState::Closed => Some(t.ev_err_closed),
        JoinState::Past => Some(t.ev_err_past),
        JoinState::Cancelled => Some(t.ev_join_cancelled),
        JoinState::NoRegistration => Some(t.ev_join_none),
    }
}

/// Asks the server once whether a remembered registration moved up the waitlist (or was
/// cancelled from another device) since, and remembers the answer.
fn check_saved(event_id: String, saved: RwSignal<Option<Saved>>) {
    let Some(s) = saved.get_untracked().filter(|s| !s.id.is_empty()) else {
        return;
    };
    let mine = Action::new_local(|_: &()| {
        let b = backend(Capability::Events);
        async move { client::events::my_registrations(&b).await }
    });
    mine.dispatch_local(());
    Effect::new(move |_| {
        let Some(Ok(Some(list))) = mine.value().get() else {
            return;
        };
        match list.into_iter().find(|(id, _)| *id == s.id) {
            Some((_, AttendeeStatus::Cancelled)) => {
                registrations::forget_code(&s.code);
                saved.set(None);
            }
            Some((_, status)) => {
                let now = registrations::with_status(s.clone(), status);
                registrations::put(&event_id, &now);
                saved.set(Some(now));
            }
            None => {}
        }
    });
}

/// The registration section. `on_joined` asks for the event again (its places changed).
#[component]
pub(crate) fn RegistrationSection(event: Signal<Event>, on_joined: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let event_id = untrack(|| event.get().summary.id);
    let saved = RwSignal::new(registrations::get(&event_id));
    // The registration just made, and the name it was made in (shown, never stored).
    let fresh = RwSignal::new(None::<(Saved, String)>);
    check_saved(event_id.clone(), saved);
    let on_done = Callback::new(move |(outcome, name): (RegistrationOutcome, String)| {
        let s = registrations::saved(&outcome);
        registrations::put(&event_id, &s);
        fresh.set(Some((s, name)));
        on_joined.run(());
    });
    let join_here = client::events::can_join_here(&backend(Capability::Events));
    let state = move || join_state(&event.get().summary, clock::now());
    let build = move || {
        if let Some((s, name)) = fresh.get() {
            return view! { <Confirmation saved=s name=name/> }.into_any();
        }
        if let Some(s) = saved.get() {
            return view! { <Confirmation saved=s/> }.into_any();
        }
        let e = event.get();
        if let Some(text) = closed_reason(i18n.t(), state()) {
            return view! {
                <section class="os-ev-join os-ev-join--closed" aria-labelledby="os-ev-join-title">
                    <h2 id="os-ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
                    <p class="os-notice">{text}</p>
                </section>
            }
            .into_any();
        }
        // Mandatory fields the app does not know would make every sign-up here fail.
        if !join_here || !e.unknown_signup_fields.is_empty() {
            let url = e.signup_url.clone();
            // The organiser's page in the language the resident reads now.
            let link = move || {
                url.as_ref()
                    .and_then(|u| u.get(i18n.lang()))
                    .map(|(href, _)| href.to_owned())
            };
            return view! {
                <section class="os-ev-join os-ev-join--elsewhere" aria-labelledby="os-ev-join-title">
                    <h2 id="os-ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
                    <p>{i18n.tr(|t| t.ev_join_elsewhere)}</p>
                    {move || link().map(|href| view! {
                        <p><a class="os-button" href=href rel="noopener" data-testid="ev-signup-elsewhere">
                            {i18n.tr(|t| t.ev_join_elsewhere_link)}
                        </a></p>
                    })}
                </section>
            }
            .into_any();
        }
        let max = group_max(&e);
        let waitlist = Signal::derive(move || state() == JoinState::Waitlist);
        view! { <JoinForm event=e max_seats=max waitlist=waitlist on_done=on_done/> }.into_any()
    };
    // A refresh of the places must not rebuild the form (that would lose what is typed): only
    // the joinable/closed decision and the confirmation rebuild it.
    let decision = Memo::new(move |_| (fresh.with(Option::is_some), saved.get(), state()));
    move || {
        // Read, not only tracked: a memo that is never read never runs.
        let _ = decision.get();
        untrack(build)
    }
}
