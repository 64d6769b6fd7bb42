//! Events: `/events` (list, calendar, map), `/events/:id` (the event, joining) and cancelling a
//! registration. The rules live in `domain` (seats, joining, the join form's checks), the
//! registrations remembered on the device in `state::registrations`.

mod bound;
mod calendar_day;
mod cancel_page;
mod confirmation;
mod event_article;
mod event_card;
mod event_facts;
mod event_filter_bar;
mod event_list;
mod event_page;
mod event_venue;
mod events_page;
mod filters;
mod held_places;
mod join_fields;
pub mod join_form;
mod labels;
mod messages;
mod month_calendar;
mod online_link;
mod place_name;
mod registration_section;
mod topic_names;
mod venue_map;
mod view_switch;

use crate::router::Route;
use cancel_page::CancelPage;
use event_page::EventPage;
use events_page::EventsPage;
use leptos::prelude::*;

/// The page for a route of this area.
pub(crate) fn page(route: Route) -> AnyView {
    match route {
        Route::Events => view! { <EventsPage/> }.into_any(),
        Route::Event(id) => view! { <EventPage id=id/> }.into_any(),
        Route::CancelRegistration => view! { <CancelPage/> }.into_any(),
        _ => view! { <crate::pages::not_found_page::NotFoundPage/> }.into_any(),
    }
}
