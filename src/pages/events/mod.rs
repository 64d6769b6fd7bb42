//! Events: `/events`, `/events/:id` and cancelling a registration.

pub mod join;
pub mod rules;
pub mod store;

mod cancel;
mod detail;
mod list;
mod parts;

use crate::router::Route;
use cancel::CancelPage;
use detail::EventPage;
use leptos::prelude::*;
use list::EventsPage;

/// The page for a route of this area.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Events => view! { <EventsPage/> }.into_any(),
        Route::Event(id) => view! { <EventPage id=id/> }.into_any(),
        Route::CancelRegistration => view! { <CancelPage/> }.into_any(),
        _ => view! { <crate::pages::not_found_page::NotFoundPage/> }.into_any(),
    }
}
