//! The `/api/v1` REST contract (documented in `api/openapi.yaml`).

pub mod auth;
pub mod comments;
pub mod demo;
pub mod events;
pub mod extract;
pub mod feeds;
pub mod follows;
pub mod idempotency;
pub mod plans;
pub mod projects;
pub mod query;
pub mod ratelimit;
pub mod staff;

mod participants;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::compression::{CompressionLayer, CompressionLevel};

use crate::error::ApiError;
use crate::AppState;

pub fn router<S>(state: AppState) -> Router<S> {
    let mut demo = Router::new();
    if state.config.demo {
        demo = demo.route(
            "/demo/projects/{project_id}/updates",
            post(demo::add_update),
        );
    }
    Router::new()
        .merge(demo)
        .route("/health", get(health))
        .route("/participants", post(participants::create))
        .route("/me", get(participants::me))
        .route("/me/changes", get(follows::changes))
        .route("/me/registrations", get(events::my_registrations))
        .route("/plans", get(plans::list))
        .route("/plans/{plan_id}", get(plans::detail))
        .route(
            "/plans/{plan_id}/comments",
            get(comments::list).post(comments::create),
        )
        .route(
            "/plans/{plan_id}/comments/places",
            // The one large answer (about 30 bytes a comment, 10,000 comments on a busy plan):
            // compressed for clients that accept it, at a quality cheap enough per request.
            get(comments::places).layer(
                CompressionLayer::new()
                    .br(true)
                    .gzip(true)
                    .quality(CompressionLevel::Precise(6)),
            ),
        )
        .route("/comments/{comment_id}", get(comments::get_one))
        .route("/comments/{comment_id}/vote", post(comments::vote))
        .route("/comments/{comment_id}/unvote", post(comments::unvote))
        .route("/comments/{comment_id}/reports", post(comments::report))
        .route("/projects", get(projects::list))
        .route("/projects/{project_id}", get(projects::detail))
        .route("/projects/{project_id}/updates", get(projects::updates))
        .route(
            "/projects/{project_id}/updates.atom",
            get(feeds::project_updates),
        )
        .route(
            "/projects/{project_id}/follow",
            post(follows::follow_project),
        )
        .route(
            "/projects/{project_id}/unfollow",
            post(follows::unfollow_project),
        )
        .route("/events", get(events::list))
        .route("/events/areas", get(events::areas))
        .route("/events/{event_id}", get(events::detail))
        .route("/events/{event_id}/calendar.ics", get(events::calendar))
        .route("/plans/{plan_id}/follow", post(follows::follow_plan))
        .route("/plans/{plan_id}/unfollow", post(follows::unfollow_plan))
        .route("/events/{event_id}/follow", post(follows::follow_event))
        .route("/events/{event_id}/unfollow", post(follows::unfollow_event))
        .route("/events/{event_id}/registrations", post(events::register))
        .route("/registrations/cancel", post(events::cancel))
        .route("/staff/me", get(staff::me))
        .route(
            "/staff/plans",
            get(staff::plans::list).post(staff::plans::create),
        )
        .route(
            "/staff/plans/{plan_id}",
            get(staff::plans::detail).put(staff::plans::update),
        )
        .route(
            "/staff/plans/{plan_id}/status",
            post(staff::plans::set_status),
        )
        .route(
            "/staff/projects/{project_id}/updates",
            post(staff::projects::post_update),
        )
        .route("/staff/audit", get(staff::plans::audit_log))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            idempotency::idempotency,
        ))
        .with_state(state)
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Method not allowed",
        "this endpoint does not support the method",
    )
}

async fn not_found() -> impl IntoResponse {
    ApiError::not_found("this API endpoint")
}

#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
    schema_version: i64,
    database: &'static str,
}

/// `GET /health`: 200 when the database answers (its engine and schema version), else 503.
async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    match state.db.schema_version().await {
        Ok(schema_version) => Ok(Json(Health {
            status: "ok",
            schema_version,
            database: state.db.engine().name(),
        })),
        Err(e) => {
            tracing::error!(error = %e, "health: the database does not answer");
            Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "Database unavailable",
                "the database does not answer",
            ))
        }
    }
}
