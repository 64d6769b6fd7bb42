//! Zoning plans: list and detail.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;

use super::extract::{de_opt_bool, path_id, PathParam, QueryParams};
use super::query::{bbox, like_pattern, page, Paged};
use crate::db::plans::{self, PlanDetail, PlanFilter, PlanSummary};
use crate::domain::PHASES;
use crate::error::{ApiError, ApiResult};
use crate::time::now;
use crate::AppState;

#[derive(Deserialize)]
pub struct PlanQuery {
    phase: Option<String>,
    #[serde(default, deserialize_with = "de_opt_bool")]
    open: Option<bool>,
    q: Option<String>,
    bbox: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<PlanQuery>,
) -> ApiResult<Json<Paged<PlanSummary>>> {
    let pg = page(q.limit, q.offset, 20, 100)?;
    if let Some(phase) = &q.phase {
        if !PHASES.contains(&phase.as_str()) {
            return Err(ApiError::bad_query(
                "phase",
                format!("phase must be one of {}", PHASES.join(", ")),
            ));
        }
    }
    let filter = PlanFilter {
        like: like_pattern(q.q.as_deref())?,
        bbox: bbox(q.bbox.as_deref())?,
        phase: q.phase,
        open: q.open,
    };
    let found = plans::list(&state.db, &filter, pg, now()).await?;
    Ok(Json(Paged::new(pg, found)))
}

pub async fn detail(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
) -> ApiResult<Json<PlanDetail>> {
    let id = path_id(&raw, "plan")?;
    plans::detail(&state.db, id, now())
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("plan"))
}
