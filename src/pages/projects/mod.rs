//! Projects and following: `/projects`, `/projects/:id` and `/followed`.

mod followed;
mod list;

use crate::pages::not_found_page::NotFoundPage;
use crate::router::Route;
use followed::FollowedPage;
use leptos::prelude::*;
use list::ProjectsPage;

/// The page for a route of this area.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Projects => view! { <ProjectsPage/> }.into_any(),
        Route::Followed => view! { <FollowedPage/> }.into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}
