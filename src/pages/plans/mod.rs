//! Zoning plans: `/plans` (every plan on a map and in a list) and `/plans/:id` (the plan, its
//! map, the comment form and the comments).
//!
//! - [`list`]: the `/plans` page;
//! - [`plan`]: the plan page as read: its facts, its map, the comments, votes;
//! - [`writing`]: writing comments, replies and reports (the forms, drafts and the sender),
//!   reached only through [`writing::writing`], so it can be loaded on its own;
//! - [`context`]: what the parts of a plan page share; [`text`]: plan facts in words.

mod context;
mod list;
mod plan;
mod text;
mod writing;

use crate::pages::not_found_page::NotFoundPage;
use crate::router::Route;
use leptos::prelude::*;
use list::PlansPage;
use plan::PlanPage;
pub use plan::PlanView;

/// The page for a route of this area.
pub(crate) fn page(route: Route) -> AnyView {
    match route {
        Route::Plans => view! { <PlansPage/> }.into_any(),
        Route::Plan(id) => view! { <PlanPage id=id/> }.into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}
