//! Projects and following: `/projects`, `/projects/:id` and `/followed`.

mod detail;
mod followed;
mod format;
mod list;
mod notify;
mod project_card;
mod timeline;

use crate::router::Route;
use detail::ProjectPage;
use followed::FollowedPage;
use leptos::prelude::*;
use list::ProjectsPage;

/// The page for a route of this area.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Projects => view! { <ProjectsPage/> }.into_any(),
        Route::Project(id) => view! { <ProjectPage id=id/> }.into_any(),
        Route::Followed => view! { <FollowedPage/> }.into_any(),
        _ => view! { <crate::pages::not_found_page::NotFoundPage/> }.into_any(),
    }
}
