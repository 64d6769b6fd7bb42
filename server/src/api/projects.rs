//! Projects: list, detail, updates, follow/unfollow.

use axum::extract::State;

use super::extract::PathParam;
use axum::Json;
use rusqlite::types::Value as Sql;
use rusqlite::OptionalExtension;
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::{MaybeParticipant, Participant};
use super::extract::{path_id, QueryParams};
use super::query::page;
use super::sql::paged;
use crate::error::{ApiError, ApiResult};
use crate::l10n::l10n;
use crate::time::{now, ts, ts_local};
use crate::AppState;

pub const STATUSES: &[&str] = &["planned", "in_progress", "completed", "on_hold"];

#[derive(Deserialize)]
pub struct ProjectQuery {
    status: Option<String>,
    q: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

const COLS: &str =
    "p.id, p.slug, p.title, p.summary, p.status, p.starts_on, p.ends_on, p.updated_at, \
    (SELECT COUNT(*) FROM follows f WHERE f.project_id = p.id), \
    (SELECT MAX(published_at) FROM project_updates u WHERE u.project_id = p.id), \
    (SELECT pl.area_name FROM project_plans pp JOIN plans pl ON pl.id = pp.plan_id \
     WHERE pp.project_id = p.id ORDER BY pl.id LIMIT 1), p.geometry";

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "slug": r.get::<_, String>(1)?,
        "title": l10n(&r.get::<_, String>(2)?),
        "summary": l10n(&r.get::<_, String>(3)?),
        "status": r.get::<_, String>(4)?,
        "starts_on": r.get::<_, Option<String>>(5)?,
        "ends_on": r.get::<_, Option<String>>(6)?,
        "updated_at": ts(r.get(7)?),
        "n_followers": r.get::<_, i64>(8)?,
        "last_update_at": r.get::<_, Option<i64>>(9)?.map(ts),
        "area_name": r.get::<_, Option<String>>(10)?.map(|a| l10n(&a)),
        "geometry": r
            .get::<_, Option<String>>(11)?
            .and_then(|g| serde_json::from_str::<Value>(&g).ok())
            .unwrap_or(Value::Null),
    }))
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<ProjectQuery>,
) -> ApiResult<Json<Value>> {
    let pg = page(q.limit, q.offset, 20, 100)?;
    let mut wh = vec!["1=1".to_owned()];
    let mut params: Vec<Sql> = Vec::new();
    if let Some(s) = &q.status {
        if !STATUSES.contains(&s.as_str()) {
            return Err(ApiError::bad_query(
                "status",
                format!("status must be one of {}", STATUSES.join(", ")),
            ));
        }
        params.push(Sql::Text(s.clone()));
        wh.push(format!("p.status = ?{}", params.len()));
    }
    if let Some(pattern) = super::query::like_pattern(q.q.as_deref())? {
        params.push(Sql::Text(pattern));
        wh.push(format!("p.search LIKE ?{} ESCAPE '\\'", params.len()));
    }
    let where_sql = wh.join(" AND ");
    state
        .db
        .read(move |c| {
            let (count, items) = paged(
                c,
                "projects p",
                COLS,
                &where_sql,
                "p.updated_at DESC, p.id",
                &params,
                pg,
                summary,
            )?;
            Ok(Json(
                json!({"count": count, "limit": pg.limit, "offset": pg.offset, "items": items}),
            ))
        })
        .await
}

pub async fn detail(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "project")?;
    state
        .db
        .read(move |c| {
            let mut p = c
                .query_row(
                    &format!("SELECT {COLS}, p.description, p.created_at FROM projects p WHERE p.id = ?1"),
                    [id],
                    |r| {
                        let mut v = summary(r)?;
                        v["description"] = l10n(&r.get::<_, String>(12)?);
                        v["created_at"] = json!(ts(r.get(13)?));
                        Ok(v)
                    },
                )
                .optional()?
                .ok_or_else(|| ApiError::not_found("project"))?;
            let mut stmt = c.prepare(
                "SELECT pl.id, pl.title, pl.phase FROM project_plans pp JOIN plans pl ON pl.id = pp.plan_id WHERE pp.project_id = ?1 ORDER BY pl.id",
            )?;
            p["plans"] = stmt
                .query_map([id], |r| {
                    Ok(json!({"id": r.get::<_, i64>(0)?, "title": l10n(&r.get::<_, String>(1)?), "phase": r.get::<_, String>(2)?}))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into();
            let mut stmt = c.prepare("SELECT id, title, starts_at FROM events WHERE project_id = ?1 ORDER BY starts_at, id")?;
            p["events"] = stmt
                .query_map([id], |r| {
                    Ok(json!({"id": r.get::<_, i64>(0)?, "title": l10n(&r.get::<_, String>(1)?), "starts_at": ts_local(r.get(2)?)}))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into();
            let following = match me {
                Some(pid) => c.query_row(
                    "SELECT EXISTS(SELECT 1 FROM follows WHERE participant_id = ?1 AND project_id = ?2)",
                    [pid, id],
                    |r| r.get::<_, bool>(0),
                )?,
                None => false,
            };
            p["following"] = json!(following);
            Ok(Json(p))
        })
        .await
}

#[derive(Deserialize)]
pub struct PageQuery {
    limit: Option<i64>,
    offset: Option<i64>,
}

fn update_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "project_id": r.get::<_, i64>(1)?,
        "title": l10n(&r.get::<_, String>(2)?),
        "body": l10n(&r.get::<_, String>(3)?),
        "published_at": ts(r.get(4)?),
    }))
}

pub async fn updates(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    QueryParams(q): QueryParams<PageQuery>,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "project")?;
    let pg = page(q.limit, q.offset, 20, 100)?;
    state
        .db
        .read(move |c| {
            let exists: bool = c.query_row("SELECT EXISTS(SELECT 1 FROM projects WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                return Err(ApiError::not_found("project"));
            }
            let count: i64 = c.query_row("SELECT COUNT(*) FROM project_updates WHERE project_id = ?1", [id], |r| r.get(0))?;
            let mut stmt = c.prepare(
                "SELECT id, project_id, title, body, published_at FROM project_updates WHERE project_id = ?1 \
                 ORDER BY published_at DESC, id DESC LIMIT ?2 OFFSET ?3",
            )?;
            let items = stmt
                .query_map([id, pg.limit, pg.offset], update_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Json(json!({"count": count, "limit": pg.limit, "offset": pg.offset, "items": items})))
        })
        .await
}

async fn set_follow(
    state: AppState,
    raw: String,
    participant: i64,
    on: bool,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "project")?;
    state
        .db
        .write(move |tx| {
            let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM projects WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                return Err(ApiError::not_found("project"));
            }
            if on {
                tx.execute(
                    "INSERT OR IGNORE INTO follows (participant_id, project_id, created_at) VALUES (?1, ?2, ?3)",
                    [participant, id, now()],
                )?;
            } else {
                tx.execute("DELETE FROM follows WHERE participant_id = ?1 AND project_id = ?2", [participant, id])?;
            }
            let n: i64 = tx.query_row("SELECT COUNT(*) FROM follows WHERE project_id = ?1", [id], |r| r.get(0))?;
            Ok(Json(json!({"project_id": id, "following": on, "n_followers": n})))
        })
        .await
}

pub async fn follow(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_follow(state, raw, p, true).await
}

pub async fn unfollow(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_follow(state, raw, p, false).await
}
