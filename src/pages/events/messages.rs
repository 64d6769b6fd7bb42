//! The sentences of joining and cancelling: a field's problem, a refused or failed send.

use crate::backend::BackendError;
use crate::components::backend_error::backend_error_text;
use crate::domain::{
    join_refusal, JoinField, JoinProblem, JoinRefusal, CITY_MAX, NAME_MAX, STREET_MAX, ZIPCODE_MAX,
};
use crate::i18n::{fill, Strings};

/// The sentence for a field's problem.
pub(crate) fn problem_text(t: &Strings, field: JoinField, problem: JoinProblem) -> String {
    let max = |n: usize| fill(t.ev_err_too_long, &[("max", &n.to_string())]);
    match (field, problem) {
        (JoinField::Name, JoinProblem::Required) => t.ev_err_name_required.into(),
        (JoinField::Name, JoinProblem::TooLong) => {
            fill(t.ev_err_name_long, &[("max", &NAME_MAX.to_string())])
        }
        (JoinField::Name, JoinProblem::TwoNames) => t.ev_err_name_two.into(),
        (JoinField::Email, JoinProblem::TooLong | JoinProblem::Email) => t.ev_err_email.into(),
        (JoinField::Phone, JoinProblem::Required) => t.ev_err_phone_required.into(),
        (JoinField::Phone, JoinProblem::Refused) => t.ev_err_refused.into(),
        (JoinField::Phone, _) => t.ev_err_phone.into(),
        (JoinField::StreetAddress, JoinProblem::Required) => t.ev_err_street_required.into(),
        (JoinField::StreetAddress, JoinProblem::TooLong) => max(STREET_MAX),
        (JoinField::Zipcode, JoinProblem::Required) => t.ev_err_zip_required.into(),
        (JoinField::Zipcode, JoinProblem::TooLong) => max(ZIPCODE_MAX),
        (JoinField::City, JoinProblem::Required) => t.ev_err_city_required.into(),
        (JoinField::City, JoinProblem::TooLong) => max(CITY_MAX),
        (JoinField::BirthDate, JoinProblem::Required) => t.ev_err_birth_required.into(),
        (JoinField::BirthDate, JoinProblem::Date) => t.ev_err_birth.into(),
        (JoinField::BirthDate, JoinProblem::TooYoung) => t.ev_err_too_young.into(),
        (JoinField::BirthDate, JoinProblem::TooOld) => t.ev_err_too_old.into(),
        (JoinField::Seats, JoinProblem::SeatsRange { max }) => {
            fill(t.ev_err_seats, &[("max", &max.to_string())])
        }
        (JoinField::Seats, JoinProblem::SeatsOverCapacity) => t.ev_err_seats_capacity.into(),
        (JoinField::Consent, _) => t.ev_err_consent.into(),
        _ => t.ev_err_refused.into(),
    }
}

/// The name of a detail a backend refused that has no field on the form, when it is one the
/// resident can understand (the contact person's language, say).
fn detail_name(t: &'static Strings, name: &str) -> Option<&'static str> {
    match name {
        "service_language" => Some(t.ev_field_service_language),
        "native_language" => Some(t.ev_field_native_language),
        "membership_number" => Some(t.ev_field_membership),
        "extra_info" => Some(t.ev_field_extra_info),
        _ => None,
    }
}

/// The sentence at the top of the form when the backend refused details the form has no
/// field for: which ones, by name, or that part of the registration was not accepted.
pub(crate) fn others_text(t: &'static Strings, others: &[String]) -> String {
    let named: Vec<&str> = others.iter().filter_map(|o| detail_name(t, o)).collect();
    if named.is_empty() {
        t.ev_err_not_accepted.into()
    } else {
        fill(
            t.ev_err_not_accepted_named,
            &[("details", &named.join(", "))],
        )
    }
}

/// The refusal a backend's error stands for, if the form has its own sentence for it.
fn refusal(error: &BackendError) -> Option<JoinRefusal> {
    match error {
        BackendError::Conflict { code } | BackendError::Forbidden { code } => join_refusal(code),
        _ => None,
    }
}

/// The sentence at the top of the form for a failed submission.
pub(crate) fn submit_error_text(t: &Strings, error: &BackendError) -> String {
    match refusal(error) {
        Some(JoinRefusal::Full) => t.ev_err_full.into(),
        Some(JoinRefusal::Closed) => t.ev_err_closed.into(),
        Some(JoinRefusal::AlreadyRegistered) => t.ev_err_already.into(),
        Some(JoinRefusal::Past) => t.ev_err_past.into(),
        None => match error {
            BackendError::Conflict { code } if code == "maybe_registered" => {
                t.ev_err_maybe_done.into()
            }
            BackendError::Validation { .. } => t.ev_err_check_fields.into(),
            BackendError::Network(_) | BackendError::Timeout => t.ev_err_offline.into(),
            BackendError::Server { .. } => t.ev_err_server.into(),
            other => backend_error_text(t, other),
        },
    }
}

/// The sentence for a failed cancellation.
pub(crate) fn cancel_error_text(t: &Strings, e: &BackendError) -> String {
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
