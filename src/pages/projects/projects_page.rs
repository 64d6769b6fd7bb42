use super::project_filters::ProjectFilters;
use super::project_results::ProjectResults;
use crate::client::projects as client;
use crate::components::load::Loader;
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::domain::{Lang, PageQuery, ProjectQuery, ProjectStatus, ProjectSummary};
use crate::i18n::use_i18n;
use crate::router::use_router;
use leptos::prelude::*;

/// How many projects one list shows (areas are filtered among these).
const PAGE: PageQuery = PageQuery {
    offset: 0,
    limit: 100,
};

/// `/projects`: search, status and area filters (in the address: `?q=…&status=…&area=…`), a map
/// of locations and the list beside it.
#[component]
pub(super) fn ProjectsPage() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let backend = StoredValue::new(backend(Capability::Projects));
    let loader = Loader::new(
        move || ProjectQuery {
            status: router
                .query("status")
                .and_then(|c| ProjectStatus::from_code(&c)),
            text: router.query("q").filter(|t| !t.trim().is_empty()),
        },
        move |query| {
            let backend = backend.get_value();
            async move { client::list(&backend, &query, PAGE).await }
        },
    );
    let selected = RwSignal::new(None::<String>);
    let projects = Memo::new(move |_| loader.get().map(|page| page.items));
    // The area is the Finnish name, so a language switch keeps the choice; it filters the
    // projects found here.
    let shown = Memo::new(move |_| {
        let area = router.query("area").unwrap_or_default();
        projects.get().map(|items| {
            items
                .into_iter()
                .filter(|p| area.is_empty() || p.area.text(Lang::Fi) == area)
                .collect::<Vec<ProjectSummary>>()
        })
    });

    view! {
        <div class="os-page os-projects">
            <PageTitle text=Signal::derive(move || i18n.t().projects_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.projects_intro)}</p>
            <ProjectFilters projects=projects shown=shown/>
            {loader.view(move |_| {
                shown.get().map(|items| view! { <ProjectResults items=items selected=selected/> })
            })}
        </div>
    }
}
