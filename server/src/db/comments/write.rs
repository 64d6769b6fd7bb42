//! Writing comments: create (replies, places, survey answers), votes, reports.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use super::{load, Comment};
use crate::db::{plans, Db, DbResult};
use crate::survey::{self, Answer, QuestionRule};
use crate::validate::FieldError;

/// Distinct reports after which a comment is hidden until a moderator looks at it.
pub const HIDE_AFTER_REPORTS: i64 = 3;
const HIDDEN_REASON: &str = "Hidden until a moderator reviews reports from readers.";

/// A comment to store, already checked field by field.
pub struct NewComment {
    pub plan_id: i64,
    pub parent_id: Option<i64>,
    pub participant: Option<i64>,
    pub text: String,
    pub nickname: Option<String>,
    /// GeoJSON text and its bounds.
    pub geometry: Option<(String, crate::geo::BBox)>,
    pub answers: Vec<Answer>,
}

pub enum Created {
    Done(Box<Comment>),
    PlanNotFound,
    Closed,
    /// Problems with fields that only the stored data can reveal.
    Invalid(Vec<FieldError>),
}

async fn question_rules(
    c: &mut AnyConnection,
    plan_id: i64,
) -> DbResult<BTreeMap<i64, QuestionRule>> {
    let qs: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT id, kind, required FROM questions WHERE plan_id = $1")
            .bind(plan_id)
            .fetch_all(&mut *c)
            .await?;
    let mut out = BTreeMap::new();
    for (id, kind, required) in qs {
        let opts: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM question_options WHERE question_id = $1")
                .bind(id)
                .fetch_all(&mut *c)
                .await?;
        out.insert(
            id,
            QuestionRule {
                single_choice: kind == "single_choice",
                required: required != 0,
                options: opts.into_iter().map(|(o,)| o).collect(),
            },
        );
    }
    Ok(out)
}

/// Stores a comment written at `t_us` (microseconds).
pub async fn create(db: &Db, new: NewComment, t_us: i64) -> DbResult<Created> {
    let mut tx = db.begin().await?;
    let t = t_us.div_euclid(crate::time::US);
    match plans::comment_period_open(&mut tx, new.plan_id, t).await? {
        None => return Ok(Created::PlanNotFound),
        Some(false) => return Ok(Created::Closed),
        Some(true) => {}
    }
    if let Some(pid) = new.parent_id {
        let parent: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT plan_id, parent_id FROM comments WHERE id = $1")
                .bind(pid)
                .fetch_optional(&mut *tx)
                .await?;
        let problem = match parent {
            Some((p, None)) if p == new.plan_id => None,
            Some((p, Some(_))) if p == new.plan_id => Some(FieldError::new(
                "/parent_id",
                "nested_reply",
                "replies cannot be replied to; reply to the original comment",
            )),
            _ => Some(FieldError::new(
                "/parent_id",
                "not_found",
                "no such comment on this plan",
            )),
        };
        if let Some(p) = problem {
            return Ok(Created::Invalid(vec![p]));
        }
        if !new.answers.is_empty() {
            return Ok(Created::Invalid(vec![FieldError::new(
                "/answers",
                "not_allowed",
                "replies cannot answer the plan's questions",
            )]));
        }
    }
    let rules = question_rules(&mut tx, new.plan_id).await?;
    let errors = survey::check(&rules, &new.answers, new.parent_id.is_none());
    if !errors.is_empty() {
        return Ok(Created::Invalid(errors));
    }
    // A comment without a place binds no coordinates at all: sqlx 0.8's Any driver declares a
    // NULL f64 as float4 on PostgreSQL, and a statement prepared that way refuses a later f64.
    let (geo_cols, geo_args) = match &new.geometry {
        Some(_) => (
            ", geometry, min_lon, min_lat, max_lon, max_lat",
            ", $7, $8, $9, $10, $11",
        ),
        None => ("", ""),
    };
    let sql = format!(
        "INSERT INTO comments (plan_id, parent_id, participant_id, text, nickname, created_at{geo_cols}) \
         VALUES ($1, $2, $3, $4, $5, $6{geo_args}) RETURNING id"
    );
    let mut q = sqlx::query_as(&sql)
        .bind(new.plan_id)
        .bind(new.parent_id)
        .bind(new.participant)
        .bind(new.text)
        .bind(new.nickname)
        .bind(t_us);
    if let Some((g, b)) = new.geometry {
        q = q
            .bind(g)
            .bind(b.west)
            .bind(b.south)
            .bind(b.east)
            .bind(b.north);
    }
    let (id,): (i64,) = q.fetch_one(&mut *tx).await?;
    for a in &new.answers {
        for o in &a.option_ids {
            sqlx::query(
                "INSERT INTO comment_answers (comment_id, question_id, option_id) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(a.question_id)
            .bind(*o)
            .execute(&mut *tx)
            .await?;
        }
    }
    if let Some(pid) = new.parent_id {
        sqlx::query("UPDATE comments SET n_replies = n_replies + 1 WHERE id = $1")
            .bind(pid)
            .execute(&mut *tx)
            .await?;
    }
    let comment = load(&mut tx, id, new.participant).await?;
    tx.commit().await?;
    Ok(comment.map_or(Created::PlanNotFound, |c| Created::Done(Box::new(c))))
}

pub enum Voted {
    Done { n_votes: i64 },
    NotFound,
    Closed,
    Hidden,
}

/// Adds (`on`) or removes the participant's vote; counting it once either way.
pub async fn vote(db: &Db, id: i64, participant: i64, on: bool, t: i64) -> DbResult<Voted> {
    let mut tx = db.begin().await?;
    let sql = format!(
        "SELECT plan_id, state FROM comments WHERE id = $1{}",
        db.engine().lock()
    );
    let row: Option<(i64, String)> = sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((plan_id, st)) = row else {
        return Ok(Voted::NotFound);
    };
    if plans::comment_period_open(&mut tx, plan_id, t).await? != Some(true) {
        return Ok(Voted::Closed);
    }
    if on && st != "visible" {
        return Ok(Voted::Hidden);
    }
    let changed = if on {
        sqlx::query(
            "INSERT INTO votes (comment_id, participant_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(participant)
        .bind(t)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query("DELETE FROM votes WHERE comment_id = $1 AND participant_id = $2")
            .bind(id)
            .bind(participant)
            .execute(&mut *tx)
            .await?
    };
    if changed.rows_affected() > 0 {
        let delta: i64 = if on { 1 } else { -1 };
        sqlx::query("UPDATE comments SET n_votes = n_votes + $2 WHERE id = $1")
            .bind(id)
            .bind(delta)
            .execute(&mut *tx)
            .await?;
    }
    let (n,): (i64,) = sqlx::query_as("SELECT n_votes FROM comments WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Voted::Done { n_votes: n })
}

/// Records a report once per reporter; hides the comment at [`HIDE_AFTER_REPORTS`].
/// `false` when the comment does not exist.
pub async fn report(
    db: &Db,
    id: i64,
    reporter: &str,
    reason: &str,
    details: Option<String>,
    t: i64,
) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    let sql = format!(
        "SELECT id FROM comments WHERE id = $1{}",
        db.engine().lock()
    );
    let row: Option<(i64,)> = sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    if row.is_none() {
        return Ok(false);
    }
    let added = sqlx::query(
        "INSERT INTO reports (comment_id, reporter, reason, details, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(reporter)
    .bind(reason)
    .bind(details)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    if added.rows_affected() > 0 {
        sqlx::query("UPDATE comments SET n_reports = n_reports + 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE comments SET state = 'hidden', hidden_reason = $3 \
             WHERE id = $1 AND state = 'visible' AND n_reports >= $2",
        )
        .bind(id)
        .bind(HIDE_AFTER_REPORTS)
        .bind(HIDDEN_REASON)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
