//! Anonymous participant tokens.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::{json, Value};

use super::auth::{ClientIp, Participant};
use crate::error::{ApiError, ApiResult};
use crate::secrets::{new_secret, sha256_hex};
use crate::time::{now, ts};
use crate::AppState;

/// Issues a new anonymous participant. The token is shown once; only its hash is stored.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
) -> ApiResult<impl IntoResponse> {
    if let Err(wait) = state.participant_limiter.check(&format!("ip:{ip}")) {
        return Err(ApiError::rate_limited(wait));
    }
    let token = new_secret();
    let hash = sha256_hex(token.as_bytes());
    let (id, created) = state
        .db
        .write(move |tx| {
            let t = now();
            tx.execute(
                "INSERT INTO participants (token_hash, created_at) VALUES (?1, ?2)",
                rusqlite::params![hash, t],
            )?;
            Ok((tx.last_insert_rowid(), t))
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"participant_id": id, "token": token, "created_at": ts(created)})),
    ))
}

pub async fn me(
    State(state): State<AppState>,
    Participant(me): Participant,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |c| {
            let created: i64 = c.query_row(
                "SELECT created_at FROM participants WHERE id = ?1",
                [me],
                |r| r.get(0),
            )?;
            let mut stmt = c.prepare(
                "SELECT project_id FROM follows WHERE participant_id = ?1 ORDER BY project_id",
            )?;
            let follows = stmt
                .query_map([me], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let n_votes: i64 = c.query_row(
                "SELECT COUNT(*) FROM votes WHERE participant_id = ?1",
                [me],
                |r| r.get(0),
            )?;
            let followed = super::follows::followed(c, me)?;
            Ok(Json(json!({
                "participant_id": me,
                "follows": followed,
                "created_at": ts(created),
                "followed_project_ids": follows,
                "n_votes": n_votes,
            })))
        })
        .await
}
