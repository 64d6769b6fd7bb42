//! Endpoints that exist only with `--demo`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::extract::{path_id, JsonBody, PathParam};
use crate::db::projects::{self, Update};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::time::now_us;
use crate::validate::plain_text;
use crate::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateIn {
    title: Localized3,
    body: Localized3,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized3 {
    fi: String,
    sv: Option<String>,
    en: Option<String>,
}

/// The localized text as stored (JSON text), each language checked as plain text.
fn localized(v: &Localized3, pointer: &str, max: usize) -> Result<String, FieldError> {
    let fi = plain_text(&v.fi, &format!("{pointer}/fi"), 1, max, true)?;
    let mut out = json!({"fi": fi});
    for (lang, text) in [("sv", &v.sv), ("en", &v.en)] {
        if let Some(t) = text {
            out[lang] = json!(plain_text(t, &format!("{pointer}/{lang}"), 1, max, true)?);
        }
    }
    Ok(out.to_string())
}

/// `POST /demo/projects/{id}/updates` (only with `--demo`): publishes a project update now, so
/// demonstrations and end-to-end tests can show a followed project changing.
pub async fn add_update(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    JsonBody(body): JsonBody<UpdateIn>,
) -> ApiResult<(StatusCode, Json<Update>)> {
    let id = path_id(&raw, "project")?;
    let mut errors = Vec::new();
    let title = localized(&body.title, "/title", 200).map_err(|e| errors.push(e));
    let text = localized(&body.body, "/body", 4000).map_err(|e| errors.push(e));
    let (Ok(title), Ok(text)) = (title, text) else {
        return Err(ApiError::validation(errors));
    };
    projects::add_update(&state.db, id, title, text, now_us(), None)
        .await?
        .map(|u| (StatusCode::CREATED, Json(u)))
        .ok_or_else(|| ApiError::not_found("project"))
}
