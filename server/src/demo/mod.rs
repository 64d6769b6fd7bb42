//! The demo town: Virtala (sv. Virtby), a fictional riverside town drawn on the map where
//! Porvoo lies, with plans, comments, projects and events whose dates follow "now".
//!
//! The town is data, `server/demo/town.json`, table by table; this module turns its relative
//! instants and dates into real ones at the moment of seeding and hands the rows to storage.

mod big;
mod gen;

pub use big::seed_big_plan;

use serde::Deserialize;
use serde_json::Value;

use crate::db::rows::{self, ColKind, Val};
use crate::db::{migrate, Db, DbResult, Tx};
use crate::secrets::{new_secret, sha256_hex};

const DAY: i64 = 86_400;
const TOWN: &str = include_str!("../../demo/town.json");
/// The advisory lock key of seeding.
pub(crate) const SEED_LOCK: i64 = 7_243_902;

/// Cleans administrator-provided rich text (HTML) before it is stored.
pub fn sanitize_rich(html: &str) -> String {
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .clean(html)
        .to_string()
}

/// Rows of tables as the demo data files hold them.
#[derive(Deserialize)]
pub(crate) struct Data {
    pub tables: Vec<TableData>,
}

#[derive(Deserialize)]
pub(crate) struct TableData {
    pub table: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

pub(crate) fn parse(text: &str) -> Data {
    serde_json::from_str(text).expect("the demo data files are valid")
}

fn date(t: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp(t, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

/// `"D@HH:MM"`: the clock time HH:MM (UTC) D days from the day of `now`.
fn clock(spec: &str, now: i64) -> Option<i64> {
    let (day, hm) = spec.split_once('@')?;
    let (h, m) = hm.split_once(':')?;
    let (day, h, m): (i64, i64, i64) = (day.parse().ok()?, h.parse().ok()?, m.parse().ok()?);
    Some((now.div_euclid(DAY) + day) * DAY + h * 3600 + m * 60)
}

/// The instants stored in microseconds (the others are whole seconds).
const MICROSECONDS: &[(&str, &str)] = &[
    ("comments", "created_at"),
    ("project_updates", "published_at"),
    ("plans", "updated_at"),
    ("events", "updated_at"),
    ("follows", "created_at"),
];

/// One stored value of `table` from its data-file form (see `server/demo/town.json`).
pub(crate) fn value(table: &str, col: &str, kind: ColKind, v: &Value, now: i64) -> Val {
    if col.ends_with("token_hash") {
        return Val::Text(sha256_hex(new_secret().as_bytes()));
    }
    let unit = if MICROSECONDS.contains(&(table, col)) {
        crate::time::US
    } else {
        1
    };
    match v {
        Value::Null => Val::Null,
        Value::Number(n) if col.ends_with("_at") => {
            Val::Int((now + n.as_i64().unwrap_or(0)) * unit)
        }
        Value::String(s) if col.ends_with("_at") => Val::Int(clock(s, now).unwrap_or(now) * unit),
        Value::Number(n) if col == "starts_on" || col == "ends_on" => {
            Val::Text(date(now + n.as_i64().unwrap_or(0) * DAY))
        }
        Value::String(s) if col == "description" => {
            // Localized rich text: each language is cleaned again on the way in.
            let mut map: serde_json::Map<String, Value> =
                serde_json::from_str(s).unwrap_or_default();
            for text in map.values_mut() {
                if let Value::String(html) = text {
                    *html = sanitize_rich(html);
                }
            }
            Val::Text(Value::Object(map).to_string())
        }
        Value::Number(n) => match kind {
            ColKind::Real => Val::Real(n.as_f64().unwrap_or(0.0)),
            _ => n
                .as_i64()
                .map(Val::Int)
                .unwrap_or(Val::Real(n.as_f64().unwrap_or(0.0))),
        },
        Value::String(s) => Val::Text(s.clone()),
        other => Val::Text(other.to_string()),
    }
}

/// The kinds of `cols` in `table`.
pub(crate) async fn kinds(
    tx: &mut Tx,
    db: &Db,
    table: &str,
    cols: &[String],
) -> DbResult<Vec<ColKind>> {
    let all = rows::columns(tx, db.engine(), table).await?;
    Ok(cols
        .iter()
        .map(|c| {
            all.iter()
                .find(|(n, _)| n == c)
                .map(|(_, k)| *k)
                .unwrap_or(ColKind::Text)
        })
        .collect())
}

/// Seeds the demo town when the database has no plans, projects or events. Returns whether it seeded.
pub async fn seed_if_empty(db: &Db, now: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    // Instances starting at once: one seeds, the others find the town there.
    crate::db::exclusive(&mut tx, db.engine(), SEED_LOCK).await?;
    let mut used = 0;
    for table in ["plans", "projects", "events"] {
        used += rows::count(&mut tx, table).await?;
    }
    if used > 0 {
        return Ok(false);
    }
    for t in parse(TOWN).tables {
        let kinds = kinds(&mut tx, db, &t.table, &t.columns).await?;
        for row in &t.rows {
            let vals: Vec<Val> = t
                .columns
                .iter()
                .zip(&kinds)
                .zip(row)
                .map(|((c, k), v)| value(&t.table, c, *k, v, now))
                .collect();
            rows::insert(&mut tx, &t.table, &t.columns, &kinds, &vals).await?;
        }
        rows::reset_identity(&mut tx, db.engine(), &t.table).await?;
    }
    migrate::refresh_search(&mut tx).await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizer_strips_scripts_and_handlers() {
        let out = sanitize_rich("<p onclick=\"x()\">Hei <script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)></p>");
        assert!(!out.contains("script"));
        assert!(!out.contains("onclick"));
        assert!(!out.contains("onerror"));
        assert!(!out.contains("javascript:"));
        assert!(out.contains("<p>Hei"));
    }

    async fn one(db: &Db, sql: &str) -> (i64, i64, i64, i64) {
        sqlx::query_as(sql).fetch_one(db.reader()).await.unwrap()
    }

    async fn text(db: &Db, sql: &str) -> String {
        let (s,): (String,) = sqlx::query_as(sql).fetch_one(db.reader()).await.unwrap();
        s
    }

    #[tokio::test]
    async fn seeds_once_and_deterministically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.sqlite");
        let db = Db::open(path.to_str().unwrap()).await.unwrap();
        let now = 1_790_000_000;
        assert!(seed_if_empty(&db, now).await.unwrap());
        assert!(!seed_if_empty(&db, now).await.unwrap());
        let counts = one(
            &db,
            "SELECT (SELECT COUNT(*) FROM plans), (SELECT COUNT(*) FROM projects), (SELECT COUNT(*) FROM events), \
             (SELECT COUNT(*) FROM comments WHERE plan_id = 1 AND geometry IS NOT NULL)",
        )
        .await;
        assert_eq!((counts.0, counts.1, counts.2), (6, 4, 8));
        assert!(
            (950..=1050).contains(&counts.3),
            "located comments: {}",
            counts.3
        );
        let first = text(&db, "SELECT geometry FROM comments WHERE id = 1").await;
        let dir2 = tempfile::tempdir().unwrap();
        let path2 = dir2.path().join("d.sqlite");
        let db2 = Db::open(path2.to_str().unwrap()).await.unwrap();
        seed_if_empty(&db2, now).await.unwrap();
        let again = text(&db2, "SELECT geometry FROM comments WHERE id = 1").await;
        assert_eq!(first, again);
        let desc = text(&db, "SELECT description FROM plans WHERE id = 1").await;
        assert!(!desc.contains("<script"));
    }

    #[test]
    fn clock_times_and_dates_follow_now() {
        let now = 1_790_000_123;
        assert_eq!(
            clock("2@16:00", now),
            Some((now / DAY + 2) * DAY + 16 * 3600)
        );
        let v = |t: &str, c: &str, k, j: i64| value(t, c, k, &serde_json::json!(j), now);
        assert_eq!(
            v("plans", "starts_on", ColKind::Text, 0),
            Val::Text(date(now))
        );
        assert_eq!(
            v("votes", "created_at", ColKind::Int, -60),
            Val::Int(now - 60)
        );
        assert_eq!(
            v("comments", "created_at", ColKind::Int, -60),
            Val::Int((now - 60) * 1_000_000)
        );
    }
}
