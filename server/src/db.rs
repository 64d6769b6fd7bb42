//! SQLite storage: one writer connection, a few readers, WAL, schema migrations.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::error::{ApiError, ApiResult};

/// Ordered schema migrations; the index + 1 is the `user_version` after applying it.
const MIGRATIONS: &[&str] = &[
    // 1: the initial schema.
    r#"
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    area_name TEXT NOT NULL,
    phase TEXT NOT NULL,
    geometry TEXT NOT NULL,
    min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
    comments_open_at INTEGER NOT NULL,
    comments_close_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE plan_phases (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    PRIMARY KEY (plan_id, phase)
);

CREATE TABLE plan_documents (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL
);

CREATE TABLE plan_contacts (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    organization TEXT NOT NULL,
    email TEXT,
    phone TEXT
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single_choice', 'multiple_choice')),
    text TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE question_options (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES comments(id),
    participant_id INTEGER REFERENCES participants(id),
    text TEXT NOT NULL,
    nickname TEXT,
    geometry TEXT,
    min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
    created_at INTEGER NOT NULL,
    n_votes INTEGER NOT NULL DEFAULT 0,
    n_replies INTEGER NOT NULL DEFAULT 0,
    n_reports INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'visible' CHECK (state IN ('visible', 'hidden')),
    hidden_reason TEXT
);
CREATE INDEX comments_plan_new ON comments(plan_id, parent_id, created_at DESC, id DESC);
CREATE INDEX comments_plan_votes ON comments(plan_id, parent_id, n_votes DESC, id DESC);

CREATE TABLE comment_answers (
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    option_id INTEGER NOT NULL REFERENCES question_options(id),
    PRIMARY KEY (comment_id, question_id, option_id)
);
CREATE INDEX comment_answers_option ON comment_answers(option_id);

CREATE TABLE votes (
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (comment_id, participant_id)
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    reporter TEXT NOT NULL,
    reason TEXT NOT NULL,
    details TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (comment_id, reporter)
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    geometry TEXT,
    starts_on TEXT,
    ends_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE project_plans (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, plan_id)
);

CREATE TABLE project_updates (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at INTEGER NOT NULL
);
CREATE INDEX project_updates_project ON project_updates(project_id, published_at DESC);

CREATE TABLE follows (
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, project_id)
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    topics TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    venue_name TEXT,
    venue_address TEXT,
    lon REAL,
    lat REAL,
    online_url TEXT,
    is_free INTEGER NOT NULL,
    price TEXT,
    capacity INTEGER,
    project_id INTEGER REFERENCES projects(id),
    status TEXT NOT NULL DEFAULT 'scheduled',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_start ON events(starts_at);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    name TEXT NOT NULL,
    email TEXT,
    seats INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('attending', 'waitlisted', 'cancelled')),
    cancel_token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    promoted_at INTEGER,
    cancelled_at INTEGER
);
CREATE INDEX registrations_event ON registrations(event_id, status, id);
CREATE UNIQUE INDEX registrations_one_active ON registrations(event_id, participant_id) WHERE status != 'cancelled';

CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    headers TEXT,
    body BLOB,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
"#,
    // 2: plan pages count visible comments; let that be an index-only count.
    r#"
CREATE INDEX comments_plan_state ON comments(plan_id, state);
"#,
    // 3: expired idempotency records are deleted by age.
    r#"
CREATE INDEX idempotency_created ON idempotency(created_at);
"#,
    // 4: lower-cased text of all languages for case-insensitive search (filled by `refresh_search`).
    r#"
ALTER TABLE plans ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';
"#,
    // 5: participants follow plans and events too (projects keep the `follows` table).
    r#"
CREATE TABLE item_follows (
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'event')),
    item_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, kind, item_id)
);
CREATE INDEX item_follows_item ON item_follows(kind, item_id);
"#,
    // 6: a venue's area of the town (filter) and its accessibility (localized JSON texts).
    r#"
ALTER TABLE events ADD COLUMN venue_area TEXT;
ALTER TABLE events ADD COLUMN venue_accessibility TEXT;
"#,
];

/// Fills the `search` column of rows that do not have it yet.
pub fn refresh_search(conn: &Connection) -> rusqlite::Result<usize> {
    let mut n = 0;
    for (table, cols) in [
        ("plans", "title, summary, area_name"),
        ("projects", "title, summary, ''"),
        ("events", "title, summary, ''"),
    ] {
        let rows: Vec<(i64, String, String, String)> = conn
            .prepare(&format!("SELECT id, {cols} FROM {table} WHERE search = ''"))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, a, b, c) in rows {
            let text = crate::l10n::search_text(&[&a, &b, &c]);
            conn.execute(
                &format!("UPDATE {table} SET search = ?1 WHERE id = ?2"),
                rusqlite::params![text, id],
            )?;
            n += 1;
        }
    }
    Ok(n)
}

fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // FULL: a committed comment survives a power cut too, not only a crash of the process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}

/// Applies pending migrations; returns the schema version.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<usize> {
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        eprintln!("warning: SQLite journal mode is {mode}, not WAL");
    }
    let current: usize =
        conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(MIGRATIONS.len())
}

/// Shared handle to the database.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next: AtomicUsize,
}

impl Db {
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let mut writer = open(path)?;
        migrate(&mut writer)?;
        refresh_search(&writer)?;
        let readers = (0..4)
            .map(|_| open(path).map(Mutex::new))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Db {
            inner: Arc::new(Inner {
                writer: Mutex::new(writer),
                readers,
                next: AtomicUsize::new(0),
            }),
        })
    }

    /// Runs `f` on a reader connection on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> ApiResult<T> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let i = inner.next.fetch_add(1, Ordering::Relaxed) % inner.readers.len();
            let conn = inner.readers[i].lock().unwrap_or_else(|e| e.into_inner());
            f(&conn)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `f` inside an IMMEDIATE transaction on the single writer connection;
    /// commits when it returns Ok, rolls back otherwise.
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction<'_>) -> ApiResult<T> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = inner.writer.lock().unwrap_or_else(|e| e.into_inner());
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Synchronous access to the writer, for start-up work such as seeding.
    pub fn with_writer<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut conn = self.inner.writer.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        let db = Db::open(&path).unwrap();
        let (mode, version): (String, i64) = db.with_writer(|c| {
            (
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
                    .unwrap(),
                c.query_row("PRAGMA user_version", [], |r| r.get(0))
                    .unwrap(),
            )
        });
        assert_eq!(mode, "wal");
        assert_eq!(version as usize, MIGRATIONS.len());
        drop(db);
        // Re-opening must not re-run the migration (it would fail on CREATE TABLE).
        Db::open(&path).unwrap();
    }
}
