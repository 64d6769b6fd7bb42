//! Joining (hold places, sign up, give places back) and cancelling, as Linked Events does it.

use super::convert;
use crate::backend::{ApiRequest, ApiResponse, BackendError};
use crate::domain::*;
use serde_json::{json, Map, Value};

type R<T> = Result<T, BackendError>;

fn registration_ref(registration_id: &str) -> Value {
    registration_id
        .parse::<u64>()
        .map_or_else(|_| json!(registration_id), |n| json!(n))
}

/// Step 1 of joining: `POST seats_reservation/`.
pub(crate) fn reserve_seats(registration_id: &str, seats: u64) -> ApiRequest {
    let body = json!({"registration": registration_ref(registration_id), "seats": seats});
    ApiRequest::post("seats_reservation/", Some(body))
}

/// `PUT seats_reservation/{id}/` with the hold's code: the same hold for `seats` places (a
/// resident who changed the number between tries). Its code stays; its end moves a minute per
/// place.
pub(crate) fn update_seats(registration_id: &str, hold: &SeatHold, seats: u64) -> ApiRequest {
    let body = json!({
        "registration": registration_ref(registration_id),
        "seats": seats,
        "code": hold.code,
    });
    ApiRequest::put(format!("seats_reservation/{}/", hold.id), body)
}

/// Gives a hold's places back at once: [`update_seats`] to 0 (Linked Events answers `DELETE`
/// of a reservation with 405; a hold left alone keeps its places until it expires).
pub(crate) fn release_seats(registration_id: &str, hold: &SeatHold) -> ApiRequest {
    update_seats(registration_id, hold, 0)
}

/// Reads the answer to [`reserve_seats`] or [`update_seats`]. Linked Events refuses a full
/// event (or waitlist) with 400 on `seats`; that becomes [`BackendError::Conflict`] with code
/// `full`, `waitlist_full` or `not_enough_seats` (fewer seats left than asked for).
pub(crate) fn parse_reservation(response: &ApiResponse) -> R<SeatHold> {
    match response.decode() {
        Ok(w) => convert::reservation(w),
        Err(BackendError::Validation { fields }) if fields.iter().any(|(f, _)| f == "seats") => {
            let message = fields
                .iter()
                .find(|(f, _)| f == "seats")
                .map(|(_, m)| m.as_str());
            let code = match message.unwrap_or("") {
                m if m.contains("waiting list") => "waitlist_full",
                m if m.contains("Capacity left: 0.") => "full",
                _ => "not_enough_seats",
            };
            Err(BackendError::Conflict { code: code.into() })
        }
        Err(other) => Err(other),
    }
}

/// Whether a sign-up was refused because its hold is gone: the code is unknown (used, or
/// deleted after it expired), expired, or holds fewer places than the sign-ups (given back).
pub(crate) fn hold_gone(error: &BackendError) -> bool {
    let BackendError::Validation { fields } = error else {
        return false;
    };
    fields
        .iter()
        .any(|(f, m)| f == "reservation_code" || (f == "signups" && m.contains("seats")))
}

/// The details of one sign-up other than the names and the date of birth.
fn shared_details(new: &NewRegistration) -> Map<String, Value> {
    let mut details = Map::new();
    let given = [
        ("phone_number", &new.phone),
        ("street_address", &new.street_address),
        ("zipcode", &new.zipcode),
        ("city", &new.city),
    ];
    for (key, value) in given {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            details.insert(key.into(), json!(v));
        }
    }
    details
}

/// Step 2 of joining: `POST signup/` with the hold's code: one sign-up per seat, each with the
/// telephone number and address given (Linked Events checks its mandatory fields on every
/// sign-up), the first also with the person's name (split at the last space) and date of
/// birth, all with the same contact person. Registrations that need names or dates of birth
/// of everyone take one seat per sign-up ([`crate::domain::group_max`]).
pub(crate) fn sign_up(registration_id: &str, hold: &SeatHold, new: &NewRegistration) -> ApiRequest {
    let email = new
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let mut contact = Map::new();
    if let Some(email) = email {
        contact.insert("email".into(), json!(email));
    }
    contact.insert(
        "notifications".into(),
        json!(if email.is_some() { "email" } else { "none" }),
    );
    contact.insert("service_language".into(), json!(new.language.code()));
    let mut first = Map::new();
    let name = new.name.trim();
    match name.rsplit_once(char::is_whitespace) {
        Some((given, family)) => {
            first.insert("first_name".into(), json!(given.trim()));
            first.insert("last_name".into(), json!(family));
        }
        None => {
            first.insert("first_name".into(), json!(name));
        }
    }
    let details = shared_details(new);
    first.extend(details.clone());
    if let Some(born) = new.birth_date {
        first.insert("date_of_birth".into(), json!(born.to_string()));
    }
    first.insert("contact_person".into(), Value::Object(contact.clone()));
    let mut other = details;
    other.insert("contact_person".into(), Value::Object(contact));
    let others = (1..hold.seats).map(|_| Value::Object(other.clone()));
    let signups: Vec<Value> = std::iter::once(Value::Object(first))
        .chain(others)
        .collect();
    let body = json!({
        "registration": registration_ref(registration_id),
        "reservation_code": hold.code,
        "signups": signups,
    });
    ApiRequest::post("signup/", Some(body))
}

/// Reads the answer to [`sign_up`]: attending or waitlisted (Linked Events tells no
/// position), with the sign-up ids needed to cancel.
pub(crate) fn parse_signup(response: &ApiResponse) -> R<RegistrationOutcome> {
    convert::signups(response.decode()?)
}

/// `DELETE signup/{id}/` for each sign-up of a registration.
pub(crate) fn cancel(signup_ids: &[String]) -> Vec<ApiRequest> {
    signup_ids
        .iter()
        .map(|id| ApiRequest::delete(format!("signup/{id}/")))
        .collect()
}

/// Reads the answer to one [`cancel`] request (204 without a body).
pub(crate) fn parse_cancel(response: &ApiResponse) -> R<()> {
    response.error().map_or(Ok(()), Err)
}
