//! Pieces shared by the events pages: the clock, seat texts, topic names and the event card.

use super::rules::{is_past, seats_info, SeatsInfo};
use crate::domain::{EventSummary, Lang, Timestamp};
use crate::i18n::{fill, use_i18n, Strings};
use crate::router::{Link, Route};
use leptos::prelude::*;

/// The browser's clock as an instant.
pub fn now() -> Timestamp {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64)
}

/// "12 seats left of 60", "Waitlist", "Past event"…
pub fn seats_text(t: &Strings, info: SeatsInfo) -> String {
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
    }
}

/// A modifier class for the seats badge.
pub fn seats_class(info: SeatsInfo) -> &'static str {
    match info {
        SeatsInfo::Waitlist { .. } | SeatsInfo::Full => "os-ev-badge os-ev-badge--full",
        SeatsInfo::Past | SeatsInfo::Cancelled => "os-ev-badge os-ev-badge--past",
        _ => "os-ev-badge",
    }
}

/// The name of a topic code of the reference server; unknown codes show as they are.
pub fn topic_name(t: &Strings, code: &str) -> String {
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

/// The topics the filter offers.
pub const TOPICS: [&str; 7] = [
    "planning",
    "housing",
    "traffic",
    "schools",
    "culture",
    "nature",
    "wellbeing",
];

/// The venue's name or "Online" (or both).
pub fn place_text(t: &Strings, lang: Lang, e: &EventSummary) -> String {
    match (&e.venue, e.online) {
        (Some(v), true) => format!("{} · {}", v.name.text(lang), t.ev_online),
        (Some(v), false) => v.name.text(lang).to_owned(),
        (None, _) => t.ev_online.to_owned(),
    }
}

/// One event in a list: title link, time, place, seats; past and cancelled ones are marked.
#[component]
pub fn EventCard(
    event: EventSummary,
    #[prop(optional)] selected: bool,
    /// "1,2 km away" while the list is sorted nearest first.
    #[prop(default = None)]
    distance: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = now();
    let info = seats_info(&event, now);
    let past = is_past(&event, now);
    let e = event.clone();
    let title = move || e.title.text(i18n.lang()).to_owned();
    let e = event.clone();
    let when = move || crate::format::span(i18n.lang(), e.start, e.end, e.time_zone.as_deref());
    let datetime = crate::format::machine(event.start, event.time_zone.as_deref());
    let e = event.clone();
    let place = move || place_text(i18n.t(), i18n.lang(), &e);
    let seats = move || seats_text(i18n.t(), info);
    let class = match (past, selected) {
        (true, _) => "os-card os-ev-card os-ev-card--past",
        (false, true) => "os-card os-ev-card os-ev-card--selected",
        _ => "os-card os-ev-card",
    };
    view! {
        <li class=class data-event-id=event.id.clone()>
            <h3 class="os-card__title os-ev-card__title">
                <Link to=Route::Event(event.id.clone()) class="os-card__link">
                    {title}
                </Link>
            </h3>
            <p class="os-ev-card__when">
                <time datetime=datetime>{when}</time>
            </p>
            <p class="os-ev-card__place">{place}</p>
            <p class="os-ev-card__seats">
                <span class=seats_class(info)>{seats}</span>
            </p>
            {distance.map(|d| view! { <p class="os-card__distance">{d}</p> })}
        </li>
    }
}
