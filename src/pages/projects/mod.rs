//! Projects and following: `/projects` (the list with its filters and map), `/projects/:id`
//! (a project, its updates and its feed) and `/followed` (everything followed and what changed).

mod feed_line;
mod feed_link;
mod followed_item;
mod followed_page;
mod names;
mod notify_button;
mod project_card;
mod project_details;
mod project_filters;
mod project_links;
mod project_page;
mod project_results;
mod project_updates;
mod projects_page;
mod update_entry;

use crate::router::Route;
use followed_page::FollowedPage;
use leptos::prelude::*;
use project_page::ProjectPage;
use projects_page::ProjectsPage;

/// The page for a route of this area.
pub(crate) fn page(route: Route) -> AnyView {
    match route {
        Route::Projects => view! { <ProjectsPage/> }.into_any(),
        Route::Project(id) => view! { <ProjectPage id=id/> }.into_any(),
        Route::Followed => view! { <FollowedPage/> }.into_any(),
        _ => view! { <crate::pages::not_found_page::NotFoundPage/> }.into_any(),
    }
}
