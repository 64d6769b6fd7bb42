//! Whole rows of any table, for seeding the demo town from data and copying a database from
//! one engine to another.

use sqlx::{AnyConnection, Row};

use super::{DbResult, Engine};

/// Every table, parents before children (the order in which rows can be inserted).
pub const TABLES: &[&str] = &[
    "participants",
    "plans",
    "plan_phases",
    "plan_documents",
    "plan_contacts",
    "questions",
    "question_options",
    "comments",
    "comment_answers",
    "votes",
    "reports",
    "projects",
    "project_plans",
    "project_updates",
    "events",
    "registrations",
    "follows",
    "idempotency",
    "rate_limits",
    "audit_log",
];

/// The storage class of a column, the same on both engines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    Int,
    Real,
    Text,
    Blob,
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// The columns of `table` in order, with their kinds.
pub async fn columns(
    c: &mut AnyConnection,
    engine: Engine,
    table: &str,
) -> DbResult<Vec<(String, ColKind)>> {
    let rows: Vec<(String, String)> = match engine {
        Engine::Sqlite => {
            sqlx::query_as("SELECT name, type FROM pragma_table_info($1) ORDER BY cid")
                .bind(table)
                .fetch_all(c)
                .await?
        }
        Engine::Postgres => {
            sqlx::query_as(
                "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(c)
            .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|(name, ty)| {
            let ty = ty.to_ascii_lowercase();
            let kind = if ty.contains("int") {
                ColKind::Int
            } else if ty.contains("real") || ty.contains("double") || ty.contains("float") {
                ColKind::Real
            } else if ty.contains("blob") || ty.contains("bytea") {
                ColKind::Blob
            } else {
                ColKind::Text
            };
            (name, kind)
        })
        .collect())
}

fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bind_row<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    kinds: &[ColKind],
    row: &'q [Val],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for (v, k) in row.iter().zip(kinds) {
        q = match (v, k) {
            (Val::Int(i), _) => q.bind(*i),
            (Val::Real(f), _) => q.bind(*f),
            (Val::Text(s), _) => q.bind(s.as_str()),
            (Val::Blob(b), _) => q.bind(b.as_slice()),
            // A NULL still needs the column's type on PostgreSQL.
            (Val::Null, ColKind::Int) => q.bind(None::<i64>),
            (Val::Null, ColKind::Real) => q.bind(None::<f64>),
            (Val::Null, ColKind::Text) => q.bind(None::<String>),
            (Val::Null, ColKind::Blob) => q.bind(None::<Vec<u8>>),
        };
    }
    q
}

/// The statement inserting the non-NULL values of `row` (a NULL column is left to its default,
/// which is NULL: sqlx 0.8's Any driver declares a NULL f64 as float4 on PostgreSQL, and a
/// statement prepared that way refuses a later f64), with those values and their kinds.
fn insert_sql<'r>(
    table: &str,
    cols: &[String],
    kinds: &[ColKind],
    row: &'r [Val],
    tail: &str,
) -> (String, Vec<ColKind>, Vec<&'r Val>) {
    let kept: Vec<usize> = (0..cols.len()).filter(|&i| row[i] != Val::Null).collect();
    let names: Vec<&str> = kept.iter().map(|&i| cols[i].as_str()).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({}){tail}",
        names.join(", "),
        placeholders(kept.len())
    );
    (
        sql,
        kept.iter().map(|&i| kinds[i]).collect(),
        kept.iter().map(|&i| &row[i]).collect(),
    )
}

/// Inserts one row of `cols` (with `kinds`) into `table`.
pub async fn insert(
    c: &mut AnyConnection,
    table: &str,
    cols: &[String],
    kinds: &[ColKind],
    row: &[Val],
) -> DbResult<()> {
    let (sql, kinds, vals) = insert_sql(table, cols, kinds, row, "");
    let vals: Vec<Val> = vals.into_iter().cloned().collect();
    bind_row(sqlx::query(&sql), &kinds, &vals)
        .execute(c)
        .await?;
    Ok(())
}

/// Inserts one row and returns its new `id`.
pub async fn insert_returning_id(
    c: &mut AnyConnection,
    table: &str,
    cols: &[String],
    kinds: &[ColKind],
    row: &[Val],
) -> DbResult<i64> {
    let (sql, kinds, vals) = insert_sql(table, cols, kinds, row, " RETURNING id");
    let vals: Vec<Val> = vals.into_iter().cloned().collect();
    let r = bind_row(sqlx::query(&sql), &kinds, &vals)
        .fetch_one(c)
        .await?;
    r.try_get(0)
}

/// Every row of `table` (the given columns), in the order of its first column.
pub async fn read_all(
    c: &mut AnyConnection,
    table: &str,
    cols: &[(String, ColKind)],
) -> DbResult<Vec<Vec<Val>>> {
    let names: Vec<&str> = cols.iter().map(|(n, _)| n.as_str()).collect();
    let sql = format!("SELECT {} FROM {table} ORDER BY 1", names.join(", "));
    let rows = sqlx::query(&sql).fetch_all(c).await?;
    rows.iter()
        .map(|r| {
            cols.iter()
                .enumerate()
                .map(|(i, (_, k))| {
                    Ok(match k {
                        ColKind::Int => r.try_get::<Option<i64>, _>(i)?.map(Val::Int),
                        ColKind::Real => r.try_get::<Option<f64>, _>(i)?.map(Val::Real),
                        ColKind::Text => r.try_get::<Option<String>, _>(i)?.map(Val::Text),
                        ColKind::Blob => r.try_get::<Option<Vec<u8>>, _>(i)?.map(Val::Blob),
                    }
                    .unwrap_or(Val::Null))
                })
                .collect()
        })
        .collect()
}

pub async fn count(c: &mut AnyConnection, table: &str) -> DbResult<i64> {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(c)
        .await?;
    Ok(n)
}

/// After rows were inserted with their ids: new rows continue after the largest id.
pub async fn reset_identity(c: &mut AnyConnection, engine: Engine, table: &str) -> DbResult<()> {
    if engine == Engine::Postgres {
        let has_id = columns(c, engine, table)
            .await?
            .iter()
            .any(|(n, _)| n == "id");
        if has_id {
            sqlx::query(&format!(
                "SELECT CAST(setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false) AS BIGINT)"
            ))
            .execute(c)
            .await?;
        }
    }
    Ok(())
}

/// The names of the indexes created by the migrations (not those behind keys), sorted.
pub async fn indexes(c: &mut AnyConnection, engine: Engine) -> DbResult<Vec<String>> {
    let sql = match engine {
        Engine::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        Engine::Postgres => {
            "SELECT CAST(indexname AS TEXT) FROM pg_indexes i WHERE schemaname = current_schema() \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(c).await?;
    let mut names: Vec<String> = rows.into_iter().map(|(n,)| n).collect();
    names.sort();
    Ok(names)
}
