//! Votes on comments and reports about them.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::closed;
use crate::api::auth::{ClientIp, MaybeParticipant, Participant};
use crate::api::extract::{path_id, JsonBody, PathParam};
use crate::db::comments::{self, Voted};
use crate::error::{ApiError, ApiResult};
use crate::time::now;
use crate::validate::optional_text;
use crate::AppState;

pub const REPORT_REASONS: &[&str] = &["spam", "offensive", "personal_data", "off_topic", "other"];

#[derive(Serialize)]
pub struct VoteOut {
    comment_id: i64,
    n_votes: i64,
    voted: bool,
}

async fn set_vote(
    state: AppState,
    raw: String,
    participant: i64,
    on: bool,
) -> ApiResult<Json<VoteOut>> {
    let id = path_id(&raw, "comment")?;
    match comments::vote(&state.db, id, participant, on, now()).await? {
        Voted::Done { n_votes } => Ok(Json(VoteOut {
            comment_id: id,
            n_votes,
            voted: on,
        })),
        Voted::NotFound => Err(ApiError::not_found("comment")),
        Voted::Closed => Err(closed()),
        Voted::Hidden => Err(ApiError::conflict(
            "comment_hidden",
            "Comment hidden",
            "hidden comments cannot be voted on",
        )),
    }
}

pub async fn vote(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<VoteOut>> {
    set_vote(state, raw, p, true).await
}

pub async fn unvote(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<VoteOut>> {
    set_vote(state, raw, p, false).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportIn {
    reason: String,
    #[serde(default)]
    details: Option<String>,
}

#[derive(Serialize)]
pub struct ReportOut {
    comment_id: i64,
    status: &'static str,
}

pub async fn report(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
    ClientIp(ip): ClientIp,
    JsonBody(body): JsonBody<ReportIn>,
) -> ApiResult<(StatusCode, Json<ReportOut>)> {
    let id = path_id(&raw, "comment")?;
    if !REPORT_REASONS.contains(&body.reason.as_str()) {
        return Err(ApiError::field(
            "/reason",
            "invalid_choice",
            format!("reason must be one of {}", REPORT_REASONS.join(", ")),
        ));
    }
    let details = optional_text(body.details.as_deref(), "/details", 1000, true)
        .map_err(|e| ApiError::validation(vec![e]))?;
    let reporter = match me {
        Some(p) => format!("p:{p}"),
        None => format!("ip:{ip}"),
    };
    state
        .limiter
        .check(&format!("report:{reporter}"))
        .await
        .map_err(ApiError::rate_limited)?;
    if !comments::report(&state.db, id, &reporter, &body.reason, details, now()).await? {
        return Err(ApiError::not_found("comment"));
    }
    Ok((
        StatusCode::ACCEPTED,
        Json(ReportOut {
            comment_id: id,
            status: "received",
        }),
    ))
}
