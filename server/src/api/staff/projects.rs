//! `/staff/projects/{id}/updates`: editors publish a project update (residents following the
//! project see it in `GET /me/changes`); written to the audit log with the update.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;

use super::fields::{localized, Localized};
use crate::api::extract::{path_id, JsonBody, PathParam};
use crate::db::audit::Actor;
use crate::db::projects;
use crate::error::{ApiError, ApiResult};
use crate::staff::{Role, Staff};
use crate::time::now_us;
use crate::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateIn {
    #[serde(default)]
    title: Option<Localized>,
    #[serde(default)]
    body: Option<Localized>,
}

/// `POST /staff/projects/{id}/updates`: a new update, published now (role editor).
pub async fn post_update(
    State(state): State<AppState>,
    staff: Staff,
    PathParam(raw): PathParam,
    JsonBody(input): JsonBody<UpdateIn>,
) -> ApiResult<impl IntoResponse> {
    staff.require(Role::Editor)?;
    let id = path_id(&raw, "project")?;
    let mut errors = Vec::new();
    let title = localized(
        input.title.as_ref(),
        "/title",
        200,
        false,
        true,
        &mut errors,
    );
    let body = localized(input.body.as_ref(), "/body", 4000, true, true, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let actor = Actor {
        sub: staff.sub,
        name: staff.name,
    };
    let update = projects::add_update(&state.db, id, title, body, now_us(), Some(&actor))
        .await?
        .ok_or_else(|| ApiError::not_found("project"))?;
    let location = format!("/api/v1/projects/{id}/updates");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(update),
    ))
}
