//! The words the events pages put on an event: places, topics, price.

use crate::domain::{Event, Localized, SeatsInfo};
use crate::i18n::{fill, Strings};

/// "12 seats left of 60", "Waitlist", "Past event"…
pub(crate) fn seats_text(t: &Strings, info: SeatsInfo) -> String {
    match info {
        SeatsInfo::NoRegistration => t.ev_seats_no_registration.into(),
        SeatsInfo::Unlimited => t.ev_seats_unlimited.into(),
        SeatsInfo::Left { left, capacity } if left == capacity => {
            fill(t.ev_seats_all_free, &[("capacity", &capacity.to_string())])
        }
        SeatsInfo::Left { left: 1, capacity } => {
            fill(t.ev_seats_one_left, &[("capacity", &capacity.to_string())])
        }
        SeatsInfo::Left { left, capacity } => fill(
            t.ev_seats_left,
            &[
                ("left", &left.to_string()),
                ("capacity", &capacity.to_string()),
            ],
        ),
        SeatsInfo::Waitlist { waiting: 0 } => t.ev_seats_waitlist_empty.into(),
        SeatsInfo::Waitlist { waiting } => {
            fill(t.ev_seats_waitlist, &[("count", &waiting.to_string())])
        }
        SeatsInfo::Full => t.ev_seats_full.into(),
        SeatsInfo::Past => t.ev_seats_past.into(),
        SeatsInfo::Cancelled => t.ev_seats_cancelled.into(),
        SeatsInfo::Unknown => String::new(),
    }
}

/// The class of the seats badge.
pub(crate) fn seats_class(info: SeatsInfo) -> &'static str {
    match info {
        SeatsInfo::Waitlist { .. } | SeatsInfo::Full => "os-ev-badge os-ev-badge--full",
        SeatsInfo::Past | SeatsInfo::Cancelled => "os-ev-badge os-ev-badge--past",
        _ => "os-ev-badge",
    }
}

/// The topic codes of the reference server, in the order the filter offers them.
pub(crate) const TOPICS: [&str; 7] = [
    "planning",
    "housing",
    "traffic",
    "schools",
    "culture",
    "nature",
    "wellbeing",
];

/// The name of a topic code of the reference server; unknown codes show as they are.
pub(crate) fn topic_name(t: &Strings, code: &str) -> String {
    match code {
        "planning" => t.ev_topic_planning,
        "housing" => t.ev_topic_housing,
        "traffic" => t.ev_topic_traffic,
        "schools" => t.ev_topic_schools,
        "culture" => t.ev_topic_culture,
        "nature" => t.ev_topic_nature,
        "wellbeing" => t.ev_topic_wellbeing,
        other => other,
    }
    .to_owned()
}

/// The price as the organiser wrote it, unless the event is free.
pub(crate) fn price_of(e: &Event) -> Option<Localized> {
    match (e.summary.is_free, &e.summary.price) {
        (Some(true), _) => None,
        (_, Some(p)) if !p.is_empty() => Some(p.clone()),
        _ => None,
    }
}
