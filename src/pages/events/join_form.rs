//! The join form: name, optional e-mail, the details the registration requires, seats within
//! the group size, consent.
//!
//! One Idempotency-Key per submission attempt: the same content sent again (a double click,
//! a retry after a lost answer) reuses it, so the server makes one registration. With Linked
//! Events, the places held for the first try serve every later try, and are given back when
//! the resident leaves the form or closes the page. Nothing typed is lost on any error, and
//! nothing is remembered by the form itself (a kiosk stays clean).

use super::held_places::HeldPlaces;
use super::join_fields::{field_id, JoinFields, Typed};
use super::messages::{others_text, problem_text, submit_error_text};
use crate::backend::BackendError;
use crate::client;
use crate::client::events::Attempt;
use crate::components::form::{ErrorSummary, Problem};
use crate::config::{backend, Capability};
use crate::domain::{
    clean_name, sort_refusal, validate, Date, Event, JoinField, JoinInput, JoinProblem,
    NewRegistration, RegistrationOutcome, SeatHold,
};
use crate::i18n::use_i18n;
use crate::web::{clock, listen};
use leptos::prelude::*;

/// The registration as sent.
fn new_registration(input: &JoinInput, language: crate::domain::Lang) -> NewRegistration {
    let given = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    NewRegistration {
        name: clean_name(&input.name),
        email: given(&input.email),
        phone: given(&input.phone),
        street_address: given(&input.street),
        zipcode: given(&input.zipcode),
        city: given(&input.city),
        birth_date: Date::parse(input.birth_date.trim()).ok(),
        seats: input.seats.trim().parse().unwrap_or(1),
        language,
    }
}

/// The join form for `event`. `waitlist` says new registrations go to the waitlist;
/// `on_done` gets the outcome and the name it was made in.
#[component]
pub fn JoinForm(
    event: Event,
    max_seats: u64,
    #[prop(into)] waitlist: Signal<bool>,
    on_done: Callback<(RegistrationOutcome, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = Typed::new();
    let required = event.signup_fields.clone();
    let problems = RwSignal::new(Vec::<(JoinField, JoinProblem)>::new());
    let others = RwSignal::new(Vec::<String>::new());
    let failure = RwSignal::new(None::<BackendError>);
    let focus = Trigger::new();
    let attempt = StoredValue::new(None::<(JoinInput, String)>);
    let hold = RwSignal::new(None::<SeatHold>);
    let event = StoredValue::new(event);
    // Read now: the configuration is not at hand any more when the form is cleaned up.
    let events_backend = StoredValue::new(backend(Capability::Events));

    // Places held and not used are given back when the resident leaves or closes the page.
    let release = move || {
        if let Some(h) = hold.get_untracked() {
            client::events::release(&events_backend.get_value(), &event.get_value(), &h);
            hold.set(None);
        }
    };
    listen::listen(listen::On::Window, &["pagehide"], move |_| release());
    on_cleanup(release);

    let send = Action::new_local(move |(new, key): &(NewRegistration, String)| {
        let (new, key, held) = (new.clone(), key.clone(), hold.get_untracked());
        let (b, ev) = (events_backend.get_value(), event.get_value());
        async move {
            let sent = client::events::register(&b, &ev, &new, &key, held).await;
            (new.name, sent)
        }
    });
    Effect::new(move |_| {
        let Some((name, Attempt { result, hold: held })) = send.value().get() else {
            return;
        };
        hold.set(held);
        match result {
            Ok(outcome) => {
                attempt.set_value(None);
                on_done.run((outcome, name));
            }
            Err(error) => {
                if !client::events::answer_lost(&error) {
                    // A definite refusal: a later try is a new attempt.
                    attempt.set_value(None);
                }
                if let BackendError::Validation { fields } = &error {
                    let refusal = sort_refusal(fields, max_seats);
                    problems.set(refusal.fields);
                    others.set(refusal.others);
                }
                failure.set(Some(error));
                focus.notify();
            }
        }
    });

    let submit = {
        let required = required.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if send.pending().get_untracked() {
                return;
            }
            let input = typed.input(&required);
            failure.set(None);
            others.set(Vec::new());
            let today = clock::now().in_helsinki().date;
            problems.set(validate(&input, max_seats, today));
            if !problems.with_untracked(Vec::is_empty) {
                focus.notify();
                return;
            }
            let key = match attempt.get_value() {
                Some((same, key)) if same == input => key,
                _ => client::new_key(),
            };
            attempt.set_value(Some((input.clone(), key.clone())));
            send.dispatch_local((new_registration(&input, i18n.lang()), key));
        }
    };

    let listed = Signal::derive(move || {
        problems.with(|p| {
            p.iter()
                .map(|(f, p)| Problem {
                    field: field_id(*f).to_owned(),
                    message: problem_text(i18n.t(), *f, *p),
                })
                .collect::<Vec<_>>()
        })
    });
    let lead = Signal::derive(move || {
        let t = i18n.t();
        if !others.with(Vec::is_empty) {
            return Some(others.with(|o| others_text(t, o)));
        }
        match failure.get() {
            Some(e) => Some(submit_error_text(t, &e)),
            None if !problems.with(Vec::is_empty) => Some(t.ev_err_check_fields.to_owned()),
            None => None,
        }
    });
    let pending = send.pending();
    view! {
        <form class="os-ev-join" novalidate on:submit=submit aria-labelledby="os-ev-join-title">
            <h2 id="os-ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
            <ErrorSummary lead=lead problems=listed focus=focus class="os-ev-join__summary"/>
            <HeldPlaces hold=hold on_release=Callback::new(move |()| release())/>
            <JoinFields typed=typed required=required max_seats=max_seats problems=problems/>
            {move || waitlist.get().then(|| view! {
                <p class="os-notice os-ev-join__waitlist">{i18n.tr(|t| t.ev_join_waitlist_note)}</p>
            })}
            <button type="submit" class="os-button os-button--primary os-ev-join__submit"
                disabled=move || pending.get()
                aria-disabled=move || if pending.get() { "true" } else { "false" }>
                {move || {
                    let t = i18n.t();
                    if pending.get() {
                        t.ev_join_sending
                    } else if waitlist.get() {
                        t.ev_join_submit_waitlist
                    } else {
                        t.ev_join_submit
                    }
                }}
            </button>
            <p class="os-ev-join__status" role="status" aria-live="polite">
                {move || pending.get().then(|| i18n.t().ev_join_sending)}
            </p>
        </form>
    }
}
