//! Anonymous participant tokens.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

use super::auth::{ClientIp, Participant};
use crate::db::follows::{self, Followed};
use crate::db::participants;
use crate::error::{ApiError, ApiResult};
use crate::secrets::{new_secret, sha256_hex};
use crate::time::{now, ts};
use crate::AppState;

#[derive(Serialize)]
pub struct Created {
    participant_id: i64,
    token: String,
    created_at: String,
}

/// Issues a new anonymous participant. The token is shown once; only its hash is stored.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
) -> ApiResult<(StatusCode, Json<Created>)> {
    state
        .participant_limiter
        .check(&format!("ip:{ip}"))
        .await
        .map_err(ApiError::rate_limited)?;
    let token = new_secret();
    let t = now();
    let id = participants::create(&state.db, &sha256_hex(token.as_bytes()), t).await?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            participant_id: id,
            token,
            created_at: ts(t),
        }),
    ))
}

#[derive(Serialize)]
pub struct Me {
    participant_id: i64,
    follows: Vec<Followed>,
    created_at: String,
    followed_project_ids: Vec<i64>,
    n_votes: i64,
}

pub async fn me(
    State(state): State<AppState>,
    Participant(me): Participant,
) -> ApiResult<Json<Me>> {
    let s = participants::summary(&state.db, me).await?;
    Ok(Json(Me {
        participant_id: me,
        follows: follows::followed(&state.db, me).await?,
        created_at: ts(s.created_at),
        followed_project_ids: s.followed_project_ids,
        n_votes: s.n_votes,
    }))
}
