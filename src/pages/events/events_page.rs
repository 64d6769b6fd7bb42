//! `/events`: upcoming events with filters, as a list, a month calendar or a map of venues
//! (the list is always there as the equal alternative to the map).

use super::event_filter_bar::EventFilterBar;
use super::event_list::{EventList, Listed};
use super::filters::EventFilters;
use super::month_calendar::MonthCalendar;
use super::venue_map::VenueMap;
use super::view_switch::{current_view, View, ViewSwitch};
use crate::client;
use crate::components::load::Loader;
use crate::components::near_me::NearMe;
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::domain::{LatLng, PageQuery};
use crate::i18n::{fill, use_i18n};
use crate::router::use_router;
use crate::web::clock;
use leptos::prelude::*;

/// Events per page of the list.
pub(crate) const PAGE_SIZE: u64 = 20;

/// `/events`.
#[component]
pub(crate) fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let events = StoredValue::new(backend(Capability::Events));
    let here = RwSignal::new(None::<LatLng>);
    // The areas that have events, for the area filter (none, or a failure: no area filter).
    let areas = Loader::new(
        || (),
        move |()| {
            let b = events.get_value();
            async move { client::events::areas(&b).await }
        },
    );
    // Linked Events' keywords for the topic filter (none, or a failure: the app's own topics).
    let topics = Loader::new(
        || (),
        move |()| {
            let b = events.get_value();
            async move { client::events::topics(&b).await }
        },
    );
    let list = Loader::new(
        move || EventFilters::read(|k| router.query(k)).query(clock::now()),
        move |query| {
            let b = events.get_value();
            async move {
                let first = PageQuery {
                    offset: 0,
                    limit: PAGE_SIZE,
                };
                let page = client::events::list(&b, &query, first).await?;
                Ok(Listed::new(query, page))
            }
        },
    );
    let count = Signal::derive(move || {
        list.with(|l| {
            let n = l?.count();
            let t = i18n.t();
            Some(if n == 1 {
                t.ev_count_one.to_owned()
            } else {
                fill(t.ev_count, &[("count", &n.to_string())])
            })
        })
    });
    view! {
        <div class="os-page os-ev">
            <PageTitle text=Signal::derive(move || i18n.t().events_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.events_intro)}</p>
            <EventFilterBar topics=Signal::derive(move || topics.get().unwrap_or_default())
                areas=Signal::derive(move || areas.get().unwrap_or_default()) count=count/>
            <NearMe here=here/>
            <ViewSwitch/>
            {move || match current_view() {
                View::Calendar => view! { <MonthCalendar/> }.into_any(),
                View::Map => view! { <VenueMap list=list/> }.into_any(),
                View::List => ().into_any(),
            }}
            <EventList list=list here=here/>
        </div>
    }
}
