//! Schema migrations: numbered `.sql` files, one set per engine, applied in order at start-up.
//!
//! `server/migrations/sqlite/NNNN_name.sql` and `server/migrations/postgres/NNNN_name.sql` come
//! in pairs with the same numbers and names, and lead to the same tables, columns and indexes
//! (a test compares them). SQLite keeps the version in `PRAGMA user_version`, PostgreSQL in the
//! table `schema_version`; each migration runs in its own transaction with the version bump.

use sqlx::{AnyPool, Executor};

use super::{DbResult, Engine, Tx};

/// A migration: its number (the schema version after it) and its SQL for each engine.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

macro_rules! migration {
    ($v:literal, $name:literal) => {
        Migration {
            version: $v,
            name: $name,
            sqlite: include_str!(concat!("../../migrations/sqlite/", $name, ".sql")),
            postgres: include_str!(concat!("../../migrations/postgres/", $name, ".sql")),
        }
    };
}

pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_initial"),
    migration!(2, "0002_comment_counts"),
    migration!(3, "0003_idempotency_age"),
    migration!(4, "0004_search"),
    migration!(5, "0005_item_follows"),
    migration!(6, "0006_venue_details"),
    migration!(7, "0007_one_follow_table"),
    migration!(8, "0008_rate_limits"),
    migration!(9, "0009_precise_instants"),
    migration!(10, "0010_staff_workspace"),
];

fn version_sql(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "PRAGMA user_version",
        Engine::Postgres => "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_version",
    }
}

/// The schema version the database is at.
pub async fn version(pool: &AnyPool, engine: Engine) -> DbResult<i64> {
    let (v,): (i64,) = sqlx::query_as(version_sql(engine)).fetch_one(pool).await?;
    Ok(v)
}

/// Applies the pending migrations; returns the schema version.
pub async fn run(pool: &AnyPool, engine: Engine) -> DbResult<i64> {
    match engine {
        Engine::Sqlite => {
            let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode = WAL")
                .fetch_one(pool)
                .await?;
            if !mode.eq_ignore_ascii_case("wal") {
                tracing::warn!(mode, "SQLite journal mode is not WAL");
            }
        }
        Engine::Postgres => {
            pool.execute(sqlx::raw_sql(
                "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, \
                 applied_at BIGINT NOT NULL)",
            ))
            .await?;
        }
    }
    for m in MIGRATIONS {
        let mut tx: Tx = match engine {
            Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
            Engine::Postgres => pool.begin().await?,
        };
        if engine == Engine::Postgres {
            // Several instances may start at once: one migrates, the others wait and skip.
            tx.execute(sqlx::raw_sql("SELECT pg_advisory_xact_lock(7243901)"))
                .await?;
        }
        let (current,): (i64,) = sqlx::query_as(version_sql(engine))
            .fetch_one(&mut *tx)
            .await?;
        if current >= m.version {
            continue;
        }
        match engine {
            Engine::Sqlite => {
                tx.execute(sqlx::raw_sql(m.sqlite)).await?;
                tx.execute(sqlx::raw_sql(&format!(
                    "PRAGMA user_version = {}",
                    m.version
                )))
                .await?;
            }
            Engine::Postgres => {
                tx.execute(sqlx::raw_sql(m.postgres)).await?;
                sqlx::query("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)")
                    .bind(m.version)
                    .bind(crate::time::now())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        tracing::info!(version = m.version, name = m.name, "migrated the schema");
    }
    version(pool, engine).await
}

/// Fills the `search` column (lower-cased text of every language) of rows that lack it.
pub async fn refresh_search(tx: &mut Tx) -> DbResult<usize> {
    let mut n = 0;
    for (table, cols) in [
        ("plans", "title, summary, area_name"),
        ("projects", "title, summary, ''"),
        ("events", "title, summary, ''"),
    ] {
        let rows: Vec<(i64, String, String, String)> =
            sqlx::query_as(&format!("SELECT id, {cols} FROM {table} WHERE search = ''"))
                .fetch_all(&mut **tx)
                .await?;
        for (id, a, b, c) in rows {
            let text = crate::l10n::search_text(&[&a, &b, &c]);
            sqlx::query(&format!("UPDATE {table} SET search = $1 WHERE id = $2"))
                .bind(text)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn migrates_once_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        let path = path.to_str().unwrap();
        let db = crate::db::Db::open(path).await.unwrap();
        let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
            .fetch_one(db.reader())
            .await
            .unwrap();
        let version = db.schema_version().await.unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(version as usize, MIGRATIONS.len());
        db.close().await;
        // Re-opening must not re-run the migration (it would fail on CREATE TABLE).
        crate::db::Db::open(path).await.unwrap();
    }
}
