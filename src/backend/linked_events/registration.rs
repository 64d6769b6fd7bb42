//! What an event's registration tells, and the event with it.

use crate::domain::*;

/// Seat counts, sign-up window and rules of an event's registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RegistrationInfo {
    /// Registration id (for `reserve_seats`).
    pub(crate) id: String,
    /// Capacity, free seats and waitlist.
    pub(crate) seats: Seats,
    /// When sign-up is open.
    pub(crate) enrolment: Enrolment,
    /// Most seats one sign-up may take.
    pub(crate) max_group_size: Option<u64>,
    /// What every sign-up must give (mandatory fields, the date of birth for an age limit).
    pub(crate) signup_fields: Vec<SignupField>,
    /// Mandatory fields the app does not know, in Linked Events' names.
    pub(crate) unknown_fields: Vec<String>,
    /// The organiser's own sign-up form (Linked Events' registration UI).
    pub(crate) signup_url: Option<Localized>,
}

/// `event` with what its registration tells: seat counts, the sign-up window, the largest
/// group and the details every sign-up must give.
pub(crate) fn with_registration(mut event: Event, info: &RegistrationInfo) -> Event {
    event.summary.seats = info.seats;
    event.summary.seats_known = true;
    event.summary.enrolment = info.enrolment;
    event.summary.has_registration = true;
    event.registration_id = Some(info.id.clone());
    event.max_group_size = info.max_group_size;
    event.signup_fields = info.signup_fields.clone();
    event.unknown_signup_fields = info.unknown_fields.clone();
    event.signup_url = info.signup_url.clone().filter(|u| !u.is_empty());
    event
}
