//! Events: `/events`, `/events/:id` and cancelling a registration.

pub mod format;
pub mod rules;

mod list;

use crate::pages::not_found_page::NotFoundPage;
use crate::router::Route;
use leptos::prelude::*;
use list::EventsPage;

/// The page for a route of this area.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Events => view! { <EventsPage/> }.into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}
