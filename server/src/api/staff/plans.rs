//! `/staff/plans`: plans in every status for editors, with optimistic locking (`ETag` is the
//! plan's version, writes need `If-Match`), and `/staff/audit` for administrators.

use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::plan_input::{check, PlanIn};
use crate::api::extract::{json_body, path_id, JsonBody, PathParam, QueryParams};
use crate::api::query::{page, Paged};
use crate::db::audit::{self, Actor};
use crate::db::plans::staff::{self as store, Change, StaffPlan, Write};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::staff::{Role, Staff};
use crate::time::now_us;
use crate::AppState;

pub const STATUSES: &[&str] = &["draft", "published", "archived"];

/// Plan bodies may be larger than residents' (an area of 10,000 positions is about 400 kB).
pub const PLAN_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// A plan body of up to [`PLAN_BODY_LIMIT`] (or `--body-limit`, when that is larger).
pub struct PlanBody(PlanIn);

impl FromRequest<AppState> for PlanBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let limit = state.config.body_limit.max(PLAN_BODY_LIMIT);
        json_body(req, limit).await.map(PlanBody)
    }
}

fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"v{version}\"")).unwrap_or(HeaderValue::from_static("\"\""))
}

/// The plan with its `ETag`, and with `Location` when it was just created.
fn answer(status: StatusCode, plan: StaffPlan) -> Response {
    let mut resp = (status, Json(&plan)).into_response();
    resp.headers_mut().insert(header::ETAG, etag(plan.version));
    if status == StatusCode::CREATED {
        if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/staff/plans/{}", plan.id)) {
            resp.headers_mut().insert(header::LOCATION, v);
        }
    }
    resp
}

/// The version `If-Match` names: `None` for `*`; a value that is no version of ours is `-1`,
/// which never matches. Without the header: 428.
fn if_match(headers: &HeaderMap) -> ApiResult<Option<i64>> {
    let Some(v) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "precondition_required",
            "If-Match required",
            "send If-Match with the ETag of the version you edited",
        ));
    };
    let v = v.to_str().unwrap_or("").trim();
    if v == "*" {
        return Ok(None);
    }
    Ok(Some(
        v.strip_prefix("\"v")
            .and_then(|s| s.strip_suffix('"'))
            .and_then(|s| s.parse().ok())
            .unwrap_or(-1),
    ))
}

/// 412 with the current plan, so that the editor can compare and apply their change again.
fn stale(plan: StaffPlan) -> Response {
    let body = json!({
        "type": "/api/v1/problems/precondition_failed",
        "title": "Changed meanwhile",
        "status": 412,
        "detail": "the plan was changed after the version you edited; `current` is the plan now",
        "code": "precondition_failed",
        "current": &plan,
    });
    let mut resp = (StatusCode::PRECONDITION_FAILED, body.to_string()).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    h.insert(header::ETAG, etag(plan.version));
    resp
}

fn written(w: Write) -> ApiResult<Response> {
    match w {
        Write::Done(plan) => Ok(answer(StatusCode::OK, *plan)),
        Write::NotFound => Err(ApiError::not_found("plan")),
        Write::Stale(plan) => Ok(stale(*plan)),
    }
}

fn actor(staff: &Staff) -> Actor {
    Actor {
        sub: staff.sub.clone(),
        name: staff.name.clone(),
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /staff/plans`: every plan (or those of one status), most recently changed first.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    QueryParams(q): QueryParams<ListQuery>,
) -> ApiResult<Json<Paged<store::StaffPlanSummary>>> {
    staff.require(Role::Editor)?;
    let pg = page(q.limit, q.offset, 50, 200)?;
    if let Some(s) = &q.status {
        if !STATUSES.contains(&s.as_str()) {
            return Err(ApiError::bad_query(
                "status",
                "status must be draft, published or archived",
            ));
        }
    }
    let found = store::list(&state.db, q.status.as_deref(), pg).await?;
    Ok(Json(Paged::new(pg, found)))
}

/// `POST /staff/plans`: a new plan, as a draft.
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    PlanBody(body): PlanBody,
) -> ApiResult<Response> {
    staff.require(Role::Editor)?;
    let w = check(body)?;
    let plan = store::create(&state.db, &w, &actor(&staff), now_us()).await?;
    Ok(answer(StatusCode::CREATED, plan))
}

/// `GET /staff/plans/{id}`: the plan in any status, with its `ETag`.
pub async fn detail(
    State(state): State<AppState>,
    staff: Staff,
    PathParam(raw): PathParam,
) -> ApiResult<Response> {
    staff.require(Role::Editor)?;
    let id = path_id(&raw, "plan")?;
    let plan = store::read(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("plan"))?;
    Ok(answer(StatusCode::OK, plan))
}

/// `PUT /staff/plans/{id}` with `If-Match`: every field but the status.
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    PathParam(raw): PathParam,
    headers: HeaderMap,
    PlanBody(body): PlanBody,
) -> ApiResult<Response> {
    staff.require(Role::Editor)?;
    let id = path_id(&raw, "plan")?;
    let version = if_match(&headers)?;
    let w = check(body)?;
    let done = store::change(
        &state.db,
        id,
        version,
        Change::Fields(&w),
        &actor(&staff),
        now_us(),
    )
    .await?;
    written(done)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusIn {
    status: String,
}

/// `POST /staff/plans/{id}/status` with `If-Match`: publish, withdraw to draft, or archive.
pub async fn set_status(
    State(state): State<AppState>,
    staff: Staff,
    PathParam(raw): PathParam,
    headers: HeaderMap,
    JsonBody(body): JsonBody<StatusIn>,
) -> ApiResult<Response> {
    staff.require(Role::Editor)?;
    let id = path_id(&raw, "plan")?;
    let version = if_match(&headers)?;
    if !STATUSES.contains(&body.status.as_str()) {
        return Err(ApiError::validation(vec![FieldError::new(
            "/status",
            "invalid",
            "must be draft, published or archived",
        )]));
    }
    let done = store::change(
        &state.db,
        id,
        version,
        Change::Status(&body.status),
        &actor(&staff),
        now_us(),
    )
    .await?;
    written(done)
}

#[derive(Deserialize)]
pub struct AuditQuery {
    item_type: Option<String>,
    item_id: Option<i64>,
    limit: Option<i64>,
}

/// `GET /staff/audit`: the newest staff writes, of one item when asked; administrators only.
pub async fn audit_log(
    State(state): State<AppState>,
    staff: Staff,
    QueryParams(q): QueryParams<AuditQuery>,
) -> ApiResult<Json<serde_json::Value>> {
    staff.require(Role::Admin)?;
    let pg = page(q.limit, None, 50, 200)?;
    if let Some(t) = &q.item_type {
        if !["plan", "project"].contains(&t.as_str()) {
            return Err(ApiError::bad_query(
                "item_type",
                "item_type must be plan or project",
            ));
        }
    }
    if q.item_id.is_some_and(|id| id < 1) {
        return Err(ApiError::bad_query("item_id", "item_id must be at least 1"));
    }
    let items = audit::list(&state.db, q.item_type.as_deref(), q.item_id, pg.limit).await?;
    Ok(Json(json!({ "items": items })))
}
