//! Zoning plans: the list (here) and the detail page (`detail`).

mod detail;
pub mod staff;
mod staff_write;

pub use detail::*;

use serde::Serialize;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::sql::{paged, Arg, Filter, Page};
use super::{Db, DbResult};
use crate::l10n::l10n;
use crate::time::{ts, ts_us};

#[derive(Serialize, Debug, Clone)]
pub struct CommentPeriod {
    pub opens_at: String,
    pub closes_at: String,
    pub is_open: bool,
}

/// A plan in a list.
#[derive(Serialize, Debug, Clone)]
pub struct PlanSummary {
    pub id: i64,
    pub slug: String,
    pub title: Value,
    pub summary: Value,
    pub area_name: Value,
    pub phase: String,
    pub bbox: [f64; 4],
    pub comment_period: CommentPeriod,
    pub updated_at: String,
    pub n_comments: i64,
}

/// What the plan list can be narrowed by.
#[derive(Debug, Default)]
pub struct PlanFilter {
    pub phase: Option<String>,
    pub open: Option<bool>,
    /// A LIKE pattern over the lower-cased search text.
    pub like: Option<String>,
    pub bbox: Option<crate::geo::BBox>,
}

pub(super) const SUMMARY_COLS: &str = "p.id, p.slug, p.title, p.summary, p.area_name, p.phase, \
    p.min_lon, p.min_lat, p.max_lon, p.max_lat, p.comments_open_at, p.comments_close_at, p.updated_at, \
    (SELECT COUNT(*) FROM comments c WHERE c.plan_id = p.id AND c.state = 'visible')";

pub(super) fn summary_row(r: &AnyRow, t: i64) -> DbResult<PlanSummary> {
    let opens: i64 = r.try_get(10)?;
    let closes: i64 = r.try_get(11)?;
    Ok(PlanSummary {
        id: r.try_get(0)?,
        slug: r.try_get(1)?,
        title: l10n(&r.try_get::<String, _>(2)?),
        summary: l10n(&r.try_get::<String, _>(3)?),
        area_name: l10n(&r.try_get::<String, _>(4)?),
        phase: r.try_get(5)?,
        bbox: [r.try_get(6)?, r.try_get(7)?, r.try_get(8)?, r.try_get(9)?],
        comment_period: CommentPeriod {
            opens_at: ts(opens),
            closes_at: ts(closes),
            is_open: t >= opens && t < closes,
        },
        updated_at: ts_us(r.try_get(12)?),
        n_comments: r.try_get(13)?,
    })
}

/// Open plans first, then by closing date (latest first).
pub async fn list(
    db: &Db,
    f: &PlanFilter,
    page: Page,
    t: i64,
) -> DbResult<(i64, Vec<PlanSummary>)> {
    let mut w = Filter::new();
    // Residents see published plans; drafts never, archived ones only by their address.
    w.cond("p.status = 'published'");
    if let Some(phase) = &f.phase {
        let n = w.arg(Arg::Text(phase.clone()));
        w.cond(format!("p.phase = ${n}"));
    }
    if let Some(open) = f.open {
        let n = w.arg(Arg::Int(t));
        let cond = format!("(p.comments_open_at <= ${n} AND p.comments_close_at > ${n})");
        w.cond(if open { cond } else { format!("NOT {cond}") });
    }
    if let Some(pattern) = &f.like {
        let n = w.arg(Arg::Text(pattern.clone()));
        w.cond(format!("p.search LIKE ${n} ESCAPE '\\'"));
    }
    if let Some(b) = &f.bbox {
        w.bbox_overlaps("p", b);
    }
    let order = format!(
        "CASE WHEN p.comments_open_at <= {t} AND p.comments_close_at > {t} THEN 1 ELSE 0 END DESC, \
         p.comments_close_at DESC, p.id"
    );
    paged(
        db.reader(),
        "plans p",
        SUMMARY_COLS,
        &w,
        &order,
        page,
        |r| summary_row(r, t),
    )
    .await
}

/// Whether residents can see the plan and may comment on it at `t`: `None` when there is no
/// such plan for residents (a draft), `Some(false)` outside the comment period, on an archived
/// plan, or when the plan takes no comments.
pub async fn comment_period_open(
    c: &mut AnyConnection,
    plan_id: i64,
    t: i64,
) -> DbResult<Option<bool>> {
    let row: Option<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT comments_open_at, comments_close_at, status, commenting FROM plans \
         WHERE id = $1 AND status <> 'draft'",
    )
    .bind(plan_id)
    .fetch_optional(c)
    .await?;
    Ok(row.map(|(opens, closes, status, commenting)| {
        opens <= t && closes > t && status == "published" && commenting != "nobody"
    }))
}

pub async fn id_by_slug(db: &Db, slug: &str) -> DbResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM plans WHERE slug = $1")
        .bind(slug)
        .fetch_optional(db.reader())
        .await?;
    Ok(row.map(|(id,)| id))
}

/// The same inside a transaction.
pub async fn id_by_slug_in(c: &mut AnyConnection, slug: &str) -> DbResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM plans WHERE slug = $1")
        .bind(slug)
        .fetch_optional(c)
        .await?;
    Ok(row.map(|(id,)| id))
}

/// Whether residents can see the plan (it is not a draft).
pub async fn exists(db: &Db, plan_id: i64) -> DbResult<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM plans WHERE id = $1 AND status <> 'draft'")
            .bind(plan_id)
            .fetch_optional(db.reader())
            .await?;
    Ok(row.is_some())
}
