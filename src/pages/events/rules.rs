//! The events area's rules, free of Leptos so they are tested natively: what a card says
//! about seats, whether one can join, when the online link shows, and the join form's checks.

use crate::backend::BackendError;
use crate::domain::{Event, EventStatus, EventSummary, EventTime, Seats, Timestamp};

/// The online link shows this long before the start (and until the end).
pub const ONLINE_LINK_LEAD_S: i64 = 15 * 60;
/// Longest name the reference server takes.
pub const NAME_MAX: usize = 100;
/// Longest e-mail address (RFC 5321).
pub const EMAIL_MAX: usize = 254;
/// Seats per registration when the backend gives no limit.
pub const DEFAULT_GROUP_MAX: u64 = 10;

/// What a card or event page says about places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeatsInfo {
    /// No registration through the app (walk in).
    NoRegistration,
    /// Registration without a seat limit.
    Unlimited,
    /// Seats left of the capacity.
    Left { left: u64, capacity: u64 },
    /// Full: new registrations go on the waitlist (with this many already waiting).
    Waitlist { waiting: u64 },
    /// Full, and no waitlist places either.
    Full,
    /// The event has been (or is being) held.
    Past,
    /// The event will not take place.
    Cancelled,
}

/// The end of an event, or its start when no end is given, as an instant (a day-long event
/// ends at the end of its day, taken in UTC+2 so a Finnish evening still counts as that day).
pub fn end_instant(e: &EventSummary) -> Timestamp {
    let t = e.end.unwrap_or(e.start);
    match t {
        EventTime::At(t) => t,
        EventTime::Day(d) => {
            Timestamp::from_unix_seconds(d.add_days(1).start_utc().unix_seconds() - 2 * 3600)
        }
    }
}

/// The start of an event as an instant (a date counts from its midnight in UTC+2).
pub fn start_instant(e: &EventSummary) -> Timestamp {
    match e.start {
        EventTime::At(t) => t,
        EventTime::Day(d) => Timestamp::from_unix_seconds(d.start_utc().unix_seconds() - 2 * 3600),
    }
}

/// True once the event has ended.
pub fn is_past(e: &EventSummary, now: Timestamp) -> bool {
    end_instant(e) <= now
}

/// The seats rule for cards and the event page.
pub fn seats_info(e: &EventSummary, now: Timestamp) -> SeatsInfo {
    if e.status == EventStatus::Cancelled {
        return SeatsInfo::Cancelled;
    }
    if is_past(e, now) {
        return SeatsInfo::Past;
    }
    if !e.has_registration {
        return SeatsInfo::NoRegistration;
    }
    let Seats {
        capacity,
        remaining,
        waitlist_count,
        waitlist_remaining,
    } = e.seats;
    match (capacity, remaining) {
        (_, Some(0)) | (Some(0), None) => {
            if waitlist_remaining == Some(0) {
                SeatsInfo::Full
            } else {
                SeatsInfo::Waitlist {
                    waiting: waitlist_count.unwrap_or(0),
                }
            }
        }
        // A waitlist that is already forming means new people queue even if seats show free
        // (the reference server keeps the queue's order).
        (Some(_), Some(_)) if waitlist_count.unwrap_or(0) > 0 => SeatsInfo::Waitlist {
            waiting: waitlist_count.unwrap_or(0),
        },
        (Some(capacity), Some(left)) => SeatsInfo::Left { left, capacity },
        (None, Some(left)) => SeatsInfo::Left {
            left,
            capacity: left,
        },
        (_, None) => SeatsInfo::Unlimited,
    }
}

/// Whether a resident can join now, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinState {
    /// Seats are free.
    Open,
    /// Joining puts one on the waitlist.
    Waitlist,
    /// Full with no waitlist.
    Full,
    /// Sign-up has not opened yet.
    NotYetOpen,
    /// Sign-up has closed (or the event started).
    Closed,
    /// The event is over.
    Past,
    /// The event is cancelled.
    Cancelled,
    /// The event takes no registrations through the app.
    NoRegistration,
}

/// Joining rules for the event page.
pub fn join_state(e: &EventSummary, now: Timestamp) -> JoinState {
    match seats_info(e, now) {
        SeatsInfo::Cancelled => return JoinState::Cancelled,
        SeatsInfo::Past => return JoinState::Past,
        SeatsInfo::NoRegistration => return JoinState::NoRegistration,
        _ => {}
    }
    if matches!(e.enrolment.opens, Some(t) if now < t) {
        return JoinState::NotYetOpen;
    }
    let closed_by_time = matches!(e.enrolment.closes, Some(t) if now >= t);
    if e.enrolment.open_now == Some(false) || closed_by_time || start_instant(e) <= now {
        return JoinState::Closed;
    }
    match seats_info(e, now) {
        SeatsInfo::Waitlist { .. } => JoinState::Waitlist,
        SeatsInfo::Full => JoinState::Full,
        _ => JoinState::Open,
    }
}

/// Whether the online link is shown: from [`ONLINE_LINK_LEAD_S`] before the start until the end.
pub fn online_link_visible(e: &EventSummary, now: Timestamp) -> bool {
    let from = start_instant(e).unix_seconds() - ONLINE_LINK_LEAD_S;
    e.online_url.is_some()
        && now.unix_seconds() >= from
        && !is_past(e, now)
        && e.status != EventStatus::Cancelled
}

/// Most seats one registration may take.
pub fn group_max(e: &Event) -> u64 {
    e.max_group_size.unwrap_or(DEFAULT_GROUP_MAX).max(1)
}

/// A field of the join form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Email,
    Phone,
    Seats,
    Consent,
}

/// Why a field is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong,
    Email,
    /// Not a telephone number (digits, spaces, `+ - ( )`, 5–20 characters).
    Phone,
    /// Seats must be a whole number between 1 and the maximum.
    SeatsRange {
        max: u64,
    },
    /// More seats than the event has.
    SeatsOverCapacity,
    /// The backend refused the value without a code we know.
    Refused,
}

/// What the resident typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinInput {
    pub name: String,
    pub email: String,
    /// Telephone number, asked only where the backend requires it.
    pub phone: String,
    pub phone_required: bool,
    pub seats: String,
    pub consent: bool,
}

fn email_ok(e: &str) -> bool {
    let Some((local, domain)) = e.rsplit_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && !host.is_empty()
        && !tld.is_empty()
        && !local.contains('@')
        && !e
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

/// Checks the form before sending; an empty list means it may be sent.
pub fn validate(input: &JoinInput, max_seats: u64) -> Vec<(Field, Problem)> {
    let mut out = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        out.push((Field::Name, Problem::Required));
    } else if name.chars().count() > NAME_MAX {
        out.push((Field::Name, Problem::TooLong));
    }
    let email = input.email.trim();
    if email.chars().count() > EMAIL_MAX {
        out.push((Field::Email, Problem::TooLong));
    } else if !email.is_empty() && !email_ok(email) {
        out.push((Field::Email, Problem::Email));
    }
    let phone = input.phone.trim();
    if phone.is_empty() {
        if input.phone_required {
            out.push((Field::Phone, Problem::Required));
        }
    } else if !phone_ok(phone) {
        out.push((Field::Phone, Problem::Phone));
    }
    match input.seats.trim().parse::<u64>() {
        Ok(n) if (1..=max_seats).contains(&n) => {}
        _ => out.push((Field::Seats, Problem::SeatsRange { max: max_seats })),
    }
    if !input.consent {
        out.push((Field::Consent, Problem::Required));
    }
    out
}

fn phone_ok(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&p.chars().count())
        && digits >= 5
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && p.chars().skip(1).all(|c| c != '+')
}

/// The single-line name as sent: inner line breaks and runs of spaces become one space.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Field errors in a backend's refusal, mapped to the form's fields (others are left for the
/// message at the top).
pub fn server_field_problems(error: &BackendError, max_seats: u64) -> Vec<(Field, Problem)> {
    let BackendError::Validation { fields } = error else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|(field, code)| {
            let f = field.rsplit(['.', '/']).next().unwrap_or(field);
            let field = match f {
                "name" | "first_name" | "last_name" => Field::Name,
                "email" => Field::Email,
                "phone_number" | "phone" => Field::Phone,
                "seats" => Field::Seats,
                _ => return None,
            };
            let problem = match (field, code.as_str()) {
                (Field::Seats, "exceeds_capacity") => Problem::SeatsOverCapacity,
                (Field::Seats, _) => Problem::SeatsRange { max: max_seats },
                (Field::Email, "invalid_email") => Problem::Email,
                (_, "required" | "blank" | "too_short") => Problem::Required,
                (_, "too_long" | "max_length") => Problem::TooLong,
                _ => Problem::Refused,
            };
            Some((field, problem))
        })
        .collect()
}

/// A refusal with its own sentence on the join form (beyond the general ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRefusal {
    Full,
    Closed,
    AlreadyRegistered,
    Past,
}

/// Recognises the refusals the join form explains itself.
pub fn join_refusal(error: &BackendError) -> Option<JoinRefusal> {
    match error {
        BackendError::Conflict { code } | BackendError::Forbidden { code } => match code.as_str() {
            "full" | "waitlist_full" | "not_enough_seats" => Some(JoinRefusal::Full),
            "registration_closed" | "enrolment_closed" => Some(JoinRefusal::Closed),
            "already_registered" => Some(JoinRefusal::AlreadyRegistered),
            "event_past" | "past" => Some(JoinRefusal::Past),
            _ => None,
        },
        _ => None,
    }
}

/// Sanitised HTML from the backend as plain paragraphs (until the shared rich-text renderer
/// exists): tags dropped, block ends and `<br>` become breaks, the common entities decoded.
/// The result is shown as text, never as HTML.
pub fn html_to_paragraphs(html: &str) -> Vec<String> {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if matches!(
            name,
            "p" | "div"
                | "li"
                | "ul"
                | "ol"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
        ) && tag.starts_with('/')
            || name == "br"
        {
            text.push('\n');
        } else if name == "li" {
            text.push_str("\n• ");
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && l != "•")
        .collect()
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
