//! Zoning plans: `/plans` (map and list of plans) and `/plans/:id` (the plan, its map,
//! the comment form and the comments).

mod comments;
mod detail;
mod form;
pub mod format;
mod list;
mod sender;

use crate::pages::not_found_page::NotFoundPage;
use crate::router::Route;
use detail::PlanPage;
pub use detail::PlanView;
use leptos::prelude::*;
use list::PlansPage;

/// The page for a route of this area.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Plans => view! { <PlansPage/> }.into_any(),
        Route::Plan(id) => view! { <PlanPage id=id/> }.into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}
