//! Projects: list, detail, updates.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;

use super::auth::MaybeParticipant;
use super::extract::{path_id, PathParam, QueryParams};
use super::query::{like_pattern, page, Paged};
use crate::db::projects::{self, ProjectDetail, ProjectSummary, Update};
use crate::error::{ApiError, ApiResult};
use crate::AppState;

pub const STATUSES: &[&str] = &["planned", "in_progress", "completed", "on_hold"];

#[derive(Deserialize)]
pub struct ProjectQuery {
    status: Option<String>,
    q: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<ProjectQuery>,
) -> ApiResult<Json<Paged<ProjectSummary>>> {
    let pg = page(q.limit, q.offset, 20, 100)?;
    if let Some(s) = &q.status {
        if !STATUSES.contains(&s.as_str()) {
            return Err(ApiError::bad_query(
                "status",
                format!("status must be one of {}", STATUSES.join(", ")),
            ));
        }
    }
    let like = like_pattern(q.q.as_deref())?;
    let found = projects::list(&state.db, q.status.as_deref(), like.as_deref(), pg).await?;
    Ok(Json(Paged::new(pg, found)))
}

pub async fn detail(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
) -> ApiResult<Json<ProjectDetail>> {
    let id = path_id(&raw, "project")?;
    projects::detail(&state.db, id, me)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("project"))
}

#[derive(Deserialize)]
pub struct PageQuery {
    limit: Option<i64>,
    offset: Option<i64>,
}

pub async fn updates(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    QueryParams(q): QueryParams<PageQuery>,
) -> ApiResult<Json<Paged<Update>>> {
    let id = path_id(&raw, "project")?;
    let pg = page(q.limit, q.offset, 20, 100)?;
    projects::updates(&state.db, id, pg)
        .await?
        .map(|found| Json(Paged::new(pg, found)))
        .ok_or_else(|| ApiError::not_found("project"))
}
