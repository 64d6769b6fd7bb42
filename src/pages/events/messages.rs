//! The sentences of joining and cancelling: a field's problem, a refused or failed send.

use crate::backend::BackendError;
use crate::components::backend_error::backend_error_text;
use crate::domain::{join_refusal, JoinField, JoinProblem, JoinRefusal, NAME_MAX};
use crate::i18n::{fill, Strings};

/// The sentence for a field's problem.
pub(crate) fn problem_text(t: &Strings, field: JoinField, problem: JoinProblem) -> String {
    match (field, problem) {
        (JoinField::Name, JoinProblem::Required) => t.ev_err_name_required.into(),
        (JoinField::Name, JoinProblem::TooLong) => {
            fill(t.ev_err_name_long, &[("max", &NAME_MAX.to_string())])
        }
        (JoinField::Email, JoinProblem::TooLong | JoinProblem::Email) => t.ev_err_email.into(),
        (JoinField::Phone, JoinProblem::Required) => t.ev_err_phone_required.into(),
        (JoinField::Phone, _) => t.ev_err_phone.into(),
        (JoinField::Seats, JoinProblem::SeatsRange { max }) => {
            fill(t.ev_err_seats, &[("max", &max.to_string())])
        }
        (JoinField::Seats, JoinProblem::SeatsOverCapacity) => t.ev_err_seats_capacity.into(),
        (JoinField::Consent, _) => t.ev_err_consent.into(),
        _ => t.ev_err_refused.into(),
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
            BackendError::Validation { .. } => t.ev_err_check_fields.into(),
            BackendError::Network(_) | BackendError::Timeout => t.ev_err_offline.into(),
            BackendError::Server { .. } => t.ev_err_server.into(),
            other => backend_error_text(t, other),
        },
    }
}

/// Whether the outcome of a failed send is unknown (so a retry must reuse the key).
pub(crate) fn outcome_unknown(error: &BackendError) -> bool {
    matches!(
        error,
        BackendError::Network(_)
            | BackendError::Timeout
            | BackendError::Server { .. }
            | BackendError::RateLimited { .. }
    )
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
