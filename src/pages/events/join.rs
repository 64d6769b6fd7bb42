//! The join form: name, optional e-mail, seats within the group size, consent.
//!
//! One Idempotency-Key per submission attempt: the same content sent again (a double click,
//! a retry after a lost answer) reuses it, so the server makes one registration. Nothing typed
//! is lost on any error, and nothing is remembered by the form itself (a kiosk stays clean).

use super::rules::{
    clean_name, join_refusal, server_field_problems, validate, Field, JoinInput, JoinRefusal,
    Problem, NAME_MAX,
};
use crate::backend::BackendError;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::domain::{Event, NewRegistration, RegistrationOutcome};
use crate::i18n::{fill, use_i18n, Strings};
use crate::web::device;
use leptos::html;
use leptos::prelude::*;

/// The sentence for a field's problem.
pub fn problem_text(t: &Strings, field: Field, problem: Problem) -> String {
    match (field, problem) {
        (Field::Name, Problem::Required) => t.ev_err_name_required.into(),
        (Field::Name, Problem::TooLong) => {
            fill(t.ev_err_name_long, &[("max", &NAME_MAX.to_string())])
        }
        (Field::Email, Problem::TooLong | Problem::Email) => t.ev_err_email.into(),
        (Field::Phone, Problem::Required) => t.ev_err_phone_required.into(),
        (Field::Phone, _) => t.ev_err_phone.into(),
        (Field::Seats, Problem::SeatsRange { max }) => {
            fill(t.ev_err_seats, &[("max", &max.to_string())])
        }
        (Field::Seats, Problem::SeatsOverCapacity) => t.ev_err_seats_capacity.into(),
        (Field::Consent, _) => t.ev_err_consent.into(),
        _ => t.ev_err_refused.into(),
    }
}

/// The sentence at the top of the form for a failed submission.
pub fn submit_error_text(t: &Strings, error: &BackendError) -> String {
    match join_refusal(error) {
        Some(JoinRefusal::Full) => t.ev_err_full.into(),
        Some(JoinRefusal::Closed) => t.ev_err_closed.into(),
        Some(JoinRefusal::AlreadyRegistered) => t.ev_err_already.into(),
        Some(JoinRefusal::Past) => t.ev_err_past.into(),
        None => match error {
            BackendError::Validation { .. } => t.ev_err_check_fields.into(),
            BackendError::Network(_) | BackendError::Timeout => t.ev_err_offline.into(),
            BackendError::Server { .. } => t.ev_err_server.into(),
            other => backend_error_text(t, other),
        },
    }
}

/// Whether the outcome of a failed send is unknown (so a retry must reuse the key).
fn outcome_unknown(error: &BackendError) -> bool {
    matches!(
        error,
        BackendError::Network(_)
            | BackendError::Timeout
            | BackendError::Server { .. }
            | BackendError::RateLimited { .. }
    )
}

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
    let phone_required = event.requires_phone;
    let seats = RwSignal::new("1".to_owned());
    let consent = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<(Field, Problem)>::new());
    let top = RwSignal::new(None::<BackendError>);
    let check_fields = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let attempt = StoredValue::new(None::<(JoinInput, String)>);
    let summary = NodeRef::<html::Div>::new();
    let event = StoredValue::new(event);
    let backend = StoredValue::new(crate::config::backend(crate::config::Capability::Events));

    let focus_summary = move || {
        request_animation_frame(move || {
            if let Some(el) = summary.get_untracked() {
                let _ = el.focus();
            }
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
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
        let found = validate(&input, max_seats);
        top.set(None);
        if !found.is_empty() {
            problems.set(found);
            check_fields.set(true);
            focus_summary();
            return;
        }
        problems.set(Vec::new());
        check_fields.set(false);
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
        sending.set(true);
        let b = backend.get_value();
        leptos::task::spawn_local(async move {
            let ev = event.get_value();
            let result = client::events::register(&b, &ev, &new, &key).await;
            let _ = sending.try_set(false);
            match result {
                Ok(outcome) => {
                    attempt.set_value(None);
                    on_done.run(outcome);
                }
                Err(error) => {
                    if !outcome_unknown(&error) {
                        // A definite refusal: a later try is a new attempt.
                        attempt.set_value(None);
                    }
                    let fields = server_field_problems(&error, max_seats);
                    if !fields.is_empty() {
                        let _ = problems.try_set(fields);
                        let _ = check_fields.try_set(true);
                    }
                    let _ = top.try_set(Some(error));
                    focus_summary();
                }
            }
        });
    };

    let problem_of =
        move |field: Field| problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, p)| *p));
    let error_line = move |field: Field, id: &'static str| {
        move || {
            problem_of(field).map(|p| {
                view! {
                    <p id=id class="os-ev-field__error">
                        {move || problem_text(i18n.t(), field, p)}
                    </p>
                }
            })
        }
    };
    let invalid = move |field: Field| move || problem_of(field).map(|_| "true");
    let described = move |field: Field, hint: &'static str, err: &'static str| {
        move || {
            if problem_of(field).is_some() {
                format!("{hint} {err}").trim().to_owned()
            } else {
                hint.to_owned()
            }
        }
    };
    let top_text = move || {
        let t = i18n.t();
        match top.get() {
            Some(e) => Some(submit_error_text(t, &e)),
            None if check_fields.get() => Some(t.ev_err_check_fields.to_owned()),
            None => None,
        }
    };
    let seats_hint = move || {
        fill(
            i18n.t().ev_join_seats_hint,
            &[("max", &max_seats.to_string())],
        )
    };

    view! {
        <form class="os-ev-join" novalidate on:submit=submit aria-labelledby="ev-join-title">
            <h2 id="ev-join-title" class="os-ev-join__title">{i18n.tr(|t| t.ev_join_title)}</h2>
            <div class="os-ev-join__summary" tabindex="-1" node_ref=summary role="alert">
                {move || top_text().map(|text| view! { <p class="os-ev-join__problem">{text}</p> })}
            </div>
            <div class="os-ev-field">
                <label for="ev-join-name">
                    {i18n.tr(|t| t.ev_join_name)}
                    <span class="os-ev-field__req">" "{i18n.tr(|t| t.ev_join_required)}</span>
                </label>
                <input
                    id="ev-join-name"
                    name="name"
                    type="text"
                    maxlength="200"
                    autocomplete=if kiosk { "off" } else { "name" }
                    aria-required="true"
                    aria-invalid=invalid(Field::Name)
                    aria-describedby=move || problem_of(Field::Name).map(|_| "ev-join-name-error")
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                {error_line(Field::Name, "ev-join-name-error")}
            </div>
            <div class="os-ev-field">
                <label for="ev-join-email">
                    {i18n.tr(|t| t.ev_join_email)}
                    <span class="os-ev-field__req">" "{i18n.tr(|t| t.ev_join_optional)}</span>
                </label>
                <input
                    id="ev-join-email"
                    name="email"
                    type="email"
                    maxlength="254"
                    autocomplete=if kiosk { "off" } else { "email" }
                    aria-invalid=invalid(Field::Email)
                    aria-describedby=described(Field::Email, "ev-join-email-hint", "ev-join-email-error")
                    prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))
                />
                <p id="ev-join-email-hint" class="os-ev-field__hint">{i18n.tr(|t| t.ev_join_email_hint)}</p>
                {error_line(Field::Email, "ev-join-email-error")}
            </div>
            {phone_required.then(|| view! {
                <div class="os-ev-field">
                    <label for="ev-join-phone">
                        {i18n.tr(|t| t.ev_join_phone)}
                        <span class="os-ev-field__req">" "{i18n.tr(|t| t.ev_join_required)}</span>
                    </label>
                    <input
                        id="ev-join-phone"
                        name="phone"
                        type="tel"
                        maxlength="20"
                        autocomplete=if kiosk { "off" } else { "tel" }
                        aria-required="true"
                        aria-invalid=invalid(Field::Phone)
                        aria-describedby=described(Field::Phone, "ev-join-phone-hint", "ev-join-phone-error")
                        prop:value=move || phone.get()
                        on:input=move |ev| phone.set(event_target_value(&ev))
                    />
                    <p id="ev-join-phone-hint" class="os-ev-field__hint">{i18n.tr(|t| t.ev_join_phone_hint)}</p>
                    {error_line(Field::Phone, "ev-join-phone-error")}
                </div>
            })}
            <div class="os-ev-field">
                <label for="ev-join-seats">{i18n.tr(|t| t.ev_join_seats)}</label>
                <input
                    id="ev-join-seats"
                    name="seats"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=max_seats.to_string()
                    autocomplete="off"
                    aria-invalid=invalid(Field::Seats)
                    aria-describedby=described(Field::Seats, "ev-join-seats-hint", "ev-join-seats-error")
                    prop:value=move || seats.get()
                    on:input=move |ev| seats.set(event_target_value(&ev))
                />
                <p id="ev-join-seats-hint" class="os-ev-field__hint">{seats_hint}</p>
                {error_line(Field::Seats, "ev-join-seats-error")}
            </div>
            <div class="os-ev-consent">
                <p id="ev-join-consent-text" class="os-ev-consent__text">{i18n.tr(|t| t.ev_join_consent_text)}</p>
                <div class="os-ev-check">
                    <input
                        id="ev-join-consent"
                        name="consent"
                        type="checkbox"
                        aria-required="true"
                        aria-invalid=invalid(Field::Consent)
                        aria-describedby=described(Field::Consent, "ev-join-consent-text", "ev-join-consent-error")
                        prop:checked=move || consent.get()
                        on:change=move |ev| consent.set(event_target_checked(&ev))
                    />
                    <label for="ev-join-consent">{i18n.tr(|t| t.ev_join_consent)}</label>
                </div>
                {error_line(Field::Consent, "ev-join-consent-error")}
            </div>
            {move || waitlist.get().then(|| view! {
                <p class="os-notice os-ev-join__waitlist">{i18n.tr(|t| t.ev_join_waitlist_note)}</p>
            })}
            <button
                type="submit"
                class="os-button os-button--primary os-ev-join__submit"
                disabled=move || sending.get()
                aria-disabled=move || if sending.get() { "true" } else { "false" }
            >
                {move || {
                    let t = i18n.t();
                    if sending.get() {
                        t.ev_join_sending
                    } else if waitlist.get() {
                        t.ev_join_submit_waitlist
                    } else {
                        t.ev_join_submit
                    }
                }}
            </button>
            <p class="os-ev-join__status" role="status" aria-live="polite">
                {move || sending.get().then(|| i18n.t().ev_join_sending)}
            </p>
        </form>
    }
}
