//! One event in a list: title link, time, place, places; past and cancelled ones are marked.

use super::labels::{place_text, seats_class, seats_text};
use crate::domain::{is_past, seats_info, EventSummary};
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use crate::web::clock;
use leptos::prelude::*;

/// A card of the events list (or the map's chosen venue, `selected`).
#[component]
pub(crate) fn EventCard(
    event: EventSummary,
    #[prop(optional)] selected: bool,
    /// "1,2 km away" while the list is sorted nearest first.
    #[prop(default = None)]
    distance: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = clock::now();
    let info = seats_info(&event, now);
    let class = match (is_past(&event, now), selected) {
        (true, _) => "os-card os-ev-card os-ev-card--past",
        (false, true) => "os-card os-ev-card os-ev-card--selected",
        _ => "os-card os-ev-card",
    };
    let datetime = crate::format::machine(event.start, event.time_zone.as_deref());
    let id = event.id.clone();
    let event = StoredValue::new(event);
    let title = move || event.with_value(|e| e.title.text(i18n.lang()).to_owned());
    let when = move || {
        event.with_value(|e| {
            crate::format::span(i18n.lang(), e.start, e.end, e.time_zone.as_deref())
        })
    };
    let place = move || event.with_value(|e| place_text(i18n.t(), i18n.lang(), e));
    view! {
        <li class=class data-event-id=id>
            <h3 class="os-card__title os-ev-card__title">
                <Link to=Route::Event(event.with_value(|e| e.id.clone())) class="os-card__link">{title}</Link>
            </h3>
            <p class="os-ev-card__when"><time datetime=datetime>{when}</time></p>
            <p class="os-ev-card__place">{place}</p>
            <p class="os-ev-card__seats">
                <span class=seats_class(info)>{move || seats_text(i18n.t(), info)}</span>
            </p>
            {distance.map(|d| view! { <p class="os-card__distance">{d}</p> })}
        </li>
    }
}
