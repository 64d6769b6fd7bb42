//! Events of one month as a table: weekday column headers, one cell per day with the day's
//! events as links; previous and next month buttons. The month is kept in the address.

use super::calendar_day::CalendarDay;
use super::filters::{key, month_key, parse_month, EventFilters};
use crate::client;
use crate::components::load::{LoadStatus, Loader};
use crate::config::{backend, Capability};
use crate::domain::{helsinki_midnight, Date, EventSummary, PageQuery, Timestamp};
use crate::i18n::use_i18n;
use crate::router::use_router;
use crate::web::clock;
use leptos::prelude::*;

/// The most events one month shows.
const MONTH_LIMIT: u64 = 100;

/// The weeks of `month` (Monday first), each seven days or blanks.
fn weeks(month: Date) -> Vec<Vec<Option<Date>>> {
    let cells: Vec<Option<Date>> = (0..month.weekday())
        .map(|_| None)
        .chain((0..month.days_in_month()).map(|d| Some(month.add_days(i64::from(d)))))
        .collect();
    cells
        .chunks(7)
        .map(|w| {
            let mut w = w.to_vec();
            w.resize(7, None);
            w
        })
        .collect()
}

/// The month calendar of the events page.
#[component]
pub(crate) fn MonthCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let today = clock::now().in_helsinki().date;
    let month = Memo::new(move |_| {
        router
            .query(key::MONTH)
            .and_then(|m| parse_month(&m))
            .unwrap_or(today.add_months(0))
    });
    let go =
        move |n: i32| router.set_query(key::MONTH, Some(&month_key(month.get().add_months(n))));
    let events = Loader::new(
        move || {
            let m = month.get();
            let mut query =
                EventFilters::read(|k| router.query(k)).query(Timestamp::from_unix_seconds(0));
            query.start = Some(helsinki_midnight(m));
            query.end = Some(helsinki_midnight(m.add_months(1)));
            query
        },
        move |query| {
            let b = backend(Capability::Events);
            async move {
                let page = PageQuery {
                    offset: 0,
                    limit: MONTH_LIMIT,
                };
                Ok(client::events::list(&b, &query, page).await?.items)
            }
        },
    );
    let title = move || crate::format::month_title(i18n.lang(), month.get());
    let day_events = move |d: Date| -> Vec<EventSummary> {
        events.with(|list| {
            list.map(|l| l.iter().filter(|e| e.start_date() == d).cloned().collect())
                .unwrap_or_default()
        })
    };
    let none = move || {
        events
            .with(|l| l.is_some_and(Vec::is_empty))
            .then(|| view! { <p class="os-notice">{i18n.tr(|t| t.ev_cal_none)}</p> })
    };
    view! {
        <section class="os-ev-cal" aria-labelledby="os-ev-cal-title">
            <div class="os-ev-cal__bar">
                <button type="button" class="os-button" on:click=move |_| go(-1)>
                    <span aria-hidden="true">"‹\u{a0}"</span>{i18n.tr(|t| t.ev_cal_prev)}
                </button>
                <h2 id="os-ev-cal-title" class="os-ev-cal__title" aria-live="polite">{title}</h2>
                <button type="button" class="os-button" on:click=move |_| go(1)>
                    {i18n.tr(|t| t.ev_cal_next)}<span aria-hidden="true">"\u{a0}›"</span>
                </button>
            </div>
            <LoadStatus status=events.status_signal()
                has_value=Signal::derive(move || events.with(|l| l.is_some())) retry=events.retry()/>
            {none}
            <table class="os-ev-cal__grid">
                <caption class="os-ev-vh">{title}</caption>
                <thead>
                    <tr>
                        {(0u8..7).map(|wd| view! {
                            <th scope="col">
                                <abbr title=move || crate::format::weekday_long(i18n.lang(), wd)>
                                    {move || crate::format::weekday_short(i18n.lang(), wd)}
                                </abbr>
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || weeks(month.get()).into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|day| match day {
                                None => view! { <td class="os-ev-cal__empty"></td> }.into_any(),
                                Some(d) => view! {
                                    <CalendarDay day=d today=d == today events=day_events(d)/>
                                }.into_any(),
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_whole_weeks_from_monday() {
        // December 2026 starts on a Tuesday and has 31 days.
        let w = weeks(Date::parse("2026-12-01").unwrap());
        assert_eq!(w.len(), 5);
        assert!(w.iter().all(|week| week.len() == 7));
        assert_eq!(w[0][0], None);
        assert_eq!(w[0][1], Date::parse("2026-12-01").ok());
        assert_eq!(w[4][3], Date::parse("2026-12-31").ok());
        assert_eq!(w[4][4], None);
    }
}
