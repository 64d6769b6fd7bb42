//! Plans as staff see and write them: every status, with a version for optimistic locking;
//! every write bumps the version and is kept in the audit log in the same transaction.

use serde::Serialize;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

pub use super::staff_write::{change, create, slugify, Change};

use super::super::sql::{paged, Arg, Filter, Page};
use super::super::{Db, DbResult};
use crate::geo::BBox;
use crate::l10n::l10n;
use crate::time::{ts, ts_us};

/// A validated plan from a staff form; texts per language as JSON object text.
#[derive(Debug, Clone)]
pub struct PlanWrite {
    pub slug: Option<String>,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub area_name: String,
    pub phase: String,
    pub opens: i64,
    pub closes: i64,
    pub geometry: String,
    pub bbox: BBox,
    pub contacts: Vec<ContactWrite>,
    pub commenting: String,
    pub map_tools: String,
}

#[derive(Debug, Clone)]
pub struct ContactWrite {
    pub name: String,
    /// JSON object text per language.
    pub role: String,
    pub organization: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct Period {
    pub opens_at: String,
    pub closes_at: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct ContactOut {
    pub name: String,
    pub role: Value,
    pub organization: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A plan in the staff workspace.
#[derive(Serialize, Debug, Clone)]
pub struct StaffPlan {
    pub id: i64,
    pub slug: String,
    pub status: String,
    pub version: i64,
    pub title: Value,
    pub summary: Value,
    pub description: Value,
    pub area_name: Value,
    pub phase: String,
    pub comment_period: Period,
    pub geometry: Value,
    pub contacts: Vec<ContactOut>,
    pub commenting: String,
    pub map_tools: String,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A plan in the staff list.
#[derive(Serialize, Debug, Clone)]
pub struct StaffPlanSummary {
    pub id: i64,
    pub slug: String,
    pub status: String,
    pub version: i64,
    pub title: Value,
    pub phase: String,
    pub comment_period: Period,
    pub updated_at: String,
}

/// What a write came to.
#[derive(Debug)]
pub enum Write {
    Done(Box<StaffPlan>),
    NotFound,
    /// The plan has another version than the one the writer had; here it is.
    Stale(Box<StaffPlan>),
}

const COLS: &str = "id, slug, status, version, title, summary, description, area_name, phase, \
    comments_open_at, comments_close_at, geometry, commenting, map_tools, created_by, created_at, updated_at";

fn plan_row(r: &AnyRow) -> DbResult<StaffPlan> {
    let text = |i: usize| -> DbResult<Value> { Ok(l10n(&r.try_get::<String, _>(i)?)) };
    Ok(StaffPlan {
        id: r.try_get(0)?,
        slug: r.try_get(1)?,
        status: r.try_get(2)?,
        version: r.try_get(3)?,
        title: text(4)?,
        summary: text(5)?,
        description: text(6)?,
        area_name: text(7)?,
        phase: r.try_get(8)?,
        comment_period: Period {
            opens_at: ts(r.try_get(9)?),
            closes_at: ts(r.try_get(10)?),
        },
        geometry: serde_json::from_str(&r.try_get::<String, _>(11)?).unwrap_or(Value::Null),
        contacts: Vec::new(),
        commenting: r.try_get(12)?,
        map_tools: r.try_get(13)?,
        created_by: r.try_get(14)?,
        created_at: ts(r.try_get(15)?),
        updated_at: ts_us(r.try_get(16)?),
    })
}

/// One plan with its contacts; `lock`: the row stays locked until the transaction ends.
pub async fn get(c: &mut AnyConnection, id: i64, lock: &str) -> DbResult<Option<StaffPlan>> {
    let sql = format!("SELECT {COLS} FROM plans WHERE id = $1{lock}");
    let Some(row) = sqlx::query(&sql).bind(id).fetch_optional(&mut *c).await? else {
        return Ok(None);
    };
    let mut plan = plan_row(&row)?;
    type ContactRow = (String, String, String, Option<String>, Option<String>);
    let contacts: Vec<ContactRow> = sqlx::query_as(
        "SELECT name, role, organization, email, phone FROM plan_contacts \
         WHERE plan_id = $1 ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await?;
    plan.contacts = contacts
        .into_iter()
        .map(|(name, role, organization, email, phone)| ContactOut {
            name,
            role: l10n(&role),
            organization,
            email,
            phone,
        })
        .collect();
    Ok(Some(plan))
}

pub async fn read(db: &Db, id: i64) -> DbResult<Option<StaffPlan>> {
    let mut c = db.reader().acquire().await?;
    get(&mut c, id, "").await
}

/// Every plan, of one status when asked, most recently changed first.
pub async fn list(
    db: &Db,
    status: Option<&str>,
    page: Page,
) -> DbResult<(i64, Vec<StaffPlanSummary>)> {
    let mut w = Filter::new();
    if let Some(s) = status {
        let n = w.arg(Arg::Text(s.to_owned()));
        w.cond(format!("status = ${n}"));
    }
    let cols =
        "id, slug, status, version, title, phase, comments_open_at, comments_close_at, updated_at";
    paged(
        db.reader(),
        "plans",
        cols,
        &w,
        "updated_at DESC, id DESC",
        page,
        |r| {
            Ok(StaffPlanSummary {
                id: r.try_get(0)?,
                slug: r.try_get(1)?,
                status: r.try_get(2)?,
                version: r.try_get(3)?,
                title: l10n(&r.try_get::<String, _>(4)?),
                phase: r.try_get(5)?,
                comment_period: Period {
                    opens_at: ts(r.try_get(6)?),
                    closes_at: ts(r.try_get(7)?),
                },
                updated_at: ts_us(r.try_get(8)?),
            })
        },
    )
    .await
}
