//! Registrations remembered on this device (normal mode only: a kiosk never remembers anyone),
//! so the event page can show "you are attending" and the cancel link later.

use crate::domain::{AttendeeStatus, CancelHandle, RegistrationOutcome};
use crate::web::device;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const KEY: &str = "events.registrations";
const SIGNUPS: &str = "signups:";

/// One registration as remembered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// Backend id of the registration (empty in entries saved before it was kept).
    #[serde(default)]
    pub id: String,
    /// `attending` or `waitlisted`.
    pub status: String,
    /// Waitlist position when waitlisted.
    pub position: Option<u64>,
    pub seats: u64,
    /// The cancel code (see [`cancel_code`]).
    pub code: String,
}

/// The code that cancels a registration, as shown to the resident and put in the cancel
/// link's fragment: the reference server's token as it is, Linked Events' sign-up ids
/// as `signups:1,2`.
pub fn cancel_code(handle: &CancelHandle) -> String {
    match handle {
        CancelHandle::Token(t) => t.clone(),
        CancelHandle::Signups(ids) => format!("{SIGNUPS}{}", ids.join(",")),
    }
}

/// Reads a code typed or taken from a link; `None` when empty.
pub fn parse_code(code: &str) -> Option<CancelHandle> {
    let code = code.trim().trim_start_matches('#');
    if code.is_empty() {
        return None;
    }
    Some(match code.strip_prefix(SIGNUPS) {
        Some(ids) => CancelHandle::Signups(
            ids.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        None => CancelHandle::Token(code.to_owned()),
    })
}

/// The remembered form of an outcome.
pub fn saved(outcome: &RegistrationOutcome) -> Saved {
    let (status, position) = match outcome.status {
        AttendeeStatus::Attending => ("attending", None),
        AttendeeStatus::Waitlisted { position } => ("waitlisted", position),
        AttendeeStatus::Cancelled => ("cancelled", None),
    };
    Saved {
        id: outcome.id.clone(),
        status: status.into(),
        position,
        seats: outcome.seats,
        code: cancel_code(&outcome.cancel),
    }
}

fn all() -> BTreeMap<String, Saved> {
    device::get_json(KEY).unwrap_or_default()
}

/// The registration remembered for an event.
pub fn get(event_id: &str) -> Option<Saved> {
    if device::is_kiosk() {
        return None;
    }
    all().remove(event_id)
}

/// Remembers a registration (never in kiosk mode).
pub fn put(event_id: &str, s: &Saved) {
    if device::is_kiosk() {
        return;
    }
    let mut map = all();
    map.insert(event_id.to_owned(), s.clone());
    device::set_json(KEY, &map);
}

/// The remembered form of a status the server reports now.
pub fn with_status(mut s: Saved, status: AttendeeStatus) -> Saved {
    let (label, position) = match status {
        AttendeeStatus::Attending => ("attending", None),
        AttendeeStatus::Waitlisted { position } => ("waitlisted", position),
        AttendeeStatus::Cancelled => ("cancelled", None),
    };
    s.status = label.into();
    s.position = position;
    s
}

/// Forgets the registration with this cancel code, wherever it was remembered.
pub fn forget_code(code: &str) {
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

    #[test]
    fn codes_round_trip_for_both_backends() {
        let token = CancelHandle::Token("abc-123".into());
        assert_eq!(parse_code(&cancel_code(&token)), Some(token));
        let signups = CancelHandle::Signups(vec!["7".into(), "8".into()]);
        assert_eq!(cancel_code(&signups), "signups:7,8");
        assert_eq!(parse_code("#signups:7,8 "), Some(signups));
        assert_eq!(parse_code("  "), None);
    }
}
