//! The event's facts: when, where, places (kept fresh), price and topics.

use super::labels::{place_text, price_text, seats_class, seats_text, topics_text};
use crate::domain::{seats_info, Event};
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
    let event = StoredValue::new(event);
    let when = move || {
        event.with_value(|e| {
            let s = &e.summary;
            crate::format::span(i18n.lang(), s.start, s.end, s.time_zone.as_deref())
        })
    };
    let place = move || event.with_value(|e| place_text(i18n.t(), i18n.lang(), &e.summary));
    let address = s.venue.as_ref().and_then(|v| v.address.clone()).map(|a| {
        view! { <br/><span class="os-ev-facts__address">{move || a.text(i18n.lang()).to_owned()}</span> }
    });
    let seats = move || seats_info(&current.get().summary, clock::now());
    let price = move || event.with_value(|e| price_text(i18n.t(), i18n.lang(), e));
    let topics = move || event.with_value(|e| topics_text(i18n.t(), i18n.lang(), &e.summary));
    view! {
        <dl class="os-ev-facts">
            <div class="os-ev-facts__row">
                <dt>{i18n.tr(|t| t.ev_when)}</dt>
                <dd>
                    <time datetime=datetime>{when}</time>
                    <span class="os-ev-facts__note">" ("{i18n.tr(|t| t.ev_time_zone_note)}")"</span>
                </dd>
            </div>
            <div class="os-ev-facts__row">
                <dt>{i18n.tr(|t| t.ev_where)}</dt>
                <dd>{place}{address}</dd>
            </div>
            <div class="os-ev-facts__row">
                <dt>{i18n.tr(|t| t.ev_seats)}</dt>
                <dd>
                    <span class=move || seats_class(seats()) aria-live="polite" data-testid="ev-seats">
                        {move || seats_text(i18n.t(), seats())}
                    </span>
                    {move || stale.get().then(|| view! {
                        <span class="os-ev-facts__note">" "{i18n.tr(|t| t.ev_seats_stale)}</span>
                    })}
                </dd>
            </div>
            {move || price().map(|p| view! {
                <div class="os-ev-facts__row">
                    <dt>{i18n.tr(|t| t.ev_price)}</dt>
                    <dd>{p}</dd>
                </div>
            })}
            <div class="os-ev-facts__row">
                <dt>{i18n.tr(|t| t.ev_topics)}</dt>
                <dd>{topics}</dd>
            </div>
        </dl>
    }
}
