//! Projects and their updates on the configured backend.

use super::{call, participant};
use crate::backend::{native, BackendError};
use crate::config::Backend;
use crate::domain::{Page, PageQuery, Project, ProjectQuery, ProjectSummary, ProjectUpdate};

/// A page of projects.
pub(crate) async fn list(
    backend: &Backend,
    query: &ProjectQuery,
    page: PageQuery,
) -> Result<Page<ProjectSummary>, BackendError> {
    call(
        backend,
        native::list_projects(query, page),
        false,
        native::parse_projects,
    )
    .await
}

/// One project, with whether this participant follows it when a participant exists already
/// (none is created just to read a project).
pub(crate) async fn get(backend: &Backend, id: &str) -> Result<Project, BackendError> {
    call(
        backend,
        native::get_project(id),
        participant::exists(backend),
        native::parse_project,
    )
    .await
}

/// A project's updates, newest first.
pub(crate) async fn updates(
    backend: &Backend,
    id: &str,
    page: PageQuery,
) -> Result<Page<ProjectUpdate>, BackendError> {
    call(
        backend,
        native::list_project_updates(id, page),
        false,
        native::parse_project_updates,
    )
    .await
}

/// The key of an item on `backend`, for the plan and event pages that still call it here
/// (`client::follows::key` is its home).
pub(crate) use super::follows::key;
