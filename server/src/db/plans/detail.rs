//! A plan with everything its page shows: phases, documents, contacts, questions, projects.

use serde::Serialize;
use serde_json::Value;
use sqlx::Row;

use super::{summary_row, PlanSummary, SUMMARY_COLS};
use crate::db::{Db, DbResult};
use crate::domain::PHASES;
use crate::l10n::l10n;
use crate::time::ts;

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
    /// `published`, or `archived` (kept readable by its address, no longer listed).
    pub status: String,
    /// Who may comment: `anyone`, `signed_in`, `strong` or `nobody`.
    pub commenting: String,
    /// Which map tools the comment form offers: `none`, `point` or `all`.
    pub map_tools: String,
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
        "SELECT {SUMMARY_COLS}, p.description, p.geometry, p.created_at, p.status, p.commenting, p.map_tools \
         FROM plans p WHERE p.id = $1 AND p.status <> 'draft'"
    );
    let Some(r) = sqlx::query(&sql).bind(id).fetch_optional(pool).await? else {
        return Ok(None);
    };
    let summary = summary_row(&r, t)?;
    let description = l10n(&r.try_get::<String, _>(14)?);
    let geometry = serde_json::from_str(&r.try_get::<String, _>(15)?).unwrap_or(Value::Null);
    let created_at = ts(r.try_get(16)?);
    let (status, commenting, map_tools) = (r.try_get(17)?, r.try_get(18)?, r.try_get(19)?);
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
        status,
        commenting,
        map_tools,
    }))
}
