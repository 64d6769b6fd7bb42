use super::project_details::ProjectDetails;
use crate::backend::BackendError;
use crate::client::projects as client;
use crate::components::load::{LoadStatus, Loader, Status};
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use leptos::prelude::*;

/// `/projects/:id`: the project once it has loaded; "not found" without a retry when there is
/// no such project.
#[component]
pub(super) fn ProjectPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(backend(Capability::Projects));
    let loader = Loader::new(
        move || id.clone(),
        move |id| {
            let backend = backend.get_value();
            async move { client::get(&backend, &id).await }
        },
    );
    let status = loader.status_signal();
    let failed = move || matches!(status.get(), Status::Failed(_));
    let not_found = move || status.get() == Status::Failed(BackendError::NotFound);
    view! {
        <div class="os-page os-project">
            <p class="os-project__back">
                <Link to=Route::Projects class="os-project__back-link">{i18n.tr(|t| t.projects_back)}</Link>
            </p>
            {move || failed().then(|| view! {
                <PageTitle text=Signal::derive(move || i18n.t().projects_title.to_owned())/>
            })}
            {move || if not_found() {
                view! {
                    <p class="os-error" role="alert">{i18n.tr(|t| t.projects_not_found)}</p>
                }.into_any()
            } else {
                view! {
                    <LoadStatus status=status has_value=Signal::derive(move || loader.with(|p| p.is_some())) retry=loader.retry()/>
                }.into_any()
            }}
            {move || loader.get().map(|project| {
                view! { <ProjectDetails project=project backend=backend.get_value()/> }
            })}
        </div>
    }
}
