//! Zoning plans: list, detail (phases, documents, contacts, questions, projects).

use serde::Serialize;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::sql::{paged, Arg, Filter, Page};
use super::{Db, DbResult};
use crate::domain::PHASES;
use crate::l10n::l10n;
use crate::time::ts;

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

#[derive(Serialize, Debug, Clone)]
pub struct PhaseStep {
    pub phase: String,
    pub starts_on: String,
    pub ends_on: Option<String>,
    pub status: &'static str,
}

#[derive(Serialize, Debug, Clone)]
pub struct Document {
    pub id: i64,
    pub title: Value,
    pub url: String,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub media_type: String,
    pub size_bytes: i64,
}

#[derive(Serialize, Debug, Clone)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub role: Value,
    pub organization: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct QuestionOption {
    pub id: i64,
    pub text: Value,
    pub n_answers: i64,
}

#[derive(Serialize, Debug, Clone)]
pub struct Question {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub text: Value,
    pub required: bool,
    pub options: Vec<QuestionOption>,
}

#[derive(Serialize, Debug, Clone)]
pub struct ProjectRef {
    pub id: i64,
    pub title: Value,
}

/// A plan with everything its page shows.
#[derive(Serialize, Debug, Clone)]
pub struct PlanDetail {
    #[serde(flatten)]
    pub summary: PlanSummary,
    pub description: Value,
    pub geometry: Value,
    pub created_at: String,
    pub phases: Vec<PhaseStep>,
    pub documents: Vec<Document>,
    pub contacts: Vec<Contact>,
    pub questions: Vec<Question>,
    pub projects: Vec<ProjectRef>,
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

const SUMMARY_COLS: &str = "p.id, p.slug, p.title, p.summary, p.area_name, p.phase, \
    p.min_lon, p.min_lat, p.max_lon, p.max_lat, p.comments_open_at, p.comments_close_at, p.updated_at, \
    (SELECT COUNT(*) FROM comments c WHERE c.plan_id = p.id AND c.state = 'visible')";

fn summary_row(r: &AnyRow, t: i64) -> DbResult<PlanSummary> {
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
        updated_at: ts(r.try_get(12)?),
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

/// Whether the plan exists and its comment period is open at `t`: `None` when there is no plan.
pub async fn comment_period_open(
    c: &mut AnyConnection,
    plan_id: i64,
    t: i64,
) -> DbResult<Option<bool>> {
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT comments_open_at, comments_close_at FROM plans WHERE id = $1")
            .bind(plan_id)
            .fetch_optional(c)
            .await?;
    Ok(row.map(|(opens, closes)| opens <= t && closes > t))
}

pub async fn id_by_slug(db: &Db, slug: &str) -> DbResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM plans WHERE slug = $1")
        .bind(slug)
        .fetch_optional(db.reader())
        .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn exists(db: &Db, plan_id: i64) -> DbResult<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM plans WHERE id = $1")
        .bind(plan_id)
        .fetch_optional(db.reader())
        .await?;
    Ok(row.is_some())
}

/// The plan's survey questions with the number of visible answers per option.
pub async fn questions(db: &Db, plan_id: i64) -> DbResult<Vec<Question>> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, kind, text, required FROM questions WHERE plan_id = $1 ORDER BY position, id",
    )
    .bind(plan_id)
    .fetch_all(db.reader())
    .await?;
    let mut out = Vec::new();
    for (id, kind, text, required) in rows {
        let opts: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT o.id, o.text, (SELECT COUNT(*) FROM comment_answers a JOIN comments c ON c.id = a.comment_id \
             WHERE a.option_id = o.id AND c.state = 'visible') FROM question_options o WHERE o.question_id = $1 \
             ORDER BY o.position, o.id",
        )
        .bind(id)
        .fetch_all(db.reader())
        .await?;
        out.push(Question {
            id,
            kind,
            text: l10n(&text),
            required: required != 0,
            options: opts
                .into_iter()
                .map(|(id, text, n)| QuestionOption {
                    id,
                    text: l10n(&text),
                    n_answers: n,
                })
                .collect(),
        });
    }
    Ok(out)
}

pub async fn detail(db: &Db, id: i64, t: i64) -> DbResult<Option<PlanDetail>> {
    let pool = db.reader();
    let sql = format!(
        "SELECT {SUMMARY_COLS}, p.description, p.geometry, p.created_at FROM plans p WHERE p.id = $1"
    );
    let Some(r) = sqlx::query(&sql).bind(id).fetch_optional(pool).await? else {
        return Ok(None);
    };
    let summary = summary_row(&r, t)?;
    let description = l10n(&r.try_get::<String, _>(14)?);
    let geometry = serde_json::from_str(&r.try_get::<String, _>(15)?).unwrap_or(Value::Null);
    let created_at = ts(r.try_get(16)?);
    let current_idx = PHASES.iter().position(|p| *p == summary.phase).unwrap_or(0);
    let mut phases: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT phase, starts_on, ends_on FROM plan_phases WHERE plan_id = $1")
            .bind(id)
            .fetch_all(pool)
            .await?;
    phases.sort_by_key(|(p, _, _)| PHASES.iter().position(|x| x == p).unwrap_or(99));
    let phases = phases
        .into_iter()
        .map(|(phase, starts_on, ends_on)| {
            let idx = PHASES.iter().position(|x| *x == phase).unwrap_or(0);
            let status = match idx.cmp(&current_idx) {
                std::cmp::Ordering::Less => "completed",
                std::cmp::Ordering::Equal => "current",
                std::cmp::Ordering::Greater => "upcoming",
            };
            PhaseStep {
                phase,
                starts_on,
                ends_on,
                status,
            }
        })
        .collect();
    let documents: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, title, url, doc_type, media_type, size_bytes FROM plan_documents \
         WHERE plan_id = $1 ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    type ContactRow = (i64, String, String, String, Option<String>, Option<String>);
    let contacts: Vec<ContactRow> = sqlx::query_as(
        "SELECT id, name, role, organization, email, phone FROM plan_contacts \
             WHERE plan_id = $1 ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let projects: Vec<(i64, String)> = sqlx::query_as(
        "SELECT pr.id, pr.title FROM project_plans pp JOIN projects pr ON pr.id = pp.project_id \
         WHERE pp.plan_id = $1 ORDER BY pr.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(Some(PlanDetail {
        summary,
        description,
        geometry,
        created_at,
        phases,
        documents: documents
            .into_iter()
            .map(
                |(id, title, url, doc_type, media_type, size_bytes)| Document {
                    id,
                    title: l10n(&title),
                    url,
                    doc_type,
                    media_type,
                    size_bytes,
                },
            )
            .collect(),
        contacts: contacts
            .into_iter()
            .map(|(id, name, role, organization, email, phone)| Contact {
                id,
                name,
                role: l10n(&role),
                organization,
                email,
                phone,
            })
            .collect(),
        questions: questions(db, id).await?,
        projects: projects
            .into_iter()
            .map(|(id, title)| ProjectRef {
                id,
                title: l10n(&title),
            })
            .collect(),
    }))
}
