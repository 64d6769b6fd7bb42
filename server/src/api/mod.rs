//! The `/api/v1` REST contract.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use crate::error::ApiResult;
use crate::AppState;

pub fn router<S>(state: AppState) -> Router<S> {
    Router::new()
        .route("/health", get(health))
        .with_state(state)
}

async fn health(State(state): State<AppState>) -> ApiResult<Json<serde_json::Value>> {
    let version: i64 = state
        .db
        .read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
        .await?;
    Ok(Json(json!({"status": "ok", "schema_version": version})))
}
