//! `/events`: upcoming events with filters, as a list, a month calendar or a map of venues
//! (the list is always there as the equal alternative to the map).

use super::parts::{now, topic_name, EventCard, TOPICS};
use crate::backend::BackendError;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::components::near_me::NearMe;
use crate::components::page_title::PageTitle;
use crate::domain::{
    distance_m, helsinki_offset_minutes, sort_nearest, Date, EventQuery, EventSummary, Geometry,
    PageQuery, Timestamp,
};
use crate::i18n::{fill, use_i18n};
use crate::map::{MapFeature, MapView};
use crate::router::{Link, Route};
use leptos::prelude::*;

const PAGE_SIZE: u64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    List,
    Calendar,
    Map,
}

/// Midnight at the start of `d` in Finland.
fn local_midnight(d: Date) -> Timestamp {
    let utc = d.start_utc().unix_seconds();
    let offset = i64::from(helsinki_offset_minutes(utc - 7200)) * 60;
    Timestamp::from_unix_seconds(utc - offset)
}

/// The filters as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    from: String,
    to: String,
    topic: String,
    /// An area's name as the backend gave it (Finnish first), or "".
    area: String,
    /// "", "in_person" or "online".
    format: String,
    free: bool,
    past: bool,
}

impl Filters {
    fn query(&self, now: Timestamp) -> EventQuery {
        let from = Date::parse(self.from.trim()).ok().map(local_midnight);
        let to = Date::parse(self.to.trim())
            .ok()
            .map(|d| local_midnight(d.add_days(1)));
        let (start, end) = if self.past {
            (from, Some(to.map_or(now, |t| t.min(now))))
        } else {
            (Some(from.map_or(now, |f| f.max(now))), to)
        };
        EventQuery {
            start,
            end,
            topic: (!self.topic.is_empty()).then(|| self.topic.clone()),
            online: match self.format.as_str() {
                "online" => Some(true),
                "in_person" => Some(false),
                _ => None,
            },
            free: self.free.then_some(true),
            area: (!self.area.is_empty()).then(|| self.area.clone()),
            ..EventQuery::default()
        }
    }
}

type Loaded = Option<Result<(Vec<EventSummary>, Option<PageQuery>, Option<u64>), BackendError>>;

/// `/events`.
#[component]
pub fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    let filters = RwSignal::new(Filters::default());
    let mode = RwSignal::new(Mode::List);
    let loaded: RwSignal<Loaded> = RwSignal::new(None);
    let loading_more = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let backend = StoredValue::new(crate::config::backend(crate::config::Capability::Events));
    // The areas that have events, for the area filter (none: no filter).
    let areas = RwSignal::new(Vec::<crate::domain::Localized>::new());
    let here = RwSignal::new(None::<crate::domain::LatLng>);
    {
        let b = backend.get_value();
        leptos::task::spawn_local(async move {
            match client::events::areas(&b).await {
                Ok(list) => {
                    let _ = areas.try_set(list);
                }
                Err(e) => leptos::logging::warn!("event areas: {e}"),
            }
        });
    }

    let fetch = move |query: EventQuery, page: PageQuery, append: bool| {
        let this = generation.get_value() + u64::from(!append);
        generation.set_value(this);
        if append {
            loading_more.set(true);
        } else {
            loaded.set(None);
        }
        let b = backend.get_value();
        leptos::task::spawn_local(async move {
            let result = client::events::list(&b, &query, page).await;
            if generation.try_get_value() != Some(this) {
                return;
            }
            let _ = loading_more.try_set(false);
            let _ = loaded.try_update(|slot| {
                *slot = Some(match (result, slot.take()) {
                    (Ok(p), Some(Ok((mut items, _, _)))) if append => {
                        items.extend(p.items);
                        Ok((items, p.next, p.total))
                    }
                    (Ok(p), _) => Ok((p.items, p.next, p.total)),
                    (Err(e), Some(Ok(old))) if append => {
                        leptos::logging::warn!("more events: {e}");
                        Ok(old)
                    }
                    (Err(e), _) => Err(e),
                });
            });
        });
    };

    Effect::new(move |_| {
        let query = filters.with(|f| f.query(now()));
        fetch(
            query,
            PageQuery {
                offset: 0,
                limit: PAGE_SIZE,
            },
            false,
        );
    });

    let load_more = move |_| {
        if let Some(Ok((_, Some(next), _))) = loaded.get_untracked() {
            fetch(filters.with_untracked(|f| f.query(now())), next, true);
        }
    };

    let mode_button = move |m: Mode, label: fn(&'static crate::i18n::Strings) -> &'static str| {
        view! {
            <button
                type="button"
                class="os-button os-ev-mode__button"
                aria-pressed=move || if mode.get() == m { "true" } else { "false" }
                on:click=move |_| mode.set(m)
            >
                {i18n.tr(label)}
            </button>
        }
    };

    let count_text = move || match loaded.get() {
        Some(Ok((items, _, total))) => {
            let n = total.unwrap_or(items.len() as u64);
            let t = i18n.t();
            Some(if n == 1 {
                t.ev_count_one.to_owned()
            } else {
                fill(t.ev_count, &[("count", &n.to_string())])
            })
        }
        _ => None,
    };

    view! {
        <div class="os-page os-ev">
            <PageTitle text=Signal::derive(move || i18n.t().events_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.events_intro)}</p>
            <FilterForm filters=filters areas=areas/>
            <NearMe here=here/>
            <div class="os-ev-mode" role="group" aria-label=i18n.tr(|t| t.ev_view_label)>
                {mode_button(Mode::List, |t| t.ev_view_list)}
                {mode_button(Mode::Calendar, |t| t.ev_view_calendar)}
                {mode_button(Mode::Map, |t| t.ev_view_map)}
            </div>
            <p class="os-ev-count" role="status" aria-live="polite">{count_text}</p>
            {move || match mode.get() {
                Mode::Calendar => view! { <MonthCalendar filters=filters/> }.into_any(),
                Mode::Map => view! { <VenueMap loaded=loaded/> }.into_any(),
                Mode::List => ().into_any(),
            }}
            {move || match loaded.get() {
                None => view! { <p class="os-ev-loading">{i18n.tr(|t| t.ev_loading)}</p> }.into_any(),
                Some(Err(e)) => {
                    view! {
                        <p class="os-notice os-ev-error" role="alert">
                            {move || backend_error_text(i18n.t(), &e)}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok((items, _, _))) if items.is_empty() => {
                    view! { <p class="os-notice">{i18n.tr(|t| t.ev_none)}</p> }.into_any()
                }
                Some(Ok((mut items, next, _))) => {
                    // Nearest first among the events shown (online ones after the located).
                    if let Some(here) = here.get() {
                        sort_nearest(&mut items, here, |e| e.venue.as_ref().and_then(|v| v.location));
                    }
                    view! {
                        <h2 class="os-ev-list__title" hidden=move || mode.get() == Mode::Calendar>
                            {i18n.tr(|t| t.ev_list_title)}
                        </h2>
                        <ul class="os-ev-list" hidden=move || mode.get() == Mode::Calendar>
                            {items.into_iter().map(|e| {
                                let distance = here.get().and_then(|h| {
                                    let at = e.venue.as_ref()?.location?;
                                    Some(fill(
                                        i18n.t().near_me_distance,
                                        &[("distance", &crate::format::distance(i18n.lang(), distance_m(h, at)))],
                                    ))
                                });
                                view! { <EventCard event=e distance=distance/> }
                            }).collect_view()}
                        </ul>
                        {next.map(|_| view! {
                            <button
                                type="button"
                                class="os-button os-ev-more"
                                hidden=move || mode.get() == Mode::Calendar
                                disabled=move || loading_more.get()
                                on:click=load_more
                            >
                                {i18n.tr(|t| t.ev_more)}
                            </button>
                        })}
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Date range, topic, in-person/online, free, and whether to show past events.
#[component]
fn FilterForm(
    filters: RwSignal<Filters>,
    areas: RwSignal<Vec<crate::domain::Localized>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set = move |f: fn(&mut Filters, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            filters.update(|x| f(x, v));
        }
    };
    view! {
        <form class="os-ev-filters" on:submit=|ev| ev.prevent_default()>
            <fieldset class="os-ev-filters__set">
                <legend class="os-ev-filters__legend">{i18n.tr(|t| t.ev_filters)}</legend>
                <div class="os-ev-field">
                    <label for="ev-from">{i18n.tr(|t| t.ev_filter_from)}</label>
                    <input id="ev-from" type="date" prop:value=move || filters.with(|f| f.from.clone())
                        on:change=set(|f, v| f.from = v)/>
                </div>
                <div class="os-ev-field">
                    <label for="ev-to">{i18n.tr(|t| t.ev_filter_to)}</label>
                    <input id="ev-to" type="date" prop:value=move || filters.with(|f| f.to.clone())
                        on:change=set(|f, v| f.to = v)/>
                </div>
                <div class="os-ev-field">
                    <label for="ev-topic">{i18n.tr(|t| t.ev_filter_topic)}</label>
                    <select id="ev-topic" on:change=set(|f, v| f.topic = v)
                        prop:value=move || filters.with(|f| f.topic.clone())>
                        <option value="">{i18n.tr(|t| t.ev_filter_any)}</option>
                        {TOPICS.iter().map(|code| view! {
                            <option value=*code>{move || topic_name(i18n.t(), code)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || (!areas.with(Vec::is_empty)).then(|| view! {
                    <div class="os-ev-field">
                        <label for="ev-area">{i18n.tr(|t| t.ev_filter_area)}</label>
                        <select id="ev-area" on:change=set(|f, v| f.area = v)
                            prop:value=move || filters.with(|f| f.area.clone())>
                            <option value="">{i18n.tr(|t| t.ev_filter_any)}</option>
                            {areas.get().into_iter().map(|a| {
                                let value = a.text(crate::domain::Lang::Fi).to_owned();
                                view! { <option value=value>{move || a.text(i18n.lang()).to_owned()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="os-ev-field">
                    <label for="ev-format">{i18n.tr(|t| t.ev_filter_format)}</label>
                    <select id="ev-format" on:change=set(|f, v| f.format = v)
                        prop:value=move || filters.with(|f| f.format.clone())>
                        <option value="">{i18n.tr(|t| t.ev_filter_any)}</option>
                        <option value="in_person">{i18n.tr(|t| t.ev_filter_in_person)}</option>
                        <option value="online">{i18n.tr(|t| t.ev_online)}</option>
                    </select>
                </div>
                <div class="os-ev-check">
                    <input id="ev-free" type="checkbox" prop:checked=move || filters.with(|f| f.free)
                        on:change=move |ev| filters.update(|f| f.free = event_target_checked(&ev))/>
                    <label for="ev-free">{i18n.tr(|t| t.ev_filter_free)}</label>
                </div>
                <div class="os-ev-check">
                    <input id="ev-past" type="checkbox" prop:checked=move || filters.with(|f| f.past)
                        on:change=move |ev| filters.update(|f| f.past = event_target_checked(&ev))/>
                    <label for="ev-past">{i18n.tr(|t| t.ev_filter_past)}</label>
                </div>
            </fieldset>
        </form>
    }
}

/// Events of one month as a table: weekday column headers, one cell per day with the day's
/// events as links; previous and next month buttons.
#[component]
fn MonthCalendar(filters: RwSignal<Filters>) -> impl IntoView {
    let i18n = use_i18n();
    let today = now().in_helsinki().date;
    let month = RwSignal::new(today.add_months(0));
    let events: RwSignal<Option<Result<Vec<EventSummary>, BackendError>>> = RwSignal::new(None);
    let generation = StoredValue::new(0u64);
    let backend = StoredValue::new(crate::config::backend(crate::config::Capability::Events));
    Effect::new(move |_| {
        let m = month.get();
        let mut query = filters.with(|f| f.query(Timestamp::from_unix_seconds(0)));
        query.start = Some(local_midnight(m));
        query.end = Some(local_midnight(m.add_months(1)));
        let this = generation.get_value() + 1;
        generation.set_value(this);
        events.set(None);
        let b = backend.get_value();
        leptos::task::spawn_local(async move {
            let page = PageQuery {
                offset: 0,
                limit: 100,
            };
            let result = client::events::list(&b, &query, page)
                .await
                .map(|p| p.items);
            if generation.try_get_value() == Some(this) {
                let _ = events.try_set(Some(result));
            }
        });
    });
    let title = move || crate::format::month_title(i18n.lang(), month.get());
    let weeks = move || {
        let m = month.get();
        let first = m.weekday();
        let days = m.days_in_month();
        let cells: Vec<Option<Date>> = (0..first)
            .map(|_| None)
            .chain((0..days).map(|d| Some(m.add_days(i64::from(d)))))
            .collect();
        cells
            .chunks(7)
            .map(|w| {
                let mut w = w.to_vec();
                w.resize(7, None);
                w
            })
            .collect::<Vec<_>>()
    };
    let day_events = move |d: Date| -> Vec<EventSummary> {
        events.with(|e| match e {
            Some(Ok(list)) => list
                .iter()
                .filter(|e| e.start_date() == d)
                .cloned()
                .collect(),
            _ => Vec::new(),
        })
    };
    view! {
        <section class="os-ev-cal" aria-labelledby="ev-cal-title">
            <div class="os-ev-cal__bar">
                <button type="button" class="os-button" on:click=move |_| month.update(|m| *m = m.add_months(-1))>
                    <span aria-hidden="true">"‹\u{a0}"</span>{i18n.tr(|t| t.ev_cal_prev)}
                </button>
                <h2 id="ev-cal-title" class="os-ev-cal__title" aria-live="polite">{title}</h2>
                <button type="button" class="os-button" on:click=move |_| month.update(|m| *m = m.add_months(1))>
                    {i18n.tr(|t| t.ev_cal_next)}<span aria-hidden="true">"\u{a0}›"</span>
                </button>
            </div>
            {move || match events.get() {
                Some(Err(e)) => Some(view! {
                    <p class="os-notice" role="alert">{move || backend_error_text(i18n.t(), &e)}</p>
                }.into_any()),
                Some(Ok(list)) if list.is_empty() => Some(view! {
                    <p class="os-notice">{i18n.tr(|t| t.ev_cal_none)}</p>
                }.into_any()),
                _ => None,
            }}
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
                    {move || weeks().into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|day| match day {
                                None => view! { <td class="os-ev-cal__empty"></td> }.into_any(),
                                Some(d) => {
                                    let list = day_events(d);
                                    let has = !list.is_empty();
                                    let class = match (has, d == today) {
                                        (true, true) => "os-ev-cal__day os-ev-cal__day--events os-ev-cal__day--today",
                                        (true, false) => "os-ev-cal__day os-ev-cal__day--events",
                                        (false, true) => "os-ev-cal__day os-ev-cal__day--today",
                                        (false, false) => "os-ev-cal__day",
                                    };
                                    view! {
                                        <td class=class>
                                            <span class="os-ev-cal__num" aria-hidden="true">{d.day}</span>
                                            <span class="os-ev-vh os-ev-cal__date">{move || crate::format::weekday_date(i18n.lang(), d)}</span>
                                            {has.then(|| view! {
                                                <ul class="os-ev-cal__events">
                                                    {list.into_iter().map(|e| {
                                                        let time = match e.start {
                                                            crate::domain::EventTime::At(t) => Some(t.in_zone(e.time_zone.as_deref())),
                                                            _ => None,
                                                        };
                                                        let title = e.title.clone();
                                                        view! {
                                                            <li>
                                                                <Link to=Route::Event(e.id.clone()) class="os-ev-cal__link">
                                                                    {time.map(|l| view! { <span class="os-ev-cal__time">{move || crate::format::clock(i18n.lang(), l)}" "</span> })}
                                                                    {move || title.text(i18n.lang()).to_owned()}
                                                                </Link>
                                                            </li>
                                                        }
                                                    }).collect_view()}
                                                </ul>
                                            })}
                                        </td>
                                    }.into_any()
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Venues of the listed events on a map; the list below is the equal alternative.
#[component]
fn VenueMap(loaded: RwSignal<Loaded>) -> impl IntoView {
    let i18n = use_i18n();
    let selected = RwSignal::new(None::<String>);
    let items = move || match loaded.get() {
        Some(Ok((items, _, _))) => items,
        _ => Vec::new(),
    };
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        items()
            .into_iter()
            .filter_map(|e| {
                let loc = e.venue.as_ref()?.location?;
                Some(MapFeature {
                    id: e.id.clone(),
                    label: e.title.text(lang).to_owned(),
                    geometry: Geometry::Point(loc),
                })
            })
            .collect::<Vec<_>>()
    });
    let chosen = move || {
        let id = selected.get()?;
        items().into_iter().find(|e| e.id == id)
    };
    view! {
        <section class="os-ev-map" aria-labelledby="ev-map-title">
            <h2 id="ev-map-title" class="os-ev-map__title">{i18n.tr(|t| t.ev_map_title)}</h2>
            <p class="os-ev-map__hint">{i18n.tr(|t| t.ev_map_hint)}</p>
            <MapView features=features selected=selected label=Signal::derive(move || i18n.t().ev_map_title.to_owned())/>
            <div aria-live="polite">
                {move || chosen().map(|e| view! {
                    <ul class="os-ev-list os-ev-map__chosen"><EventCard event=e selected=true/></ul>
                })}
            </div>
        </section>
    }
}
