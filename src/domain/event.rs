//! Events (workshops, resident evenings) and joining them.

use super::{CancelHandle, Date, LatLng, Localized, RichText, SignupField, Timestamp};

/// When an event starts or ends: an instant with its offset as given, or a whole day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTime {
    /// A moment, e.g. `2026-11-30T18:00:00+02:00`.
    At(Timestamp),
    /// A date without a time (the event lasts the day or its time is not known).
    Day(Date),
}

impl EventTime {
    /// Parses `YYYY-MM-DD` as a day, anything longer as an RFC 3339 instant.
    pub fn parse(s: &str) -> Result<EventTime, super::TimeParseError> {
        if s.len() == 10 {
            Date::parse(s).map(EventTime::Day)
        } else {
            Timestamp::parse(s).map(EventTime::At)
        }
    }

    /// The calendar day this time falls on in `zone` (Finnish time unless another zone is
    /// named).
    pub fn date_in(self, zone: Option<&str>) -> Date {
        match self {
            EventTime::At(ts) => ts.in_zone(zone).date,
            EventTime::Day(d) => d,
        }
    }
}

/// Whether an event takes place as planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStatus {
    /// As planned.
    Scheduled,
    /// Moved to another time.
    Rescheduled,
    /// Postponed without a new time.
    Postponed,
    /// Will not take place.
    Cancelled,
}

/// A place where an event is held.
#[derive(Clone, Debug, PartialEq)]
pub struct Venue {
    /// Name of the place.
    pub name: Localized,
    /// Street address.
    pub address: Option<Localized>,
    /// Position on the map.
    pub location: Option<LatLng>,
    /// The area of the town it is in, when the backend tells.
    pub area: Option<Localized>,
    /// How the place can be reached and used, when the organiser has said.
    pub accessibility: Option<Localized>,
}

/// A topic or keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    /// Backend id or code.
    pub id: String,
    /// Name to show.
    pub name: Localized,
}

/// Seats and waitlist as far as the backend says; `None` means unknown or unlimited as noted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seats {
    /// Seats in all; `None` is unlimited or not given.
    pub capacity: Option<u64>,
    /// Seats still free; `None` is unlimited or not given.
    pub remaining: Option<u64>,
    /// Registrations (or seats) on the waitlist, when known.
    pub waitlist_count: Option<u64>,
    /// Free places on the waitlist; `None` is unlimited or not given.
    pub waitlist_remaining: Option<u64>,
}

/// When sign-up is possible.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Enrolment {
    /// Sign-up opens, when given.
    pub opens: Option<Timestamp>,
    /// Sign-up closes, when given.
    pub closes: Option<Timestamp>,
    /// The backend's own verdict "open now", when it gives one.
    pub open_now: Option<bool>,
}

/// An event as shown in lists, calendars and on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct EventSummary {
    /// Backend id.
    pub id: String,
    /// Name.
    pub title: Localized,
    /// Short description (plain text).
    pub summary: Localized,
    /// Topics or keywords.
    pub topics: Vec<Topic>,
    /// Start.
    pub start: EventTime,
    /// End, when given.
    pub end: Option<EventTime>,
    /// IANA time zone of the event, when the backend says.
    pub time_zone: Option<String>,
    /// Physical venue; `None` for online-only events.
    pub venue: Option<Venue>,
    /// Held online (wholly or also).
    pub online: bool,
    /// Link to the online event, when given.
    pub online_url: Option<String>,
    /// Free of charge, when known.
    pub is_free: Option<bool>,
    /// Price text.
    pub price: Option<Localized>,
    /// Seats and waitlist.
    pub seats: Seats,
    /// Whether `seats` are the backend's counts; false for a registration whose counts were
    /// not fetched (better say nothing than "room for everyone" on a full event).
    pub seats_known: bool,
    /// Sign-up window.
    pub enrolment: Enrolment,
    /// Whether residents can register through the app.
    pub has_registration: bool,
    /// Scheduled, cancelled…
    pub status: EventStatus,
    /// Last change.
    pub updated_at: Option<Timestamp>,
}

impl EventSummary {
    /// The day the event starts on, in its time zone (for the month calendar).
    pub fn start_date(&self) -> Date {
        self.start.date_in(self.time_zone.as_deref())
    }
}

/// An event with everything its page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The list fields.
    pub summary: EventSummary,
    /// Long description, rich text.
    pub description: RichText,
    /// More information elsewhere.
    pub info_url: Option<Localized>,
    /// A ready calendar file from the backend, when it offers one.
    pub calendar_url: Option<String>,
    /// Linked project, when the backend has projects.
    pub project_id: Option<String>,
    /// Backend id of the registration that takes sign-ups (Linked Events), if separate.
    pub registration_id: Option<String>,
    /// Most seats one sign-up may take, when limited.
    pub max_group_size: Option<u64>,
    /// What every sign-up must give (Linked Events' mandatory fields and, for an event with an
    /// age limit, the date of birth).
    pub signup_fields: Vec<SignupField>,
    /// Mandatory fields the app does not know: it cannot sign up here, only send the resident
    /// to the organiser's own sign-up page.
    pub unknown_signup_fields: Vec<String>,
    /// Who organises the event, as the organiser wrote it.
    pub organiser: Option<Localized>,
    /// The organiser's own sign-up page, for when the app cannot sign up here (a backend
    /// that needs a signed-in user and no token source configured).
    pub signup_url: Option<Localized>,
}

/// Joining an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRegistration {
    /// Full name as typed, single line.
    pub name: String,
    /// Optional e-mail address.
    pub email: Option<String>,
    /// Optional telephone number (some backends require it).
    pub phone: Option<String>,
    /// Street address, postal code and town, where the organiser asks for them.
    pub street_address: Option<String>,
    pub zipcode: Option<String>,
    pub city: Option<String>,
    /// Date of birth; Linked Events asks it for events with age limits.
    pub birth_date: Option<Date>,
    /// Seats, at least 1.
    pub seats: u64,
    /// Language for messages from the organiser.
    pub language: super::Lang,
}

/// Attending, or where on the waitlist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttendeeStatus {
    /// Has a seat.
    Attending,
    /// On the waitlist; `position` is 1-based when the backend tells it.
    Waitlisted {
        /// Place in the queue.
        position: Option<u64>,
    },
    /// Cancelled.
    Cancelled,
}

/// The answer to joining an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistrationOutcome {
    /// Backend id of the registration or sign-up.
    pub id: String,
    /// Attending or waitlisted.
    pub status: AttendeeStatus,
    /// Seats taken.
    pub seats: u64,
    /// Keep this to cancel.
    pub cancel: CancelHandle,
}

/// Filters for an event list; `None` means "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventQuery {
    /// Only events ending at or after this instant.
    pub start: Option<Timestamp>,
    /// Only events starting at or before this instant.
    pub end: Option<Timestamp>,
    /// Only events with this topic (backend id or code).
    pub topic: Option<String>,
    /// Only events touching these bounds `(south_west, north_east)`.
    pub bounds: Option<(LatLng, LatLng)>,
    /// Only online (`true`) or in-person (`false`) events.
    pub online: Option<bool>,
    /// Only free events.
    pub free: Option<bool>,
    /// Free text.
    pub text: Option<String>,
    /// Only events in this area of the town (its name, in any language).
    pub area: Option<String>,
}
