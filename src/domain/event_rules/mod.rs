//! Rules about an event as a resident sees it: what a card says about places, whether one can
//! join now, and when the online link shows. Pure, tested natively.

use super::Timestamp;
use super::{helsinki_offset_minutes, Date, Event, EventStatus, EventSummary, EventTime, Seats};

/// The online link shows this long before the start (and until the end).
pub const ONLINE_LINK_LEAD_S: i64 = 15 * 60;
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
    /// The event takes registrations, but the backend did not say how many places are left
    /// (better nothing than "room for everyone" on a full event).
    Unknown,
}

/// Midnight at the start of `d` in Finland (summer time included).
pub fn helsinki_midnight(d: Date) -> Timestamp {
    let utc = d.start_utc().unix_seconds();
    // The offset in force a couple of hours before UTC midnight is the one at local midnight.
    let offset = i64::from(helsinki_offset_minutes(utc - 7200)) * 60;
    Timestamp::from_unix_seconds(utc - offset)
}

/// The end of an event, or its start when no end is given, as an instant (a day-long event
/// ends at the end of its day in Finland).
pub fn end_instant(e: &EventSummary) -> Timestamp {
    match e.end.unwrap_or(e.start) {
        EventTime::At(t) => t,
        EventTime::Day(d) => helsinki_midnight(d.add_days(1)),
    }
}

/// The start of an event as an instant (a date counts from its midnight in Finland).
pub fn start_instant(e: &EventSummary) -> Timestamp {
    match e.start {
        EventTime::At(t) => t,
        EventTime::Day(d) => helsinki_midnight(d),
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
    if !e.seats_known {
        return SeatsInfo::Unknown;
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
    let seats = seats_info(e, now);
    match seats {
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
    match seats {
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

/// Most seats one registration may take: one where every participant must give their own
/// details (names, date of birth), since the form asks them of one person.
pub fn group_max(e: &Event) -> u64 {
    if e.signup_fields.iter().any(|f| f.personal()) {
        return 1;
    }
    e.max_group_size.unwrap_or(DEFAULT_GROUP_MAX).max(1)
}

#[cfg(test)]
mod tests;
