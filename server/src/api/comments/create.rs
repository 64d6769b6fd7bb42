//! `POST /plans/{id}/comments`: a comment, a reply, with a place and survey answers.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;
use serde_json::Value;

use super::closed;
use crate::api::auth::{ClientIp, MaybeParticipant};
use crate::api::extract::{path_id, JsonBody, PathParam};
use crate::db::comments::{self, Created, NewComment};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::geo;
use crate::survey::Answer;
use crate::time::now_us;
use crate::validate::{optional_text, plain_text};
use crate::AppState;

pub const MAX_TEXT: usize = 5000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentIn {
    text: String,
    #[serde(default)]
    nickname: Option<String>,
    #[serde(default)]
    geometry: Option<Value>,
    #[serde(default)]
    answers: Option<Vec<Answer>>,
    #[serde(default, deserialize_with = "crate::validate::json_int::optional")]
    parent_id: Option<i64>,
}

pub async fn create(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
    ClientIp(ip): ClientIp,
    JsonBody(body): JsonBody<CommentIn>,
) -> ApiResult<impl IntoResponse> {
    let plan_id = path_id(&raw, "plan")?;
    let mut errors: Vec<FieldError> = Vec::new();
    let text = plain_text(&body.text, "/text", 1, MAX_TEXT, true)
        .map_err(|e| errors.push(e))
        .ok();
    let nickname = optional_text(body.nickname.as_deref(), "/nickname", 80, false)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let geometry = match &body.geometry {
        None | Some(Value::Null) => None,
        Some(g) => geo::validate(g, geo::Allowed::Comment, "/geometry")
            .map_err(|e| errors.push(e))
            .ok()
            .map(|b| (g.to_string(), b)),
    };
    let answers = body.answers.unwrap_or_default();
    if answers.len() > 100 {
        errors.push(FieldError::new(
            "/answers",
            "too_many",
            "at most 100 answers",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let key = match me {
        Some(p) => format!("p:{p}"),
        None => format!("ip:{ip}"),
    };
    state
        .limiter
        .check(&format!("comment:{key}"))
        .await
        .map_err(ApiError::rate_limited)?;
    let new = NewComment {
        plan_id,
        parent_id: body.parent_id,
        participant: me,
        text: text.unwrap_or_default(),
        nickname,
        geometry,
        answers,
    };
    match comments::create(&state.db, new, now_us()).await? {
        Created::Done(comment) => {
            let location = format!("/api/v1/comments/{}", comment.id);
            Ok((
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(comment),
            ))
        }
        Created::PlanNotFound => Err(ApiError::not_found("plan")),
        Created::Closed => Err(closed()),
        Created::Invalid(errors) => Err(ApiError::validation(errors)),
    }
}
