//! Following projects, plans and events, and what changed in everything a participant follows
//! (`GET /me/changes`).

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::auth::Participant;
use super::extract::{path_id, PathParam, QueryParams};
use crate::db::follows::{self, Kind};
use crate::error::{ApiError, ApiResult};
use crate::time::{now_us, parse_ts_us, ts, ts_us, US};
use crate::AppState;

/// A comment period opening or closing within this many days counts as a change.
pub const SOON_DAYS: i64 = 7;
const DAY: i64 = 86_400;

/// The answer to following or unfollowing a plan or an event.
#[derive(Serialize)]
pub struct ItemFollow {
    kind: &'static str,
    id: i64,
    following: bool,
    n_followers: i64,
}

/// The answer to following or unfollowing a project (its older shape).
#[derive(Serialize)]
pub struct ProjectFollow {
    project_id: i64,
    following: bool,
    n_followers: i64,
}

async fn set(
    state: &AppState,
    kind: Kind,
    raw: &str,
    participant: i64,
    on: bool,
) -> ApiResult<(i64, i64)> {
    let id = path_id(raw, kind.code())?;
    follows::set(&state.db, participant, kind, id, on, now_us())
        .await?
        .map(|n| (id, n))
        .ok_or_else(|| ApiError::not_found(kind.code()))
}

async fn item(
    state: AppState,
    raw: String,
    p: i64,
    kind: Kind,
    on: bool,
) -> ApiResult<Json<ItemFollow>> {
    let (id, n_followers) = set(&state, kind, &raw, p, on).await?;
    Ok(Json(ItemFollow {
        kind: kind.code(),
        id,
        following: on,
        n_followers,
    }))
}

async fn project(state: AppState, raw: String, p: i64, on: bool) -> ApiResult<Json<ProjectFollow>> {
    let (id, n_followers) = set(&state, Kind::Project, &raw, p, on).await?;
    Ok(Json(ProjectFollow {
        project_id: id,
        following: on,
        n_followers,
    }))
}

macro_rules! follow_handlers {
    ($($name:ident => $f:ident($($arg:expr),*);)*) => {$(
        pub async fn $name(
            State(state): State<AppState>,
            PathParam(raw): PathParam,
            Participant(p): Participant,
        ) -> ApiResult<impl axum::response::IntoResponse> {
            $f(state, raw, p, $($arg),*).await
        }
    )*};
}

follow_handlers! {
    follow_project => project(true);
    unfollow_project => project(false);
    follow_plan => item(Kind::Plan, true);
    unfollow_plan => item(Kind::Plan, false);
    follow_event => item(Kind::Event, true);
    unfollow_event => item(Kind::Event, false);
}

#[derive(Deserialize)]
pub struct ChangesQuery {
    since: Option<String>,
}

/// One change: when, what kind, the followed item it belongs to, and what the kind adds.
#[derive(Serialize, Debug)]
pub struct Change {
    at: String,
    kind: &'static str,
    item_kind: &'static str,
    item_id: i64,
    item_title: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    update_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phase: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<i64>,
}

impl Change {
    fn new(
        at: i64,
        kind: &'static str,
        item_kind: &'static str,
        item_id: i64,
        item_title: Value,
    ) -> Self {
        Change {
            at: ts_us(at),
            kind,
            item_kind,
            item_id,
            item_title,
            update_id: None,
            title: None,
            phase: None,
            due: None,
            comment_id: None,
            parent_id: None,
        }
    }
}

#[derive(Serialize)]
pub struct ChangesOut {
    since: String,
    until: String,
    soon_days: i64,
    items: Vec<Change>,
}

/// `GET /me/changes?since=`: changes in followed projects, plans and events, and replies to the
/// participant's own comments, in `(since, now]`, newest first.
pub async fn changes(
    State(state): State<AppState>,
    Participant(me): Participant,
    QueryParams(q): QueryParams<ChangesQuery>,
) -> ApiResult<Json<ChangesOut>> {
    let since_raw = q
        .since
        .ok_or_else(|| ApiError::bad_query("since", "since is required (RFC 3339 date-time)"))?;
    let since = parse_ts_us(&since_raw)
        .ok_or_else(|| ApiError::bad_query("since", "since must be an RFC 3339 date-time"))?;
    let until = now_us();
    let raw = follows::changes(&state.db, me, since, until).await?;
    Ok(Json(ChangesOut {
        since: ts_us(since),
        until: ts_us(until),
        soon_days: SOON_DAYS,
        items: collect_changes(raw, since, until),
    }))
}

/// The changes of [`changes`], newest first (ties: by kind and item, so the order is stable).
/// Instants are microseconds; a comment period is due at a whole second.
pub fn collect_changes(raw: follows::Changes, since: i64, until: i64) -> Vec<Change> {
    let within = |at: i64| at > since && at <= until;
    let mut items: Vec<(i64, Change)> = Vec::new();
    for u in raw.updates {
        let mut c = Change::new(
            u.at,
            "project_update",
            "project",
            u.project_id,
            u.project_title,
        );
        c.update_id = Some(u.update_id);
        c.title = Some(u.title);
        items.push((u.at, c));
    }
    // Plans: a new phase (the plan's `updated_at` is when its phase last changed) and comment
    // periods that open or close within SOON_DAYS; the notice counts from when it became "soon".
    for p in raw.plans {
        if within(p.updated) {
            let mut c = Change::new(p.updated, "plan_phase", "plan", p.id, p.title.clone());
            c.phase = Some(p.phase.clone());
            items.push((p.updated, c));
        }
        for (kind, due) in [
            ("comments_opening", p.opens),
            ("comments_closing", p.closes),
        ] {
            let at = (due - SOON_DAYS * DAY) * US;
            if within(at) && due * US > until {
                let mut c = Change::new(at, kind, "plan", p.id, p.title.clone());
                c.due = Some(ts(due));
                items.push((at, c));
            }
        }
    }
    for r in raw.replies {
        let mut c = Change::new(r.at, "reply", "plan", r.plan_id, r.plan_title);
        c.comment_id = Some(r.comment_id);
        c.parent_id = Some(r.parent_id);
        items.push((r.at, c));
    }
    for e in raw.events {
        let kind = if e.cancelled {
            "event_cancelled"
        } else {
            "event_changed"
        };
        items.push((e.at, Change::new(e.at, kind, "event", e.id, e.title)));
    }
    items.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.kind.cmp(b.1.kind))
            .then_with(|| a.1.item_id.cmp(&b.1.item_id))
    });
    items.into_iter().map(|(_, c)| c).collect()
}
