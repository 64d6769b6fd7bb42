//! Projects: list, detail, updates.

use serde::Serialize;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::sql::{paged, Arg, Filter, Page};
use super::{Db, DbResult};
use crate::l10n::l10n;
use crate::time::{ts, ts_local, ts_us, US};

#[derive(Serialize, Debug, Clone)]
pub struct ProjectSummary {
    pub id: i64,
    pub slug: String,
    pub title: Value,
    pub summary: Value,
    pub status: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub updated_at: String,
    pub n_followers: i64,
    pub last_update_at: Option<String>,
    pub area_name: Option<Value>,
    pub geometry: Value,
}

#[derive(Serialize, Debug, Clone)]
pub struct PlanRef {
    pub id: i64,
    pub title: Value,
    pub phase: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct EventRef {
    pub id: i64,
    pub title: Value,
    pub starts_at: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub summary: ProjectSummary,
    pub description: Value,
    pub created_at: String,
    pub plans: Vec<PlanRef>,
    pub events: Vec<EventRef>,
    pub following: bool,
}

#[derive(Serialize, Debug, Clone)]
pub struct Update {
    pub id: i64,
    pub project_id: i64,
    pub title: Value,
    pub body: Value,
    pub published_at: String,
}

const COLS: &str =
    "p.id, p.slug, p.title, p.summary, p.status, p.starts_on, p.ends_on, p.updated_at, \
    (SELECT COUNT(*) FROM follows f WHERE f.kind = 'project' AND f.item_id = p.id), \
    (SELECT MAX(published_at) FROM project_updates u WHERE u.project_id = p.id), \
    (SELECT pl.area_name FROM project_plans pp JOIN plans pl ON pl.id = pp.plan_id \
     WHERE pp.project_id = p.id AND pl.status <> 'draft' ORDER BY pl.id LIMIT 1), p.geometry";

fn summary_row(r: &AnyRow) -> DbResult<ProjectSummary> {
    Ok(ProjectSummary {
        id: r.try_get(0)?,
        slug: r.try_get(1)?,
        title: l10n(&r.try_get::<String, _>(2)?),
        summary: l10n(&r.try_get::<String, _>(3)?),
        status: r.try_get(4)?,
        starts_on: r.try_get(5)?,
        ends_on: r.try_get(6)?,
        updated_at: ts(r.try_get(7)?),
        n_followers: r.try_get(8)?,
        last_update_at: r.try_get::<Option<i64>, _>(9)?.map(ts_us),
        area_name: r.try_get::<Option<String>, _>(10)?.map(|a| l10n(&a)),
        geometry: r
            .try_get::<Option<String>, _>(11)?
            .and_then(|g| serde_json::from_str(&g).ok())
            .unwrap_or(Value::Null),
    })
}

/// Most recently updated first; `status` and a LIKE pattern over the search text narrow it.
pub async fn list(
    db: &Db,
    status: Option<&str>,
    like: Option<&str>,
    page: Page,
) -> DbResult<(i64, Vec<ProjectSummary>)> {
    let mut w = Filter::new();
    if let Some(s) = status {
        let n = w.arg(Arg::Text(s.to_owned()));
        w.cond(format!("p.status = ${n}"));
    }
    if let Some(pattern) = like {
        let n = w.arg(Arg::Text(pattern.to_owned()));
        w.cond(format!("p.search LIKE ${n} ESCAPE '\\'"));
    }
    paged(
        db.reader(),
        "projects p",
        COLS,
        &w,
        "p.updated_at DESC, p.id",
        page,
        summary_row,
    )
    .await
}

pub async fn exists(db: &Db, id: i64) -> DbResult<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(db.reader())
        .await?;
    Ok(row.is_some())
}

pub async fn detail(db: &Db, id: i64, me: Option<i64>) -> DbResult<Option<ProjectDetail>> {
    let pool = db.reader();
    let sql = format!("SELECT {COLS}, p.description, p.created_at FROM projects p WHERE p.id = $1");
    let Some(r) = sqlx::query(&sql).bind(id).fetch_optional(pool).await? else {
        return Ok(None);
    };
    let plans: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT pl.id, pl.title, pl.phase FROM project_plans pp JOIN plans pl ON pl.id = pp.plan_id \
         WHERE pp.project_id = $1 AND pl.status <> 'draft' ORDER BY pl.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let events: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, title, starts_at FROM events WHERE project_id = $1 ORDER BY starts_at, id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let following = match me {
        Some(p) => super::follows::is_following(db, p, super::follows::Kind::Project, id).await?,
        None => false,
    };
    Ok(Some(ProjectDetail {
        summary: summary_row(&r)?,
        description: l10n(&r.try_get::<String, _>(12)?),
        created_at: ts(r.try_get(13)?),
        plans: plans
            .into_iter()
            .map(|(id, title, phase)| PlanRef {
                id,
                title: l10n(&title),
                phase,
            })
            .collect(),
        events: events
            .into_iter()
            .map(|(id, title, starts)| EventRef {
                id,
                title: l10n(&title),
                starts_at: ts_local(starts),
            })
            .collect(),
        following,
    }))
}

/// One page of a project's updates, newest first; `None` when the project does not exist.
pub async fn updates(db: &Db, id: i64, page: Page) -> DbResult<Option<(i64, Vec<Update>)>> {
    if !exists(db, id).await? {
        return Ok(None);
    }
    let mut w = Filter::new();
    let n = w.arg(Arg::Int(id));
    w.cond(format!("u.project_id = ${n}"));
    let cols = "u.id, u.project_id, u.title, u.body, u.published_at";
    let (count, items) = paged(
        db.reader(),
        "project_updates u",
        cols,
        &w,
        "u.published_at DESC, u.id DESC",
        page,
        update_row,
    )
    .await?;
    Ok(Some((count, items)))
}

fn update_row(r: &AnyRow) -> DbResult<Update> {
    Ok(Update {
        id: r.try_get(0)?,
        project_id: r.try_get(1)?,
        title: l10n(&r.try_get::<String, _>(2)?),
        body: l10n(&r.try_get::<String, _>(3)?),
        published_at: ts_us(r.try_get(4)?),
    })
}

/// The project's title and last change, and its newest `limit` updates, for a feed.
pub async fn feed(
    db: &Db,
    id: i64,
    limit: i64,
) -> DbResult<Option<((String, i64), Vec<(i64, String, String, i64)>)>> {
    let project: Option<(String, i64)> =
        sqlx::query_as("SELECT title, updated_at FROM projects WHERE id = $1")
            .bind(id)
            .fetch_optional(db.reader())
            .await?;
    let Some(project) = project else {
        return Ok(None);
    };
    let updates = sqlx::query_as(
        "SELECT id, title, body, published_at FROM project_updates WHERE project_id = $1 \
         ORDER BY published_at DESC, id DESC LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    Ok(Some((project, updates)))
}

/// Publishes an update at `t_us` (demo endpoint); `None` when the project does not exist.
/// Publishes an update of project `id` at `t_us`; `None` when there is no such project. With
/// an `actor` (a member of staff) the update is also written to the audit log.
pub async fn add_update(
    db: &Db,
    id: i64,
    title: String,
    body: String,
    t_us: i64,
    actor: Option<&super::audit::Actor>,
) -> DbResult<Option<Update>> {
    let mut tx = db.begin().await?;
    let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM projects WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Ok(None);
    }
    let (uid,): (i64,) = sqlx::query_as(
        "INSERT INTO project_updates (project_id, title, body, published_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(id)
    .bind(&title)
    .bind(&body)
    .bind(t_us)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE projects SET updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(t_us.div_euclid(US))
        .execute(&mut *tx)
        .await?;
    let update = Update {
        id: uid,
        project_id: id,
        title: l10n(&title),
        body: l10n(&body),
        published_at: ts_us(t_us),
    };
    if let Some(actor) = actor {
        let after = serde_json::to_value(&update).unwrap_or(Value::Null);
        let action = "post_update";
        super::audit::record(
            &mut tx,
            t_us,
            actor,
            action,
            "project",
            id,
            None,
            Some(&after),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Some(update))
}
