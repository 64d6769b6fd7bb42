//! Following projects, plans and events (one table), and what changed in what is followed.

use serde::Serialize;
use serde_json::Value;

use super::{Db, DbResult};
use crate::l10n::l10n;
use crate::time::ts_us;

/// What can be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Project,
    Plan,
    Event,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Project => "project",
            Kind::Plan => "plan",
            Kind::Event => "event",
        }
    }

    fn table(self) -> &'static str {
        match self {
            Kind::Project => "projects",
            Kind::Plan => "plans",
            Kind::Event => "events",
        }
    }
}

/// One followed item: `{kind, id, followed_at}`.
#[derive(Serialize, Debug, Clone)]
pub struct Followed {
    pub kind: String,
    pub id: i64,
    pub followed_at: String,
}

/// Follows (`on`) or unfollows an item at `t_us`; `None` when it does not exist, else its
/// follower count.
pub async fn set(
    db: &Db,
    participant: i64,
    kind: Kind,
    id: i64,
    on: bool,
    t_us: i64,
) -> DbResult<Option<i64>> {
    let mut tx = db.begin().await?;
    let exists: Option<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM {} WHERE id = $1{}",
        kind.table(),
        match kind {
            // A draft plan is not there for residents.
            Kind::Plan => " AND status <> 'draft'",
            _ => "",
        }
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if exists.is_none() {
        return Ok(None);
    }
    if on {
        sqlx::query(
            "INSERT INTO follows (participant_id, kind, item_id, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(participant)
        .bind(kind.code())
        .bind(id)
        .bind(t_us)
        .execute(&mut *tx)
        .await?;
    } else {
        sqlx::query("DELETE FROM follows WHERE participant_id = $1 AND kind = $2 AND item_id = $3")
            .bind(participant)
            .bind(kind.code())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM follows WHERE kind = $1 AND item_id = $2")
            .bind(kind.code())
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    Ok(Some(n))
}

pub async fn is_following(db: &Db, participant: i64, kind: Kind, id: i64) -> DbResult<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT item_id FROM follows WHERE participant_id = $1 AND kind = $2 AND item_id = $3",
    )
    .bind(participant)
    .bind(kind.code())
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    Ok(row.is_some())
}

/// Everything the participant follows, oldest follow first.
pub async fn followed(db: &Db, participant: i64) -> DbResult<Vec<Followed>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT kind, item_id, created_at FROM follows WHERE participant_id = $1 \
         ORDER BY created_at, kind, item_id",
    )
    .bind(participant)
    .fetch_all(db.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, id, at)| Followed {
            kind,
            id,
            followed_at: ts_us(at),
        })
        .collect())
}

/// A project update in a followed project.
pub struct UpdateChange {
    pub update_id: i64,
    pub project_id: i64,
    pub project_title: Value,
    pub title: Value,
    pub at: i64,
}

/// A followed plan, with the instants its changes are counted from (`updated` in
/// microseconds, the comment period in seconds).
pub struct PlanState {
    pub id: i64,
    pub title: Value,
    pub phase: String,
    pub updated: i64,
    pub opens: i64,
    pub closes: i64,
}

/// A reply by someone else to one of the participant's comments.
pub struct ReplyChange {
    pub comment_id: i64,
    pub parent_id: i64,
    pub plan_id: i64,
    pub plan_title: Value,
    pub at: i64,
}

/// A followed event changed (or was cancelled).
pub struct EventChange {
    pub id: i64,
    pub title: Value,
    pub cancelled: bool,
    pub at: i64,
}

/// The raw material of `GET /me/changes` in `(since, until]` (microseconds; every `at` too).
pub struct Changes {
    pub updates: Vec<UpdateChange>,
    pub plans: Vec<PlanState>,
    pub replies: Vec<ReplyChange>,
    pub events: Vec<EventChange>,
}

pub async fn changes(db: &Db, me: i64, since: i64, until: i64) -> DbResult<Changes> {
    let pool = db.reader();
    let updates: Vec<(i64, i64, String, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.project_id, p.title, u.title, u.published_at FROM project_updates u \
         JOIN follows f ON f.kind = 'project' AND f.item_id = u.project_id AND f.participant_id = $1 \
         JOIN projects p ON p.id = u.project_id WHERE u.published_at > $2 AND u.published_at <= $3",
    )
    .bind(me)
    .bind(since)
    .bind(until)
    .fetch_all(pool)
    .await?;
    let plans: Vec<(i64, String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT pl.id, pl.title, pl.phase, pl.updated_at, pl.comments_open_at, pl.comments_close_at \
         FROM follows f JOIN plans pl ON pl.id = f.item_id WHERE f.participant_id = $1 AND f.kind = 'plan'",
    )
    .bind(me)
    .fetch_all(pool)
    .await?;
    let replies: Vec<(i64, i64, i64, String, i64)> = sqlx::query_as(
        "SELECT r.id, r.parent_id, pl.id, pl.title, r.created_at FROM comments r \
         JOIN comments mine ON mine.id = r.parent_id AND mine.participant_id = $1 \
         JOIN plans pl ON pl.id = r.plan_id \
         WHERE r.state = 'visible' AND (r.participant_id IS NULL OR r.participant_id != $1) \
         AND r.created_at > $2 AND r.created_at <= $3",
    )
    .bind(me)
    .bind(since)
    .bind(until)
    .fetch_all(pool)
    .await?;
    let events: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT e.id, e.title, e.status, e.updated_at FROM follows f JOIN events e ON e.id = f.item_id \
         WHERE f.participant_id = $1 AND f.kind = 'event' AND e.updated_at > $2 AND e.updated_at <= $3",
    )
    .bind(me)
    .bind(since)
    .bind(until)
    .fetch_all(pool)
    .await?;
    Ok(Changes {
        updates: updates
            .into_iter()
            .map(|(update_id, project_id, pt, title, at)| UpdateChange {
                update_id,
                project_id,
                project_title: l10n(&pt),
                title: l10n(&title),
                at,
            })
            .collect(),
        plans: plans
            .into_iter()
            .map(|(id, title, phase, updated, opens, closes)| PlanState {
                id,
                title: l10n(&title),
                phase,
                updated,
                opens,
                closes,
            })
            .collect(),
        replies: replies
            .into_iter()
            .map(|(comment_id, parent_id, plan_id, title, at)| ReplyChange {
                comment_id,
                parent_id,
                plan_id,
                plan_title: l10n(&title),
                at,
            })
            .collect(),
        events: events
            .into_iter()
            .map(|(id, title, status, at)| EventChange {
                id,
                title: l10n(&title),
                cancelled: status == "cancelled",
                at,
            })
            .collect(),
    })
}
