//! Signing up: the details a registration can require, places held while a resident signs up,
//! and the codes that cancel a registration later.

use super::Timestamp;

/// A detail every sign-up of a registration must give. These are Linked Events' mandatory
/// fields (`city`, `first_name`, `last_name`, `phone_number`, `street_address`, `zipcode`), and
/// the date of birth it requires when the event has an age limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignupField {
    FirstName,
    LastName,
    Phone,
    StreetAddress,
    Zipcode,
    City,
    BirthDate,
}

impl SignupField {
    /// Every field, in the order the join form asks for them.
    pub const ALL: [SignupField; 7] = [
        SignupField::FirstName,
        SignupField::LastName,
        SignupField::Phone,
        SignupField::StreetAddress,
        SignupField::Zipcode,
        SignupField::City,
        SignupField::BirthDate,
    ];

    /// Linked Events' name of the field.
    pub fn code(self) -> &'static str {
        match self {
            SignupField::FirstName => "first_name",
            SignupField::LastName => "last_name",
            SignupField::Phone => "phone_number",
            SignupField::StreetAddress => "street_address",
            SignupField::Zipcode => "zipcode",
            SignupField::City => "city",
            SignupField::BirthDate => "date_of_birth",
        }
    }

    /// The field with Linked Events' name `code`.
    pub fn from_code(code: &str) -> Option<SignupField> {
        SignupField::ALL.into_iter().find(|f| f.code() == code)
    }

    /// A detail of one person (a group cannot share it): a registration that asks for it takes
    /// one participant per sign-up.
    pub fn personal(self) -> bool {
        matches!(
            self,
            SignupField::FirstName | SignupField::LastName | SignupField::BirthDate
        )
    }
}

/// Places held for a resident while they sign up (Linked Events' seat reservation): they count
/// as taken until used, given back, or `expires`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatHold {
    /// Backend id of the reservation.
    pub id: String,
    /// The code a sign-up (or giving the places back) must send.
    pub code: String,
    /// Places held.
    pub seats: u64,
    /// The places are on the waitlist.
    pub waitlisted: bool,
    /// When the hold ends by itself.
    pub expires: Timestamp,
    /// A sign-up with this code was sent and its answer lost: it may have been used.
    pub maybe_used: bool,
}

impl SeatHold {
    /// Whether the hold still stands at `now` with a margin for the sign-up to arrive.
    pub fn usable(&self, now: Timestamp) -> bool {
        self.expires.unix_seconds() - now.unix_seconds() > HOLD_MARGIN_S
    }

    /// Milliseconds until the hold ends (0 once it has).
    pub fn left_ms(&self, now: Timestamp) -> u64 {
        u64::try_from((self.expires.unix_micros() - now.unix_micros()) / 1000).unwrap_or(0)
    }
}

/// A hold this close to its end is not used any more (the sign-up could arrive too late).
const HOLD_MARGIN_S: i64 = 30;

/// How a registration can be cancelled later, from any device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CancelHandle {
    /// A secret token (reference server: `POST /registrations/cancel`).
    Token(String),
    /// Sign-up ids, one per seat (Linked Events: `DELETE signup/{id}/` for each).
    Signups(Vec<String>),
}

/// Written before Linked Events' sign-up ids in a cancel code, to tell them from a token.
const SIGNUPS: &str = "signups:";

impl CancelHandle {
    /// The code that cancels a registration, as shown to the resident and put in the cancel
    /// link's fragment: the reference server's token as it is, Linked Events' sign-up ids as
    /// `signups:1,2`.
    pub fn code(&self) -> String {
        match self {
            CancelHandle::Token(t) => t.clone(),
            CancelHandle::Signups(ids) => format!("{SIGNUPS}{}", ids.join(",")),
        }
    }

    /// Reads a code typed or taken from a link; `None` when empty.
    pub fn from_code(code: &str) -> Option<CancelHandle> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_codes_round_trip_for_both_backends() {
        let token = CancelHandle::Token("abc-123".into());
        assert_eq!(CancelHandle::from_code(&token.code()), Some(token));
        let signups = CancelHandle::Signups(vec!["7".into(), "8".into()]);
        assert_eq!(signups.code(), "signups:7,8");
        assert_eq!(CancelHandle::from_code("#signups:7,8 "), Some(signups));
        assert_eq!(CancelHandle::from_code("  "), None);
    }

    #[test]
    fn signup_fields_by_their_linked_events_names() {
        for f in SignupField::ALL {
            assert_eq!(SignupField::from_code(f.code()), Some(f));
        }
        assert_eq!(SignupField::from_code("membership_number"), None);
        assert!(SignupField::BirthDate.personal() && !SignupField::Zipcode.personal());
    }

    #[test]
    fn a_hold_is_used_until_half_a_minute_before_it_ends() {
        let at = |s: &str| Timestamp::parse(s).unwrap();
        let hold = SeatHold {
            id: "10".into(),
            code: "c".into(),
            seats: 2,
            waitlisted: false,
            expires: at("2026-12-03T09:26:41Z"),
            maybe_used: false,
        };
        assert!(hold.usable(at("2026-12-03T09:26:10Z")));
        assert!(!hold.usable(at("2026-12-03T09:26:11Z")));
        assert_eq!(hold.left_ms(at("2026-12-03T09:25:41Z")), 60_000);
        assert_eq!(hold.left_ms(at("2026-12-03T09:30:00Z")), 0);
    }
}
