//! Following plans and events (projects have their own table, see `projects.rs`), and what
//! changed in everything a participant follows (`GET /me/changes`).

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Participant;
use super::extract::{path_id, PathParam, QueryParams};
use crate::error::{ApiError, ApiResult};
use crate::l10n::l10n;
use crate::time::{now, ts};
use crate::AppState;

/// A comment period opening or closing within this many days counts as a change.
pub const SOON_DAYS: i64 = 7;
const DAY: i64 = 86_400;

/// The followable kinds stored in `item_follows`, with their table.
#[derive(Clone, Copy)]
enum Kind {
    Plan,
    Event,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Event => "event",
        }
    }
    fn table(self) -> &'static str {
        match self {
            Kind::Plan => "plans",
            Kind::Event => "events",
        }
    }
}

async fn set_follow(
    state: AppState,
    kind: Kind,
    raw: String,
    participant: i64,
    on: bool,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, kind.code())?;
    state
        .db
        .write(move |tx| {
            let exists: bool = tx.query_row(
                &format!("SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)", kind.table()),
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(ApiError::not_found(kind.code()));
            }
            if on {
                tx.execute(
                    "INSERT OR IGNORE INTO item_follows (participant_id, kind, item_id, created_at) \
                     VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![participant, kind.code(), id, now()],
                )?;
            } else {
                tx.execute(
                    "DELETE FROM item_follows WHERE participant_id = ?1 AND kind = ?2 AND item_id = ?3",
                    rusqlite::params![participant, kind.code(), id],
                )?;
            }
            let n: i64 = tx.query_row(
                "SELECT COUNT(*) FROM item_follows WHERE kind = ?1 AND item_id = ?2",
                rusqlite::params![kind.code(), id],
                |r| r.get(0),
            )?;
            Ok(Json(
                json!({"kind": kind.code(), "id": id, "following": on, "n_followers": n}),
            ))
        })
        .await
}

pub async fn follow_plan(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_follow(state, Kind::Plan, raw, p, true).await
}

pub async fn unfollow_plan(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_follow(state, Kind::Plan, raw, p, false).await
}

pub async fn follow_event(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_follow(state, Kind::Event, raw, p, true).await
}

pub async fn unfollow_event(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(p): Participant,
) -> ApiResult<Json<Value>> {
    set_follow(state, Kind::Event, raw, p, false).await
}

/// Everything the participant follows, oldest follow first: `[{kind, id, followed_at}]`.
pub fn followed(c: &rusqlite::Connection, me: i64) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare(
        "SELECT 'project', project_id, created_at FROM follows WHERE participant_id = ?1 \
         UNION ALL SELECT kind, item_id, created_at FROM item_follows WHERE participant_id = ?1 \
         ORDER BY 3, 1, 2",
    )?;
    let rows = stmt.query_map([me], |r| {
        Ok(json!({
            "kind": r.get::<_, String>(0)?,
            "id": r.get::<_, i64>(1)?,
            "followed_at": ts(r.get(2)?),
        }))
    })?;
    rows.collect()
}

#[derive(Deserialize)]
pub struct ChangesQuery {
    since: Option<String>,
}

/// One change: when, what kind, and the followed item it belongs to.
fn change(at: i64, kind: &str, item_kind: &str, item_id: i64, item_title: &str) -> Value {
    json!({
        "at": ts(at), "kind": kind, "item_kind": item_kind, "item_id": item_id,
        "item_title": l10n(item_title),
    })
}

/// `GET /me/changes?since=`: changes in followed projects, plans and events, and replies to the
/// participant's own comments, in `(since, now]`, newest first.
pub async fn changes(
    State(state): State<AppState>,
    Participant(me): Participant,
    QueryParams(q): QueryParams<ChangesQuery>,
) -> ApiResult<Json<Value>> {
    let since_raw = q
        .since
        .ok_or_else(|| ApiError::bad_query("since", "since is required (RFC 3339 date-time)"))?;
    let since = crate::time::parse_ts(&since_raw)
        .ok_or_else(|| ApiError::bad_query("since", "since must be an RFC 3339 date-time"))?;
    let until = now();
    state
        .db
        .read(move |c| {
            let items = collect_changes(c, me, since, until)?;
            Ok(Json(
                json!({"since": ts(since), "until": ts(until), "soon_days": SOON_DAYS, "items": items}),
            ))
        })
        .await
}

/// The changes of [`changes`], newest first (ties: by kind and item, so the order is stable).
pub fn collect_changes(
    c: &rusqlite::Connection,
    me: i64,
    since: i64,
    until: i64,
) -> ApiResult<Vec<Value>> {
    let within = |at: i64| at > since && at <= until;
    let mut items: Vec<(i64, Value)> = Vec::new();

    let mut stmt = c.prepare(
        "SELECT u.id, u.project_id, p.title, u.title, u.published_at FROM project_updates u \
         JOIN follows f ON f.project_id = u.project_id AND f.participant_id = ?1 \
         JOIN projects p ON p.id = u.project_id WHERE u.published_at > ?2 AND u.published_at <= ?3",
    )?;
    for row in stmt.query_map([me, since, until], |r| {
        let at: i64 = r.get(4)?;
        let mut v = change(
            at,
            "project_update",
            "project",
            r.get(1)?,
            &r.get::<_, String>(2)?,
        );
        v["update_id"] = json!(r.get::<_, i64>(0)?);
        v["title"] = l10n(&r.get::<_, String>(3)?);
        Ok((at, v))
    })? {
        items.push(row?);
    }

    // Plans: a new phase (the plan's `updated_at` is when its phase last changed) and comment
    // periods that open or close within SOON_DAYS; the notice counts from when it became "soon".
    let mut stmt = c.prepare(
        "SELECT pl.id, pl.title, pl.phase, pl.updated_at, pl.comments_open_at, pl.comments_close_at \
         FROM item_follows f JOIN plans pl ON pl.id = f.item_id \
         WHERE f.participant_id = ?1 AND f.kind = 'plan'",
    )?;
    let plans = stmt
        .query_map([me], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, title, phase, updated, opens, closes) in plans {
        if within(updated) {
            let mut v = change(updated, "plan_phase", "plan", id, &title);
            v["phase"] = json!(phase);
            items.push((updated, v));
        }
        for (kind, due) in [("comments_opening", opens), ("comments_closing", closes)] {
            let at = due - SOON_DAYS * DAY;
            if within(at) && due > until {
                let mut v = change(at, kind, "plan", id, &title);
                v["due"] = json!(ts(due));
                items.push((at, v));
            }
        }
    }

    // Replies by others to the participant's own comments, on any plan.
    let mut stmt = c.prepare(
        "SELECT r.id, r.parent_id, pl.id, pl.title, r.created_at FROM comments r \
         JOIN comments mine ON mine.id = r.parent_id AND mine.participant_id = ?1 \
         JOIN plans pl ON pl.id = r.plan_id \
         WHERE r.state = 'visible' AND (r.participant_id IS NULL OR r.participant_id != ?1) \
         AND r.created_at > ?2 AND r.created_at <= ?3",
    )?;
    for row in stmt.query_map([me, since, until], |r| {
        let at: i64 = r.get(4)?;
        let mut v = change(at, "reply", "plan", r.get(2)?, &r.get::<_, String>(3)?);
        v["comment_id"] = json!(r.get::<_, i64>(0)?);
        v["parent_id"] = json!(r.get::<_, i64>(1)?);
        Ok((at, v))
    })? {
        items.push(row?);
    }

    let mut stmt = c.prepare(
        "SELECT e.id, e.title, e.status, e.updated_at FROM item_follows f JOIN events e ON e.id = f.item_id \
         WHERE f.participant_id = ?1 AND f.kind = 'event' AND e.updated_at > ?2 AND e.updated_at <= ?3",
    )?;
    for row in stmt.query_map([me, since, until], |r| {
        let at: i64 = r.get(3)?;
        let kind = if r.get::<_, String>(2)? == "cancelled" {
            "event_cancelled"
        } else {
            "event_changed"
        };
        Ok((
            at,
            change(at, kind, "event", r.get(0)?, &r.get::<_, String>(1)?),
        ))
    })? {
        items.push(row?);
    }

    items.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1["kind"].as_str().cmp(&b.1["kind"].as_str()))
            .then_with(|| a.1["item_id"].as_i64().cmp(&b.1["item_id"].as_i64()))
    });
    Ok(items.into_iter().map(|(_, v)| v).collect())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateIn {
    title: Localized3,
    body: Localized3,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized3 {
    fi: String,
    sv: Option<String>,
    en: Option<String>,
}

fn localized(
    v: &Localized3,
    pointer: &str,
    max: usize,
) -> Result<String, crate::error::FieldError> {
    use crate::validate::plain_text;
    let fi = plain_text(&v.fi, &format!("{pointer}/fi"), 1, max, true)?;
    let mut out = json!({"fi": fi});
    for (lang, text) in [("sv", &v.sv), ("en", &v.en)] {
        if let Some(t) = text {
            out[lang] = json!(plain_text(t, &format!("{pointer}/{lang}"), 1, max, true)?);
        }
    }
    Ok(out.to_string())
}

/// `POST /demo/projects/{id}/updates` (only with `--demo`): publishes a project update now, so
/// demonstrations and end-to-end tests can show a followed project changing.
pub async fn demo_add_update(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    super::extract::JsonBody(body): super::extract::JsonBody<UpdateIn>,
) -> ApiResult<(axum::http::StatusCode, Json<Value>)> {
    let id = path_id(&raw, "project")?;
    let mut errors = Vec::new();
    let title = localized(&body.title, "/title", 200).map_err(|e| errors.push(e));
    let text = localized(&body.body, "/body", 4000).map_err(|e| errors.push(e));
    let (Ok(title), Ok(text)) = (title, text) else {
        return Err(ApiError::validation(errors));
    };
    state
        .db
        .write(move |tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM projects WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(ApiError::not_found("project"));
            }
            let t = now();
            tx.execute(
                "INSERT INTO project_updates (project_id, title, body, published_at) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id, title, text, t],
            )?;
            let uid = tx.last_insert_rowid();
            tx.execute(
                "UPDATE projects SET updated_at = ?2 WHERE id = ?1",
                [id, t],
            )?;
            Ok((
                axum::http::StatusCode::CREATED,
                Json(json!({
                    "id": uid, "project_id": id, "title": l10n(&title), "body": l10n(&text),
                    "published_at": ts(t),
                })),
            ))
        })
        .await
}
