//! Zoning plans: `/plans` and `/plans/:id`.

mod list;

use crate::pages::not_found_page::NotFoundPage;
use crate::router::Route;
use leptos::prelude::*;
use list::PlansPage;

/// The page for a route of this area.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Plans => view! { <PlansPage/> }.into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}
