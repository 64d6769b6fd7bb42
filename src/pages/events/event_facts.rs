//! The event's facts: when, where, places (kept fresh), price, topics and organiser.

use super::labels::{price_of, seats_class, seats_text};
use super::place_name::PlaceName;
use super::topic_names::TopicNames;
use crate::components::local_text::LocalText;
use crate::domain::{seats_info, Event, SeatsInfo};
use crate::i18n::use_i18n;
use crate::web::clock;
use leptos::prelude::*;

/// The facts list of the event page. `event` is the first answer (its fixed parts);
/// `current` follows the refreshes, for the places.
#[component]
pub(crate) fn EventFacts(
    event: Event,
    current: Signal<Event>,
    stale: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = event.summary.clone();
    let datetime = crate::format::machine(s.start, s.time_zone.as_deref());
    let (start, end, zone) = (s.start, s.end, s.time_zone.clone());
    let when = move || crate::format::span(i18n.lang(), start, end, zone.as_deref());
    let address = s.venue.as_ref().and_then(|v| v.address.clone()).map(|a| {
        view! { <br/><span class="os-ev-facts__address"><LocalText text=a/></span> }
    });
    let seats = Memo::new(move |_| seats_info(&current.get().summary, clock::now()));
    let row = |label: fn(&'static crate::i18n::Strings) -> &'static str, value: AnyView| {
        view! {
            <div class="os-ev-facts__row">
                <dt>{i18n.tr(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let price = match (event.summary.is_free, price_of(&event)) {
        (Some(true), _) => Some(row(
            |t| t.ev_price,
            view! { {i18n.tr(|t| t.ev_free)} }.into_any(),
        )),
        (_, Some(p)) => Some(row(
            |t| t.ev_price,
            view! { <LocalText text=p/> }.into_any(),
        )),
        _ => None,
    };
    let organiser = event.organiser.clone().map(|o| {
        // The organiser's name as they wrote it, isolated from the text around it.
        row(
            |t| t.ev_organiser,
            view! { <bdi><LocalText text=o/></bdi> }.into_any(),
        )
    });
    view! {
        <dl class="os-ev-facts">
            <div class="os-ev-facts__row">
                <dt>{i18n.tr(|t| t.ev_when)}</dt>
                <dd>
                    <time datetime=datetime>{when}</time>
                    <span class="os-ev-facts__note">" ("{i18n.tr(|t| t.ev_time_zone_note)}")"</span>
                </dd>
            </div>
            {row(|t| t.ev_where, view! { <PlaceName event=s.clone()/>{address} }.into_any())}
            {move || (seats.get() != SeatsInfo::Unknown).then(|| view! {
                <div class="os-ev-facts__row">
                    <dt>{i18n.tr(|t| t.ev_seats)}</dt>
                    <dd>
                        <span class=move || seats_class(seats.get()) aria-live="polite" data-testid="ev-seats">
                            {move || seats_text(i18n.t(), seats.get())}
                        </span>
                        {move || stale.get().then(|| view! {
                            <span class="os-ev-facts__note">" "{i18n.tr(|t| t.ev_seats_stale)}</span>
                        })}
                    </dd>
                </div>
            })}
            {price}
            {row(|t| t.ev_topics, view! { <TopicNames topics=s.topics.clone()/> }.into_any())}
            {organiser}
        </dl>
    }
}
