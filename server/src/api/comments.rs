//! Comments on a plan: list, create (with replies, locations and survey answers), vote, report.

use std::collections::{BTreeSet, HashMap};

use axum::extract::State;

use super::extract::PathParam;
use super::sql::bind_bbox;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::{ClientIp, MaybeParticipant, Participant};
use super::extract::{path_id, JsonBody, QueryParams};
use super::plans::comment_period_open;
use super::query::page;
use super::sql::paged;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::geo;
use crate::time::{now, ts};
use crate::validate::{optional_text, plain_text};
use crate::AppState;

pub const MAX_TEXT: usize = 5000;
/// Distinct reports after which a comment is hidden until a moderator looks at it.
pub const HIDE_AFTER_REPORTS: i64 = 3;

#[derive(Deserialize)]
pub struct CommentQuery {
    sort: Option<String>,
    bbox: Option<String>,
    parent_id: Option<i64>,
    limit: Option<i64>,
    offset: Option<i64>,
}

const COLS: &str =
    "c.id, c.plan_id, c.parent_id, c.text, c.nickname, c.geometry, c.created_at, c.n_votes, \
    c.n_replies, c.state, c.hidden_reason";

fn comment_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    let state: String = r.get(9)?;
    let visible = state == "visible";
    let geometry: Option<String> = r.get(5)?;
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "plan_id": r.get::<_, i64>(1)?,
        "parent_id": r.get::<_, Option<i64>>(2)?,
        "text": if visible { Some(r.get::<_, String>(3)?) } else { None },
        "nickname": if visible { r.get::<_, Option<String>>(4)? } else { None },
        "geometry": if visible { geometry.and_then(|g| serde_json::from_str::<Value>(&g).ok()) } else { None },
        "created_at": ts(r.get(6)?),
        "n_votes": r.get::<_, i64>(7)?,
        "n_replies": r.get::<_, i64>(8)?,
        "moderation": {"state": state, "reason": r.get::<_, Option<String>>(10)?},
        "answers": [],
        "voted": false,
    }))
}

/// Fills `answers` and `voted` for a batch of comments.
fn decorate(c: &Connection, items: &mut [Value], participant: Option<i64>) -> rusqlite::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = items.iter().filter_map(|v| v["id"].as_i64()).collect();
    let list = ids
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let mut answers: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    let mut stmt = c.prepare(&format!(
        "SELECT comment_id, question_id, option_id FROM comment_answers WHERE comment_id IN ({list}) ORDER BY question_id, option_id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (cid, q, o) = row?;
        answers.entry(cid).or_default().push((q, o));
    }
    let mut voted: BTreeSet<i64> = BTreeSet::new();
    if let Some(p) = participant {
        let mut stmt = c.prepare(&format!(
            "SELECT comment_id FROM votes WHERE participant_id = ?1 AND comment_id IN ({list})"
        ))?;
        for id in stmt.query_map([p], |r| r.get::<_, i64>(0))? {
            voted.insert(id?);
        }
    }
    for item in items.iter_mut() {
        let id = item["id"].as_i64().unwrap_or(0);
        if let Some(list) = answers.get(&id) {
            let mut grouped: Vec<(i64, Vec<i64>)> = Vec::new();
            for (q, o) in list {
                match grouped.last_mut() {
                    Some((lq, opts)) if lq == q => opts.push(*o),
                    _ => grouped.push((*q, vec![*o])),
                }
            }
            item["answers"] = grouped
                .into_iter()
                .map(|(q, o)| json!({"question_id": q, "option_ids": o}))
                .collect();
        }
        item["voted"] = json!(voted.contains(&id));
    }
    Ok(())
}

fn load(c: &Connection, id: i64, participant: Option<i64>) -> ApiResult<Value> {
    let mut v = c
        .query_row(
            &format!("SELECT {COLS} FROM comments c WHERE c.id = ?1"),
            [id],
            comment_row,
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found("comment"))?;
    decorate(c, std::slice::from_mut(&mut v), participant)?;
    Ok(v)
}

/// 404 unless the plan exists.
fn plan_exists(c: &rusqlite::Connection, plan_id: i64) -> ApiResult<()> {
    let exists: bool = c.query_row(
        "SELECT EXISTS(SELECT 1 FROM plans WHERE id = ?1)",
        [plan_id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(ApiError::not_found("plan"))
    }
}

pub async fn list(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
    QueryParams(q): QueryParams<CommentQuery>,
) -> ApiResult<Json<Value>> {
    let plan_id = path_id(&raw, "plan")?;
    let pg = page(q.limit, q.offset, 50, 1000)?;
    let order = match q.sort.as_deref().unwrap_or("newest") {
        "newest" => "c.created_at DESC, c.id DESC",
        "oldest" => "c.created_at ASC, c.id ASC",
        "votes" => "c.n_votes DESC, c.id DESC",
        _ => {
            return Err(ApiError::bad_query(
                "sort",
                "sort must be newest, oldest or votes",
            ))
        }
    };
    let mut wh = vec!["c.plan_id = ?1".to_owned()];
    let mut params: Vec<Sql> = vec![Sql::Integer(plan_id)];
    if matches!(q.parent_id, Some(p) if p < 1) {
        return Err(ApiError::bad_query(
            "parent_id",
            "parent_id must be a positive integer",
        ));
    }
    match q.parent_id {
        Some(p) => {
            params.push(Sql::Integer(p));
            wh.push(format!("c.parent_id = ?{}", params.len()));
        }
        None => wh.push("c.parent_id IS NULL".into()),
    }
    if let Some(b) = &q.bbox {
        let b = bind_bbox(b, &mut params)?;
        wh.push(format!(
            "c.geometry IS NOT NULL AND c.state = 'visible' AND c.min_lon <= ?{} AND c.max_lon >= ?{} AND c.min_lat <= ?{} AND c.max_lat >= ?{}",
            b.east, b.west, b.north, b.south
        ));
    }
    let where_sql = wh.join(" AND ");
    state
        .db
        .read(move |c| {
            plan_exists(c, plan_id)?;
            let (count, mut items) = paged(
                c,
                "comments c",
                COLS,
                &where_sql,
                order,
                &params,
                pg,
                comment_row,
            )?;
            decorate(c, &mut items, me)?;
            Ok(Json(
                json!({"count": count, "limit": pg.limit, "offset": pg.offset, "items": items}),
            ))
        })
        .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerIn {
    question_id: i64,
    option_ids: Vec<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentIn {
    text: String,
    #[serde(default)]
    nickname: Option<String>,
    #[serde(default)]
    geometry: Option<Value>,
    #[serde(default)]
    answers: Option<Vec<AnswerIn>>,
    #[serde(default)]
    parent_id: Option<i64>,
}

fn closed() -> ApiError {
    ApiError::conflict(
        "comment_period_closed",
        "Comment period closed",
        "the plan is not open for comments now",
    )
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
    let (text, parent_id) = (text.unwrap_or_default(), body.parent_id);
    let key = match me {
        Some(p) => format!("p:{p}"),
        None => format!("ip:{ip}"),
    };
    if let Err(wait) = state.limiter.check(&format!("comment:{key}")) {
        return Err(ApiError::rate_limited(wait));
    }
    let comment = state
        .db
        .write(move |tx| {
            let t = now();
            match comment_period_open(tx, plan_id, t)? {
                None => return Err(ApiError::not_found("plan")),
                Some(false) => return Err(closed()),
                Some(true) => {}
            }
            if let Some(pid) = parent_id {
                let parent: Option<(i64, Option<i64>)> = tx
                    .query_row("SELECT plan_id, parent_id FROM comments WHERE id = ?1", [pid], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()?;
                match parent {
                    Some((p, None)) if p == plan_id => {}
                    Some((p, Some(_))) if p == plan_id => {
                        return Err(ApiError::field("/parent_id", "nested_reply", "replies cannot be replied to; reply to the original comment"))
                    }
                    _ => return Err(ApiError::field("/parent_id", "not_found", "no such comment on this plan")),
                }
                if !answers.is_empty() {
                    return Err(ApiError::field("/answers", "not_allowed", "replies cannot answer the plan's questions"));
                }
            }
            validate_answers(tx, plan_id, &answers, parent_id.is_none())?;
            let (gjson, b) = match &geometry {
                Some((g, b)) => (Some(g.clone()), Some(*b)),
                None => (None, None),
            };
            tx.execute(
                "INSERT INTO comments (plan_id, parent_id, participant_id, text, nickname, geometry, min_lon, min_lat, max_lon, max_lat, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    plan_id, parent_id, me, text, nickname, gjson,
                    b.map(|b| b.west), b.map(|b| b.south), b.map(|b| b.east), b.map(|b| b.north), t
                ],
            )?;
            let id = tx.last_insert_rowid();
            for a in &answers {
                for o in &a.option_ids {
                    tx.execute(
                        "INSERT OR IGNORE INTO comment_answers (comment_id, question_id, option_id) VALUES (?1, ?2, ?3)",
                        [id, a.question_id, *o],
                    )?;
                }
            }
            if let Some(pid) = parent_id {
                tx.execute("UPDATE comments SET n_replies = n_replies + 1 WHERE id = ?1", [pid])?;
            }
            load(tx, id, me)
        })
        .await?;
    let location = format!("/api/v1/comments/{}", comment["id"]);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(comment),
    ))
}

fn validate_answers(
    c: &Connection,
    plan_id: i64,
    answers: &[AnswerIn],
    top_level: bool,
) -> ApiResult<()> {
    let mut stmt = c.prepare("SELECT id, kind, required FROM questions WHERE plan_id = ?1")?;
    let questions: HashMap<i64, (String, bool)> = stmt
        .query_map([plan_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (r.get::<_, String>(1)?, r.get::<_, bool>(2)?),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut opt_stmt = c.prepare("SELECT id FROM question_options WHERE question_id = ?1")?;
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, a) in answers.iter().enumerate() {
        let ptr = format!("/answers/{i}");
        let Some((kind, _)) = questions.get(&a.question_id) else {
            errors.push(FieldError::new(
                format!("{ptr}/question_id"),
                "not_found",
                "no such question on this plan",
            ));
            continue;
        };
        if !seen.insert(a.question_id) {
            errors.push(FieldError::new(
                format!("{ptr}/question_id"),
                "duplicate",
                "each question may be answered once",
            ));
            continue;
        }
        let valid: BTreeSet<i64> = opt_stmt
            .query_map([a.question_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<_>>()?;
        let chosen: BTreeSet<i64> = a.option_ids.iter().copied().collect();
        if chosen.len() != a.option_ids.len() {
            errors.push(FieldError::new(
                format!("{ptr}/option_ids"),
                "duplicate",
                "an option may be chosen once",
            ));
        } else if chosen.is_empty() {
            errors.push(FieldError::new(
                format!("{ptr}/option_ids"),
                "required",
                "choose at least one option",
            ));
        } else if kind == "single_choice" && chosen.len() != 1 {
            errors.push(FieldError::new(
                format!("{ptr}/option_ids"),
                "single_choice",
                "choose exactly one option",
            ));
        } else if let Some(bad) = chosen.iter().find(|o| !valid.contains(o)) {
            errors.push(FieldError::new(
                format!("{ptr}/option_ids"),
                "invalid_option",
                format!("option {bad} does not belong to question {}", a.question_id),
            ));
        }
    }
    if top_level {
        let mut required: Vec<_> = questions
            .iter()
            .filter(|(id, (_, req))| *req && !seen.contains(*id))
            .map(|(id, _)| *id)
            .collect();
        required.sort();
        for q in required {
            errors.push(FieldError::new(
                "/answers",
                "required",
                format!("question {q} must be answered"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

pub async fn get_one(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "comment")?;
    state.db.read(move |c| load(c, id, me).map(Json)).await
}

async fn set_vote(
    state: AppState,
    raw: String,
    participant: i64,
    on: bool,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "comment")?;
    state
        .db
        .write(move |tx| {
            let row: Option<(i64, String)> = tx
                .query_row("SELECT plan_id, state FROM comments WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((plan_id, st)) = row else {
                return Err(ApiError::not_found("comment"));
            };
            if comment_period_open(tx, plan_id, now())? != Some(true) {
                return Err(closed());
            }
            if on && st != "visible" {
                return Err(ApiError::conflict("comment_hidden", "Comment hidden", "hidden comments cannot be voted on"));
            }
            let changed = if on {
                tx.execute(
                    "INSERT OR IGNORE INTO votes (comment_id, participant_id, created_at) VALUES (?1, ?2, ?3)",
                    [id, participant, now()],
                )?
            } else {
                tx.execute("DELETE FROM votes WHERE comment_id = ?1 AND participant_id = ?2", [id, participant])?
            };
            if changed > 0 {
                tx.execute(
                    &format!("UPDATE comments SET n_votes = n_votes {} 1 WHERE id = ?1", if on { "+" } else { "-" }),
                    [id],
                )?;
            }
            let n: i64 = tx.query_row("SELECT n_votes FROM comments WHERE id = ?1", [id], |r| r.get(0))?;
            Ok(Json(json!({"comment_id": id, "n_votes": n, "voted": on})))
        })
        .await
}

pub async fn vote(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_vote(state, raw, p, true).await
}

pub async fn unvote(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_vote(state, raw, p, false).await
}

pub const REPORT_REASONS: &[&str] = &["spam", "offensive", "personal_data", "off_topic", "other"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportIn {
    reason: String,
    #[serde(default)]
    details: Option<String>,
}

pub async fn report(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    MaybeParticipant(me): MaybeParticipant,
    ClientIp(ip): ClientIp,
    JsonBody(body): JsonBody<ReportIn>,
) -> ApiResult<impl IntoResponse> {
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
    if let Err(wait) = state.limiter.check(&format!("report:{reporter}")) {
        return Err(ApiError::rate_limited(wait));
    }
    let reason = body.reason;
    let out = state
        .db
        .write(move |tx| {
            let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM comments WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                return Err(ApiError::not_found("comment"));
            }
            let added = tx.execute(
                "INSERT OR IGNORE INTO reports (comment_id, reporter, reason, details, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![id, reporter, reason, details, now()],
            )?;
            if added > 0 {
                tx.execute("UPDATE comments SET n_reports = n_reports + 1 WHERE id = ?1", [id])?;
                tx.execute(
                    "UPDATE comments SET state = 'hidden', hidden_reason = 'Hidden until a moderator reviews reports from readers.' \
                     WHERE id = ?1 AND state = 'visible' AND n_reports >= ?2",
                    [id, HIDE_AFTER_REPORTS],
                )?;
            }
            Ok(json!({"comment_id": id, "status": "received"}))
        })
        .await?;
    Ok((StatusCode::ACCEPTED, Json(out)))
}

/// Kind codes of `GET /plans/{id}/comments/places`: 0 point, 1 line, 2 area.
fn place_kind(geometry_type: &str) -> u8 {
    match geometry_type {
        "Point" => 0,
        "LineString" => 1,
        _ => 2,
    }
}

fn micro(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Whether an `If-None-Match` header value matches `etag` (weak comparison, RFC 9110 13.1.2).
fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    if_none_match
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(etag))
}

/// Where every visible located comment of a plan is, compactly, for drawing all of them on a map:
/// `{"count": N, "items": [[id, lon, lat, kind], …]}` ordered by id. A point is its position; a
/// line or an area is the centre of its bounding box. Revalidated with an ETag.
pub async fn places(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    headers: axum::http::HeaderMap,
) -> ApiResult<axum::response::Response> {
    let plan_id = path_id(&raw, "plan")?;
    let body = state
        .db
        .read(move |c| {
            plan_exists(c, plan_id)?;
            let mut stmt = c.prepare(
                "SELECT id, json_extract(geometry, '$.type'), min_lon, min_lat, max_lon, max_lat \
                 FROM comments WHERE plan_id = ?1 AND state = 'visible' AND geometry IS NOT NULL \
                 AND min_lon IS NOT NULL ORDER BY id",
            )?;
            let items = stmt
                .query_map([plan_id], |r| {
                    let kind = place_kind(&r.get::<_, String>(1)?);
                    let (w, s, e, n): (f64, f64, f64, f64) =
                        (r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
                    Ok((
                        r.get::<_, i64>(0)?,
                        micro((w + e) / 2.0),
                        micro((s + n) / 2.0),
                        kind,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            serde_json::to_vec(&json!({"count": items.len(), "items": items}))
                .map_err(ApiError::internal)
        })
        .await?;
    let digest = crate::secrets::sha256_hex(&body);
    // Weak: the same answer may travel compressed or not (see the route's compression layer).
    let etag = format!("W/\"places-{}\"", &digest[..32]);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| etag_matches(v, &etag));
    let cache = [
        (header::CACHE_CONTROL, "no-cache".to_owned()),
        (header::ETAG, etag),
    ];
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((
        StatusCode::OK,
        cache,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod place_tests {
    use super::*;

    #[test]
    fn kinds_rounding_and_etag_matching() {
        assert_eq!(place_kind("Point"), 0);
        assert_eq!(place_kind("LineString"), 1);
        assert_eq!(place_kind("Polygon"), 2);
        assert_eq!(micro(25.123_456_49), 25.123456);
        assert_eq!(micro(60.000_000_6), 60.000001);
        assert!(etag_matches("\"a\"", "\"a\""));
        assert!(etag_matches("W/\"a\", \"b\"", "\"a\""));
        assert!(etag_matches("*", "\"a\""));
        assert!(!etag_matches("\"b\"", "\"a\""));
        assert!(!etag_matches("", "\"a\""));
    }
}
