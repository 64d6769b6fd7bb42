//! Adapter for Linked Events (Helsinki's events API, JSON-LD).
//!
//! Joining takes two requests: [`reserve_seats`] (→ a [`SeatReservation`] with a code that
//! expires in about 15 minutes), then [`sign_up`] with that code. Cancelling deletes each
//! sign-up ([`cancel`]); the server then promotes the first on the waitlist. Writes need the
//! backend's authentication (API key or a signed-in user). No `Idempotency-Key` is sent.

mod convert;
mod wire;

#[cfg(test)]
mod tests;

use super::common::text_param;
use super::request::pair;
use super::{ApiRequest, ApiResponse, BackendError};
use crate::domain::*;
use serde_json::{json, Map, Value};

type R<T> = Result<T, BackendError>;

/// What Linked Events offers: registrations with a waitlist but no waitlist position, no
/// anonymous sign-up and no calendar files (the app makes those itself).
pub fn capabilities() -> Capabilities {
    Capabilities {
        has_ics: false,
        has_registration: true,
        can_register_anonymously: false,
        has_waitlist: true,
        has_waitlist_position: false,
        can_cancel_with_code: false,
        ..Capabilities::default()
    }
}

/// Seat counts, sign-up window and rules of an event's registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistrationInfo {
    /// Registration id (for [`reserve_seats`]).
    pub id: String,
    /// Capacity, free seats and waitlist.
    pub seats: Seats,
    /// When sign-up is open.
    pub enrolment: Enrolment,
    /// Most seats one sign-up may take.
    pub max_group_size: Option<u64>,
    /// Fields every sign-up must have, in Linked Events' names (e.g. `phone_number`).
    pub mandatory_fields: Vec<String>,
    /// The organiser's own sign-up form (Linked Events' registration UI).
    pub signup_url: Option<Localized>,
}

/// Seats held for a while, to be confirmed with [`sign_up`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatReservation {
    /// The code to send with the sign-up.
    pub code: String,
    /// Seats held.
    pub seats: u64,
    /// True when the seats are on the waitlist.
    pub waitlisted: bool,
    /// When the hold ends.
    pub expires: Timestamp,
}

/// `GET event/` with filters, places and keywords included, in start order. Paging is by
/// page number: `page.offset` should be a multiple of `page.limit` (at most 100).
pub fn list_events(query: &EventQuery, page: PageQuery) -> ApiRequest {
    let mut q = Vec::new();
    q.extend(query.start.map(|t| pair("start", t)));
    q.extend(query.end.map(|t| pair("end", t)));
    q.extend(text_param("keyword", &query.topic));
    q.extend(query.bounds.map(|(sw, ne)| {
        pair(
            "bbox",
            format!("{},{},{},{}", sw.lng, sw.lat, ne.lng, ne.lat),
        )
    }));
    q.extend(query.online.map(|o| pair("internet_based", o)));
    q.extend(query.free.map(|f| pair("is_free", f)));
    q.extend(text_param("text", &query.text));
    q.push(pair("include", "location,keywords"));
    q.push(pair("sort", "start_time"));
    let size = page.limit.clamp(1, 100);
    q.push(pair("page_size", size));
    let number = page.offset / size + 1;
    if number > 1 {
        q.push(pair("page", number));
    }
    ApiRequest::get("event/", q)
}

/// Reads the answer to [`list_events`]. A page past the end is [`BackendError::NotFound`].
pub fn parse_events(response: &ApiResponse) -> R<Page<EventSummary>> {
    convert::list(response.decode()?, convert::event_summary)
}

/// `GET event/{id}/?include=location,keywords`.
pub fn get_event(event_id: &str) -> ApiRequest {
    ApiRequest::get(
        format!("event/{event_id}/"),
        vec![pair("include", "location,keywords")],
    )
}

/// Reads the answer to [`get_event`]. A deleted event is [`BackendError::Gone`].
pub fn parse_event(response: &ApiResponse) -> R<Event> {
    convert::event(response.decode()?)
}

/// `event` with what its registration tells: seat counts, the sign-up window, the largest
/// group and whether a telephone number is required.
pub fn with_registration(mut event: Event, info: &RegistrationInfo) -> Event {
    event.summary.seats = Seats {
        capacity: info.seats.capacity.or(event.summary.seats.capacity),
        ..info.seats
    };
    event.summary.enrolment = info.enrolment;
    event.summary.has_registration = true;
    event.max_group_size = info.max_group_size;
    event.requires_phone = info.mandatory_fields.iter().any(|f| f == "phone_number");
    event.signup_url = info.signup_url.clone().filter(|u| !u.is_empty());
    event
}

/// `GET registration/{id}/`: public seat counts of an event's registration.
pub fn get_registration(registration_id: &str) -> ApiRequest {
    ApiRequest::get(format!("registration/{registration_id}/"), Vec::new())
}

/// Reads the answer to [`get_registration`].
pub fn parse_registration(response: &ApiResponse) -> R<RegistrationInfo> {
    convert::registration(response.decode()?)
}

fn registration_ref(registration_id: &str) -> Value {
    registration_id
        .parse::<u64>()
        .map_or_else(|_| json!(registration_id), |n| json!(n))
}

/// Step 1 of joining: `POST seats_reservation/`.
pub fn reserve_seats(registration_id: &str, seats: u64) -> ApiRequest {
    let body = json!({"registration": registration_ref(registration_id), "seats": seats});
    ApiRequest::post("seats_reservation/", Some(body))
}

/// Reads the answer to [`reserve_seats`]. Linked Events refuses a full event (or waitlist)
/// with 400 on `seats`; that becomes [`BackendError::Conflict`] with code `full`,
/// `waitlist_full` or `not_enough_seats` (fewer seats left than asked for).
pub fn parse_reservation(response: &ApiResponse) -> R<SeatReservation> {
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

/// Step 2 of joining: `POST signup/` with the reservation code: one sign-up per seat, the
/// first with the person's name (split at the last space), phone and date of birth, the
/// others with the phone only, all with the same contact person. Where a registration
/// demands names or birth dates of every attendee, the server refuses the extra sign-ups
/// with a [`BackendError::Validation`] naming `signups.N.field`.
pub fn sign_up(
    registration_id: &str,
    reservation: &SeatReservation,
    new: &NewRegistration,
) -> ApiRequest {
    let email = new
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let phone = new
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
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
    if let Some(phone) = phone {
        first.insert("phone_number".into(), json!(phone));
    }
    if let Some(born) = new.birth_date {
        first.insert("date_of_birth".into(), json!(born.to_string()));
    }
    first.insert("contact_person".into(), Value::Object(contact.clone()));
    let mut other = Map::new();
    if let Some(phone) = phone {
        other.insert("phone_number".into(), json!(phone));
    }
    other.insert("contact_person".into(), Value::Object(contact));
    let others = (1..reservation.seats).map(|_| Value::Object(other.clone()));
    let signups: Vec<Value> = std::iter::once(Value::Object(first))
        .chain(others)
        .collect();
    let body = json!({
        "registration": registration_ref(registration_id),
        "reservation_code": reservation.code,
        "signups": signups,
    });
    ApiRequest::post("signup/", Some(body))
}

/// Reads the answer to [`sign_up`]: attending or waitlisted (Linked Events tells no
/// position), with the sign-up ids needed to cancel.
pub fn parse_signup(response: &ApiResponse) -> R<RegistrationOutcome> {
    convert::signups(response.decode()?)
}

/// `GET signup/{id}/` (needs authentication): one sign-up's current status, e.g. to see a
/// waitlisted sign-up promoted after someone cancelled.
pub fn get_signup(signup_id: &str) -> ApiRequest {
    ApiRequest::get(format!("signup/{signup_id}/"), Vec::new())
}

/// Reads the answer to [`get_signup`].
pub fn parse_signup_status(response: &ApiResponse) -> R<AttendeeStatus> {
    convert::attendee_status(&response.decode()?)
}

/// `DELETE signup/{id}/` for each sign-up of a registration.
pub fn cancel(signup_ids: &[String]) -> Vec<ApiRequest> {
    signup_ids
        .iter()
        .map(|id| ApiRequest::delete(format!("signup/{id}/")))
        .collect()
}

/// Reads the answer to one [`cancel`] request (204 without a body).
pub fn parse_cancel(response: &ApiResponse) -> R<()> {
    response.error().map_or(Ok(()), Err)
}
