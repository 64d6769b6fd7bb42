//! Comments on a plan: reading (here), writing, votes and reports, and the map of places.

mod create;
mod places;
mod votes;

pub use create::create;
pub use places::places;
pub use votes::{report, unvote, vote};

use axum::extract::State;
use axum::Json;
use serde::Deserialize;

use super::auth::MaybeParticipant;
use super::extract::{path_id, PathParam, QueryParams};
use super::query::{bbox, page, Paged};
use crate::db::comments::{self, Comment, Sort};
use crate::error::{ApiError, ApiResult};
use crate::AppState;

#[derive(Deserialize)]
pub struct CommentQuery {
    sort: Option<String>,
    bbox: Option<String>,
    parent_id: Option<i64>,
    limit: Option<i64>,
    offset: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
    QueryParams(q): QueryParams<CommentQuery>,
) -> ApiResult<Json<Paged<Comment>>> {
    let plan_id = path_id(&raw, "plan")?;
    let pg = page(q.limit, q.offset, 50, 1000)?;
    let sort = match q.sort.as_deref().unwrap_or("newest") {
        "newest" => Sort::Newest,
        "oldest" => Sort::Oldest,
        "votes" => Sort::Votes,
        _ => {
            return Err(ApiError::bad_query(
                "sort",
                "sort must be newest, oldest or votes",
            ))
        }
    };
    if matches!(q.parent_id, Some(p) if p < 1) {
        return Err(ApiError::bad_query(
            "parent_id",
            "parent_id must be a positive integer",
        ));
    }
    let bbox = bbox(q.bbox.as_deref())?;
    comments::list(&state.db, plan_id, q.parent_id, bbox, sort, pg, me)
        .await?
        .map(|found| Json(Paged::new(pg, found)))
        .ok_or_else(|| ApiError::not_found("plan"))
}

pub async fn get_one(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
) -> ApiResult<Json<Comment>> {
    let id = path_id(&raw, "comment")?;
    comments::get(&state.db, id, me)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("comment"))
}

fn closed() -> ApiError {
    ApiError::conflict(
        "comment_period_closed",
        "Comment period closed",
        "the plan is not open for comments now",
    )
}
