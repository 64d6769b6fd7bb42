//! Storage: every SQL statement of the server lives below this module.
//!
//! One repository module per resource, written once for both engines through sqlx's `Any`
//! driver (`$1` placeholders serve SQLite and PostgreSQL alike). What the dialects cannot share
//! (DDL, JSON functions, row locks) is in [`dialect`] and in the per-engine migration files
//! under `server/migrations/`. Nothing here knows about HTTP: functions return rows, records
//! and outcome enums, and `sqlx::Error` for failures.

pub mod audit;
pub mod comments;
pub mod copy;
pub mod dialect;
pub mod events;
pub mod follows;
pub mod idempotency;
pub mod migrate;
pub mod participants;
pub mod plans;
pub mod projects;
pub mod ratelimit;
pub mod registrations;
pub mod rows;
pub mod sql;

use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::pool::PoolOptions;
use sqlx::{Any, AnyPool, ConnectOptions, Executor};

pub use dialect::Engine;

pub type DbResult<T> = Result<T, sqlx::Error>;

/// A write transaction; commits with `tx.commit()`, rolls back when dropped.
pub type Tx = sqlx::Transaction<'static, Any>;

/// Shared handle to the database: a pool for reads and one for writes.
#[derive(Clone)]
pub struct Db {
    engine: Engine,
    read: AnyPool,
    write: AnyPool,
}

/// Where the data lives: a PostgreSQL URL, or else a SQLite file path.
pub fn engine_of(target: &str) -> Engine {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        Engine::Postgres
    } else {
        Engine::Sqlite
    }
}

/// Pool sizes and timeouts.
#[derive(Clone, Debug)]
pub struct PoolConfig {
    /// Connections per instance to PostgreSQL (SQLite: readers; writes use one connection).
    pub max_connections: u32,
    /// Longest a statement may run on PostgreSQL before it is cancelled.
    pub statement_timeout: Duration,
    /// Longest a request waits for a free connection.
    pub acquire_timeout: Duration,
}

impl Default for PoolConfig {
    fn default() -> Self {
        PoolConfig {
            max_connections: 10,
            statement_timeout: Duration::from_secs(10),
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

fn options(url: &str) -> DbResult<AnyConnectOptions> {
    let opts: AnyConnectOptions = url.parse()?;
    // Statements are not logged (their values can be personal data); slow ones are, by text.
    Ok(opts
        .log_statements(log::LevelFilter::Off)
        .log_slow_statements(log::LevelFilter::Warn, Duration::from_secs(2)))
}

impl Db {
    /// Opens (creating a SQLite file when needed) and migrates the database.
    pub async fn open(target: &str) -> DbResult<Db> {
        Self::open_with(target, &PoolConfig::default()).await
    }

    pub async fn open_with(target: &str, cfg: &PoolConfig) -> DbResult<Db> {
        sqlx::any::install_default_drivers();
        let engine = engine_of(target);
        let db = match engine {
            Engine::Sqlite => {
                let url = format!("sqlite://{target}?mode=rwc");
                let setup = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; \
                             PRAGMA synchronous = FULL;";
                let pool = |n: u32| -> PoolOptions<Any> {
                    AnyPoolOptions::new()
                        .max_connections(n)
                        .min_connections(0)
                        .acquire_timeout(cfg.acquire_timeout)
                        .after_connect(move |c, _| {
                            Box::pin(async move {
                                c.execute(sqlx::raw_sql(setup)).await?;
                                Ok(())
                            })
                        })
                };
                // One writer: SQLite takes one write transaction at a time anyway, and
                // queueing in the pool is cheaper than waiting on the file lock.
                let write = pool(1).connect_with(options(&url)?).await?;
                migrate::run(&write, Engine::Sqlite).await?;
                let read = pool(cfg.max_connections.clamp(1, 8))
                    .connect_with(options(&url)?)
                    .await?;
                Db {
                    engine,
                    read,
                    write,
                }
            }
            Engine::Postgres => {
                let timeout_ms = cfg.statement_timeout.as_millis();
                let pool = AnyPoolOptions::new()
                    .max_connections(cfg.max_connections.max(2))
                    .min_connections(1)
                    .acquire_timeout(cfg.acquire_timeout)
                    .after_connect(move |c, _| {
                        Box::pin(async move {
                            c.execute(sqlx::raw_sql(&format!(
                                "SET statement_timeout = {timeout_ms}; \
                                 SET idle_in_transaction_session_timeout = {timeout_ms}; \
                                 SET TIME ZONE 'UTC'"
                            )))
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options(target)?)
                    .await?;
                migrate::run(&pool, Engine::Postgres).await?;
                Db {
                    engine,
                    read: pool.clone(),
                    write: pool,
                }
            }
        };
        let mut tx = db.begin().await?;
        migrate::refresh_search(&mut tx).await?;
        tx.commit().await?;
        Ok(db)
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The pool for reads (autocommit statements).
    pub fn reader(&self) -> &AnyPool {
        &self.read
    }

    /// A write transaction. SQLite: `BEGIN IMMEDIATE` on the single writer connection, so a
    /// transaction that reads before it writes never meets another writer. PostgreSQL: READ
    /// COMMITTED; repositories lock the rows they count on (see [`dialect::Dialect::lock`]).
    pub async fn begin(&self) -> DbResult<Tx> {
        match self.engine {
            Engine::Sqlite => self.write.begin_with("BEGIN IMMEDIATE").await,
            Engine::Postgres => self.write.begin().await,
        }
    }

    /// The schema version, which also proves that the database answers.
    pub async fn schema_version(&self) -> DbResult<i64> {
        migrate::version(&self.read, self.engine).await
    }

    /// Waits for connections in use to be returned and closes them.
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}

/// Makes `tx` the only one holding `key` until it ends, across every instance (PostgreSQL
/// advisory lock; SQLite's `BEGIN IMMEDIATE` already admits one writer at a time).
pub async fn exclusive(tx: &mut Tx, engine: Engine, key: i64) -> DbResult<()> {
    if engine == Engine::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// `true` when the error is a unique-constraint violation (another writer got there first).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => d.is_unique_violation(),
        _ => false,
    }
}
