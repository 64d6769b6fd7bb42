//! Registrations remembered on this device (normal mode only: a kiosk never remembers anyone),
//! so the event page can show "you are attending" and the cancel link later.

use crate::domain::{AttendeeStatus, RegistrationOutcome};
use crate::web::device;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const KEY: &str = "events.registrations";

/// One registration as remembered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Saved {
    /// Backend id of the registration (empty in entries saved before it was kept).
    #[serde(default)]
    pub(crate) id: String,
    /// `attending` or `waitlisted`.
    pub(crate) status: String,
    /// Waitlist position when waitlisted.
    pub(crate) position: Option<u64>,
    pub(crate) seats: u64,
    /// The cancel code ([`crate::domain::CancelHandle::code`]).
    pub(crate) code: String,
}

fn status_fields(status: AttendeeStatus) -> (&'static str, Option<u64>) {
    match status {
        AttendeeStatus::Attending => ("attending", None),
        AttendeeStatus::Waitlisted { position } => ("waitlisted", position),
        AttendeeStatus::Cancelled => ("cancelled", None),
    }
}

/// The remembered form of an outcome.
pub(crate) fn saved(outcome: &RegistrationOutcome) -> Saved {
    let (status, position) = status_fields(outcome.status);
    Saved {
        id: outcome.id.clone(),
        status: status.into(),
        position,
        seats: outcome.seats,
        code: outcome.cancel.code(),
    }
}

/// The remembered form of a status the server reports now.
pub(crate) fn with_status(mut s: Saved, status: AttendeeStatus) -> Saved {
    let (label, position) = status_fields(status);
    s.status = label.into();
    s.position = position;
    s
}

fn all() -> BTreeMap<String, Saved> {
    device::get_json(KEY).unwrap_or_default()
}

/// The registration remembered for an event.
pub(crate) fn get(event_id: &str) -> Option<Saved> {
    if device::is_kiosk() {
        return None;
    }
    all().remove(event_id)
}

/// Remembers a registration (never in kiosk mode).
pub(crate) fn put(event_id: &str, s: &Saved) {
    if device::is_kiosk() {
        return;
    }
    let mut map = all();
    map.insert(event_id.to_owned(), s.clone());
    device::set_json(KEY, &map);
}

/// Forgets the registration with this cancel code, wherever it was remembered.
pub(crate) fn forget_code(code: &str) {
    let mut map = all();
    let before = map.len();
    map.retain(|_, s| s.code != code);
    if map.len() != before {
        device::set_json(KEY, &map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CancelHandle;

    #[test]
    fn an_outcome_is_remembered_with_its_cancel_code_and_status() {
        let outcome = RegistrationOutcome {
            id: "3".into(),
            status: AttendeeStatus::Waitlisted { position: Some(2) },
            seats: 2,
            cancel: CancelHandle::Signups(vec!["3".into(), "4".into()]),
        };
        let s = saved(&outcome);
        assert_eq!(
            (s.status.as_str(), s.position, s.seats),
            ("waitlisted", Some(2), 2)
        );
        assert_eq!(s.code, "signups:3,4");
        let now = with_status(s, AttendeeStatus::Attending);
        assert_eq!((now.status.as_str(), now.position), ("attending", None));
    }
}
