//! Comments on plans: reading them (here), and writing, voting and reporting (`write`).

mod write;

pub use write::{create, report, vote, Created, NewComment, Voted};

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::sql::{paged, Arg, Filter, Page};
use super::{plans, Db, DbResult};
use crate::time::ts_us;

pub use write::HIDE_AFTER_REPORTS;

#[derive(Serialize, Debug, Clone)]
pub struct Moderation {
    pub state: String,
    pub reason: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct AnswerOut {
    pub question_id: i64,
    pub option_ids: Vec<i64>,
}

/// A comment as readers see it: hidden ones keep their place but lose text, name and geometry.
#[derive(Serialize, Debug, Clone)]
pub struct Comment {
    pub id: i64,
    pub plan_id: i64,
    pub parent_id: Option<i64>,
    pub text: Option<String>,
    pub nickname: Option<String>,
    pub geometry: Option<Value>,
    pub created_at: String,
    pub n_votes: i64,
    pub n_replies: i64,
    pub moderation: Moderation,
    pub answers: Vec<AnswerOut>,
    pub voted: bool,
}

/// How a list of comments is ordered.
#[derive(Clone, Copy, Debug)]
pub enum Sort {
    Newest,
    Oldest,
    Votes,
}

const COLS: &str =
    "c.id, c.plan_id, c.parent_id, c.text, c.nickname, c.geometry, c.created_at, c.n_votes, \
    c.n_replies, c.state, c.hidden_reason";

fn comment_row(r: &AnyRow) -> DbResult<Comment> {
    let state: String = r.try_get(9)?;
    let visible = state == "visible";
    let geometry: Option<String> = r.try_get(5)?;
    Ok(Comment {
        id: r.try_get(0)?,
        plan_id: r.try_get(1)?,
        parent_id: r.try_get(2)?,
        text: if visible { Some(r.try_get(3)?) } else { None },
        nickname: if visible { r.try_get(4)? } else { None },
        geometry: if visible {
            geometry.and_then(|g| serde_json::from_str(&g).ok())
        } else {
            None
        },
        created_at: ts_us(r.try_get(6)?),
        n_votes: r.try_get(7)?,
        n_replies: r.try_get(8)?,
        moderation: Moderation {
            state,
            reason: r.try_get(10)?,
        },
        answers: Vec::new(),
        voted: false,
    })
}

/// Fills `answers` and `voted` for a batch of comments.
async fn decorate(
    c: &mut AnyConnection,
    items: &mut [Comment],
    participant: Option<i64>,
) -> DbResult<()> {
    if items.is_empty() {
        return Ok(());
    }
    // Ids are integers from the database: safe to inline.
    let list = items
        .iter()
        .map(|i| i.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
        "SELECT comment_id, question_id, option_id FROM comment_answers WHERE comment_id IN ({list}) \
         ORDER BY question_id, option_id"
    ))
    .fetch_all(&mut *c)
    .await?;
    let mut answers: HashMap<i64, Vec<AnswerOut>> = HashMap::new();
    for (cid, q, o) in rows {
        let list = answers.entry(cid).or_default();
        match list.last_mut() {
            Some(a) if a.question_id == q => a.option_ids.push(o),
            _ => list.push(AnswerOut {
                question_id: q,
                option_ids: vec![o],
            }),
        }
    }
    let mut voted = BTreeSet::new();
    if let Some(p) = participant {
        let rows: Vec<(i64,)> = sqlx::query_as(&format!(
            "SELECT comment_id FROM votes WHERE participant_id = $1 AND comment_id IN ({list})"
        ))
        .bind(p)
        .fetch_all(&mut *c)
        .await?;
        voted.extend(rows.into_iter().map(|(id,)| id));
    }
    for item in items.iter_mut() {
        item.answers = answers.remove(&item.id).unwrap_or_default();
        item.voted = voted.contains(&item.id);
    }
    Ok(())
}

pub(super) async fn load(
    c: &mut AnyConnection,
    id: i64,
    me: Option<i64>,
) -> DbResult<Option<Comment>> {
    let row = sqlx::query(&format!("SELECT {COLS} FROM comments c WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(&mut *c)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut v = comment_row(&row)?;
    decorate(c, std::slice::from_mut(&mut v), me).await?;
    Ok(Some(v))
}

pub async fn get(db: &Db, id: i64, me: Option<i64>) -> DbResult<Option<Comment>> {
    let mut c = db.reader().acquire().await?;
    load(&mut c, id, me).await
}

/// One page of a plan's comments: top-level ones, or the replies to `parent`; with a `bbox`,
/// only visible located comments that meet it. `None` when the plan does not exist.
pub async fn list(
    db: &Db,
    plan_id: i64,
    parent: Option<i64>,
    bbox: Option<crate::geo::BBox>,
    sort: Sort,
    page: Page,
    me: Option<i64>,
) -> DbResult<Option<(i64, Vec<Comment>)>> {
    if !plans::exists(db, plan_id).await? {
        return Ok(None);
    }
    let mut w = Filter::new();
    let n = w.arg(Arg::Int(plan_id));
    w.cond(format!("c.plan_id = ${n}"));
    match parent {
        Some(p) => {
            let n = w.arg(Arg::Int(p));
            w.cond(format!("c.parent_id = ${n}"));
        }
        None => w.cond("c.parent_id IS NULL"),
    }
    if let Some(b) = &bbox {
        w.cond("c.geometry IS NOT NULL AND c.state = 'visible'");
        w.bbox_overlaps("c", b);
    }
    let order = match sort {
        Sort::Newest => "c.created_at DESC, c.id DESC",
        Sort::Oldest => "c.created_at ASC, c.id ASC",
        Sort::Votes => "c.n_votes DESC, c.id DESC",
    };
    let (count, mut items) = paged(
        db.reader(),
        "comments c",
        COLS,
        &w,
        order,
        page,
        comment_row,
    )
    .await?;
    let mut c = db.reader().acquire().await?;
    decorate(&mut c, &mut items, me).await?;
    Ok(Some((count, items)))
}

/// Every visible located comment of a plan: id, GeoJSON type and bounds, by id.
/// `None` when the plan does not exist.
pub async fn places(
    db: &Db,
    plan_id: i64,
) -> DbResult<Option<Vec<(i64, String, f64, f64, f64, f64)>>> {
    if !plans::exists(db, plan_id).await? {
        return Ok(None);
    }
    let sql = format!(
        "SELECT id, {}, min_lon, min_lat, max_lon, max_lat FROM comments \
         WHERE plan_id = $1 AND state = 'visible' AND geometry IS NOT NULL AND min_lon IS NOT NULL ORDER BY id",
        db.engine().json_text("geometry", "type")
    );
    let rows = sqlx::query_as(&sql)
        .bind(plan_id)
        .fetch_all(db.reader())
        .await?;
    Ok(Some(rows))
}

/// Sets a comment's reply count (seeding writes replies in bulk).
pub async fn set_reply_count(c: &mut AnyConnection, id: i64, n: i64) -> DbResult<()> {
    sqlx::query("UPDATE comments SET n_replies = $2 WHERE id = $1")
        .bind(id)
        .bind(n)
        .execute(c)
        .await?;
    Ok(())
}
