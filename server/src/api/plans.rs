//! Zoning plans: list and detail.

use axum::extract::State;

use super::extract::PathParam;
use super::sql::bind_bbox;
use axum::Json;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use super::extract::{de_opt_bool, path_id, QueryParams};
use super::query::page;
use super::sql::paged;
use crate::error::{ApiError, ApiResult};
use crate::l10n::l10n;
use crate::time::{now, ts};
use crate::AppState;

pub use crate::domain::PHASES;

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

const SUMMARY_COLS: &str = "p.id, p.slug, p.title, p.summary, p.area_name, p.phase, \
    p.min_lon, p.min_lat, p.max_lon, p.max_lat, p.comments_open_at, p.comments_close_at, p.updated_at, \
    (SELECT COUNT(*) FROM comments c WHERE c.plan_id = p.id AND c.state = 'visible')";

fn summary_row(r: &rusqlite::Row<'_>, t: i64) -> rusqlite::Result<Value> {
    let opens: i64 = r.get(10)?;
    let closes: i64 = r.get(11)?;
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "slug": r.get::<_, String>(1)?,
        "title": l10n(&r.get::<_, String>(2)?),
        "summary": l10n(&r.get::<_, String>(3)?),
        "area_name": l10n(&r.get::<_, String>(4)?),
        "phase": r.get::<_, String>(5)?,
        "bbox": [r.get::<_, f64>(6)?, r.get::<_, f64>(7)?, r.get::<_, f64>(8)?, r.get::<_, f64>(9)?],
        "comment_period": {"opens_at": ts(opens), "closes_at": ts(closes), "is_open": t >= opens && t < closes},
        "updated_at": ts(r.get(12)?),
        "n_comments": r.get::<_, i64>(13)?,
    }))
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<PlanQuery>,
) -> ApiResult<Json<Value>> {
    let pg = page(q.limit, q.offset, 20, 100)?;
    let mut wh = vec!["1=1".to_owned()];
    let mut params: Vec<Sql> = Vec::new();
    let t = now();
    if let Some(phase) = &q.phase {
        if !PHASES.contains(&phase.as_str()) {
            return Err(ApiError::bad_query(
                "phase",
                format!("phase must be one of {}", PHASES.join(", ")),
            ));
        }
        params.push(Sql::Text(phase.clone()));
        wh.push(format!("p.phase = ?{}", params.len()));
    }
    if let Some(open) = q.open {
        params.push(Sql::Integer(t));
        let n = params.len();
        wh.push(if open {
            format!("(p.comments_open_at <= ?{n} AND p.comments_close_at > ?{n})")
        } else {
            format!("NOT (p.comments_open_at <= ?{n} AND p.comments_close_at > ?{n})")
        });
    }
    if let Some(pattern) = super::query::like_pattern(q.q.as_deref())? {
        params.push(Sql::Text(pattern));
        wh.push(format!("p.search LIKE ?{} ESCAPE '\\'", params.len()));
    }
    if let Some(b) = &q.bbox {
        let b = bind_bbox(b, &mut params)?;
        wh.push(format!(
            "(p.min_lon <= ?{} AND p.max_lon >= ?{} AND p.min_lat <= ?{} AND p.max_lat >= ?{})",
            b.east, b.west, b.north, b.south
        ));
    }
    let where_sql = wh.join(" AND ");
    state
        .db
        .read(move |c| {
            let (count, items) = paged(
                c,
                "plans p",
                SUMMARY_COLS,
                &where_sql,
                &format!("(p.comments_open_at <= {t} AND p.comments_close_at > {t}) DESC, p.comments_close_at DESC, p.id"),
                &params,
                pg,
                |r| summary_row(r, t),
            )?;
            Ok(Json(json!({"count": count, "limit": pg.limit, "offset": pg.offset, "items": items})))
        })
        .await
}

/// Whether the plan exists and its comment period is open now: `None` when there is no such plan.
pub fn comment_period_open(c: &Connection, plan_id: i64, t: i64) -> rusqlite::Result<Option<bool>> {
    c.query_row(
        "SELECT comments_open_at <= ?2 AND comments_close_at > ?2 FROM plans WHERE id = ?1",
        [plan_id, t],
        |r| r.get(0),
    )
    .optional()
}

pub fn questions(c: &Connection, plan_id: i64) -> rusqlite::Result<Vec<Value>> {
    let mut qs = c.prepare(
        "SELECT id, kind, text, required FROM questions WHERE plan_id = ?1 ORDER BY position, id",
    )?;
    let mut opts = c.prepare(
        "SELECT o.id, o.text, (SELECT COUNT(*) FROM comment_answers a JOIN comments c ON c.id = a.comment_id \
         WHERE a.option_id = o.id AND c.state = 'visible') FROM question_options o WHERE o.question_id = ?1 ORDER BY o.position, o.id",
    )?;
    let rows = qs
        .query_map([plan_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, kind, text, required) in rows {
        let options = opts
            .query_map([id], |r| {
                Ok(json!({"id": r.get::<_, i64>(0)?, "text": l10n(&r.get::<_, String>(1)?), "n_answers": r.get::<_, i64>(2)?}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push(json!({"id": id, "type": kind, "text": l10n(&text), "required": required, "options": options}));
    }
    Ok(out)
}

pub async fn detail(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "plan")?;
    let t = now();
    state
        .db
        .read(move |c| {
            let base = c
                .query_row(
                    &format!("SELECT {SUMMARY_COLS}, p.description, p.geometry, p.created_at FROM plans p WHERE p.id = ?1"),
                    [id],
                    |r| {
                        let mut v = summary_row(r, t)?;
                        v["description"] = l10n(&r.get::<_, String>(14)?);
                        v["geometry"] = serde_json::from_str(&r.get::<_, String>(15)?).unwrap_or(Value::Null);
                        v["created_at"] = json!(ts(r.get(16)?));
                        Ok(v)
                    },
                )
                .optional()?;
            let Some(mut plan) = base else {
                return Err(ApiError::not_found("plan"));
            };
            let current = plan["phase"].as_str().unwrap_or("").to_owned();
            let current_idx = PHASES.iter().position(|p| *p == current).unwrap_or(0);
            let mut stmt = c.prepare("SELECT phase, starts_on, ends_on FROM plan_phases WHERE plan_id = ?1")?;
            let mut phases = stmt
                .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            phases.sort_by_key(|(p, _, _)| PHASES.iter().position(|x| x == p).unwrap_or(99));
            plan["phases"] = phases
                .into_iter()
                .map(|(p, s, e)| {
                    let idx = PHASES.iter().position(|x| *x == p).unwrap_or(0);
                    let status = match idx.cmp(&current_idx) {
                        std::cmp::Ordering::Less => "completed",
                        std::cmp::Ordering::Equal => "current",
                        std::cmp::Ordering::Greater => "upcoming",
                    };
                    json!({"phase": p, "starts_on": s, "ends_on": e, "status": status})
                })
                .collect();
            let mut stmt = c.prepare(
                "SELECT id, title, url, doc_type, media_type, size_bytes FROM plan_documents WHERE plan_id = ?1 ORDER BY position, id",
            )?;
            plan["documents"] = stmt
                .query_map([id], |r| {
                    Ok(json!({
                        "id": r.get::<_, i64>(0)?, "title": l10n(&r.get::<_, String>(1)?), "url": r.get::<_, String>(2)?,
                        "type": r.get::<_, String>(3)?, "media_type": r.get::<_, String>(4)?, "size_bytes": r.get::<_, i64>(5)?,
                    }))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into();
            let mut stmt = c.prepare(
                "SELECT id, name, role, organization, email, phone FROM plan_contacts WHERE plan_id = ?1 ORDER BY position, id",
            )?;
            plan["contacts"] = stmt
                .query_map([id], |r| {
                    Ok(json!({
                        "id": r.get::<_, i64>(0)?, "name": r.get::<_, String>(1)?, "role": l10n(&r.get::<_, String>(2)?),
                        "organization": r.get::<_, String>(3)?, "email": r.get::<_, Option<String>>(4)?,
                        "phone": r.get::<_, Option<String>>(5)?,
                    }))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into();
            plan["questions"] = questions(c, id)?.into();
            let mut stmt = c.prepare(
                "SELECT pr.id, pr.title FROM project_plans pp JOIN projects pr ON pr.id = pp.project_id WHERE pp.plan_id = ?1 ORDER BY pr.id",
            )?;
            plan["projects"] = stmt
                .query_map([id], |r| Ok(json!({"id": r.get::<_, i64>(0)?, "title": l10n(&r.get::<_, String>(1)?)})))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into();
            Ok(Json(plan))
        })
        .await
}
