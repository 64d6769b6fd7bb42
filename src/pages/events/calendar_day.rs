//! One day of the month calendar: its number, its date for screen readers, its events.

use crate::domain::{Date, EventSummary, EventTime};
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use leptos::prelude::*;

/// A day cell with the day's events as links (time first when the event has one).
#[component]
pub(crate) fn CalendarDay(day: Date, today: bool, events: Vec<EventSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let class = match (!events.is_empty(), today) {
        (true, true) => "os-ev-cal__day os-ev-cal__day--events os-ev-cal__day--today",
        (true, false) => "os-ev-cal__day os-ev-cal__day--events",
        (false, true) => "os-ev-cal__day os-ev-cal__day--today",
        (false, false) => "os-ev-cal__day",
    };
    let list = (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|e| {
                let time = match e.start {
                    EventTime::At(t) => Some(t.in_zone(e.time_zone.as_deref())),
                    EventTime::Day(_) => None,
                };
                let title = e.title;
                view! {
                    <li>
                        <Link to=Route::Event(e.id) class="os-ev-cal__link">
                            {time.map(|l| view! {
                                <span class="os-ev-cal__time">{move || crate::format::clock(i18n.lang(), l)}" "</span>
                            })}
                            {move || title.text(i18n.lang()).to_owned()}
                        </Link>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="os-ev-cal__events">{items}</ul> }
    });
    view! {
        <td class=class>
            <span class="os-ev-cal__num" aria-hidden="true">{day.day}</span>
            <span class="os-ev-vh os-ev-cal__date">{move || crate::format::weekday_date(i18n.lang(), day)}</span>
            {list}
        </td>
    }
}
