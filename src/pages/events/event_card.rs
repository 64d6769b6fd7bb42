//! One event in a list: title link, time, place, topics, places; past and cancelled ones are
//! marked.

use super::labels::{seats_class, seats_text};
use super::place_name::PlaceName;
use super::topic_names::TopicNames;
use crate::components::local_text::LocalText;
use crate::domain::{is_past, seats_info, EventSummary, SeatsInfo};
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
    let (start, end, zone) = (event.start, event.end, event.time_zone.clone());
    let when = move || crate::format::span(i18n.lang(), start, end, zone.as_deref());
    let topics = (!event.topics.is_empty()).then(|| {
        view! { <p class="os-ev-card__topics"><TopicNames topics=event.topics.clone()/></p> }
    });
    // Nothing rather than something wrong when the places are not known.
    let seats = (info != SeatsInfo::Unknown).then(|| {
        view! {
            <p class="os-ev-card__seats">
                <span class=seats_class(info)>{move || seats_text(i18n.t(), info)}</span>
            </p>
        }
    });
    let (id, to, title) = (
        event.id.clone(),
        Route::Event(event.id.clone()),
        event.title.clone(),
    );
    view! {
        <li class=class data-event-id=id>
            <h3 class="os-card__title os-ev-card__title">
                <Link to=to class="os-card__link">
                    <LocalText text=title/>
                </Link>
            </h3>
            <p class="os-ev-card__when"><time datetime=datetime>{when}</time></p>
            <p class="os-ev-card__place"><PlaceName event=event/></p>
            {topics}
            {seats}
            {distance.map(|d| view! { <p class="os-card__distance">{d}</p> })}
        </li>
    }
}
