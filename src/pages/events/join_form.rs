//! The join form: name, optional e-mail, seats within the group size, consent.
//!
//! One Idempotency-Key per submission attempt: the same content sent again (a double click,
//! a retry after a lost answer) reuses it, so the server makes one registration. Nothing typed
//! is lost on any error, and nothing is remembered by the form itself (a kiosk stays clean).

use super::messages::{outcome_unknown, problem_text, submit_error_text};
use crate::backend::BackendError;
use crate::client;
use crate::components::form::{Checkbox, ErrorSummary, Field, Input, Problem};
use crate::config::{backend, Capability};
use crate::domain::{
    clean_name, field_problems, validate, Event, JoinField, JoinInput, JoinProblem,
    NewRegistration, RegistrationOutcome,
};
use crate::i18n::{fill, use_i18n};
use crate::web::device;
use leptos::prelude::*;

/// The id of a field's control.
fn field_id(field: JoinField) -> &'static str {
    match field {
        JoinField::Name => "os-ev-join-name",
        JoinField::Email => "os-ev-join-email",
        JoinField::Phone => "os-ev-join-phone",
        JoinField::Seats => "os-ev-join-seats",
        JoinField::Consent => "os-ev-join-consent",
    }
}

type Sent = Result<RegistrationOutcome, BackendError>;

/// The join form for `event`. `waitlist` says new registrations go to the waitlist.
#[component]
pub fn JoinForm(
    event: Event,
    max_seats: u64,
    #[prop(into)] waitlist: Signal<bool>,
    on_done: Callback<RegistrationOutcome>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kiosk = device::is_kiosk();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let seats = RwSignal::new("1".to_owned());
    let consent = RwSignal::new(false);
    let phone_required = event.requires_phone;
    let problems = RwSignal::new(Vec::<(JoinField, JoinProblem)>::new());
    let failure = RwSignal::new(None::<BackendError>);
    let focus = Trigger::new();
    let attempt = StoredValue::new(None::<(JoinInput, String)>);
    let event = StoredValue::new(event);

    let send = Action::new_local(move |(new, key): &(NewRegistration, String)| {
        let (new, key) = (new.clone(), key.clone());
        let (b, ev) = (backend(Capability::Events), event.get_value());
        async move { client::events::register(&b, &ev, &new, &key).await as Sent }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(outcome)) => {
            attempt.set_value(None);
            on_done.run(outcome);
        }
        Some(Err(error)) => {
            if !outcome_unknown(&error) {
                // A definite refusal: a later try is a new attempt.
                attempt.set_value(None);
            }
            if let BackendError::Validation { fields } = &error {
                let found = field_problems(fields, max_seats);
                if !found.is_empty() {
                    problems.set(found);
                }
            }
            failure.set(Some(error));
            focus.notify();
        }
        None => {}
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let input = JoinInput {
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            phone_required,
            seats: seats.get_untracked(),
            consent: consent.get_untracked(),
        };
        failure.set(None);
        problems.set(validate(&input, max_seats));
        if !problems.with_untracked(Vec::is_empty) {
            focus.notify();
            return;
        }
        let key = match attempt.get_value() {
            Some((same, key)) if same == input => key,
            _ => client::new_key(),
        };
        attempt.set_value(Some((input.clone(), key.clone())));
        let new = NewRegistration {
            name: clean_name(&input.name),
            email: Some(input.email.trim().to_owned()).filter(|e| !e.is_empty()),
            phone: Some(input.phone.trim().to_owned()).filter(|p| !p.is_empty()),
            birth_date: None,
            seats: input.seats.trim().parse().unwrap_or(1),
            language: i18n.lang(),
        };
        send.dispatch_local((new, key));
    };

    let error_of = move |field: JoinField| {
        Signal::derive(move || {
            problems.with(|p| {
                p.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(f, p)| problem_text(i18n.t(), *f, *p))
            })
        })
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
        match failure.get() {
            Some(e) => Some(submit_error_text(t, &e)),
            None if !problems.with(Vec::is_empty) => Some(t.ev_err_check_fields.to_owned()),
            None => None,
        }
    });
    let pending = send.pending();
    let seats_hint = move || {
        fill(
            i18n.t().ev_join_seats_hint,
            &[("max", &max_seats.to_string())],
        )
    };
    let auto = move |what: &'static str| if kiosk { "off" } else { what };
    view! {
        <form class="os-ev-join" novalidate on:submit=submit aria-labelledby="os-ev-join-title">
            <h2 id="os-ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
            <ErrorSummary lead=lead problems=listed focus=focus class="os-ev-join__summary"/>
            <Field id=field_id(JoinField::Name) label=i18n.tr(|t| t.ev_join_name) required=true
                error=error_of(JoinField::Name)>
                <Input value=name name="name" maxlength=200 autocomplete=auto("name")/>
            </Field>
            <Field id=field_id(JoinField::Email) label=i18n.tr(|t| t.ev_join_email) optional=true
                hint=i18n.tr(|t| t.ev_join_email_hint) error=error_of(JoinField::Email)>
                <Input value=email name="email" kind="email" maxlength=254 autocomplete=auto("email")/>
            </Field>
            {phone_required.then(|| view! {
                <Field id=field_id(JoinField::Phone) label=i18n.tr(|t| t.ev_join_phone) required=true
                    hint=i18n.tr(|t| t.ev_join_phone_hint) error=error_of(JoinField::Phone)>
                    <Input value=phone name="phone" kind="tel" maxlength=20 autocomplete=auto("tel")/>
                </Field>
            })}
            <Field id=field_id(JoinField::Seats) label=i18n.tr(|t| t.ev_join_seats)
                hint=seats_hint error=error_of(JoinField::Seats)>
                <Input value=seats name="seats" kind="number" inputmode="numeric" min="1"
                    max=max_seats.to_string() autocomplete="off"/>
            </Field>
            <Field id=field_id(JoinField::Consent) label=i18n.tr(|t| t.ev_join_consent) required=true
                check=true hint=i18n.tr(|t| t.ev_join_consent_text) error=error_of(JoinField::Consent)>
                <Checkbox checked=consent/>
            </Field>
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
