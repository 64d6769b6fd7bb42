//! Upgrading an existing SQLite installation keeps its data: the follows of projects, plans and
//! events in their two old tables land in the one `follows` table, with precise instants.

use std::path::Path;

const BEFORE: &[&str] = &[
    include_str!("../migrations/sqlite/0001_initial.sql"),
    include_str!("../migrations/sqlite/0002_comment_counts.sql"),
    include_str!("../migrations/sqlite/0003_idempotency_age.sql"),
    include_str!("../migrations/sqlite/0004_search.sql"),
    include_str!("../migrations/sqlite/0005_item_follows.sql"),
    include_str!("../migrations/sqlite/0006_venue_details.sql"),
];

/// A database as version 6 of the server left it, with follows in both old tables.
fn version_6(path: &Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    for sql in BEFORE {
        c.execute_batch(sql).unwrap();
    }
    c.execute_batch(
        "PRAGMA user_version = 6;
         INSERT INTO participants (id, token_hash, created_at) VALUES (1, 'h1', 100), (2, 'h2', 100);
         INSERT INTO projects (id, slug, title, summary, description, status, created_at, updated_at)
             VALUES (5, 'p', '{}', '{}', '{}', 'planned', 100, 100);
         INSERT INTO follows (participant_id, project_id, created_at) VALUES (1, 5, 1700000000);
         INSERT INTO item_follows (participant_id, kind, item_id, created_at)
             VALUES (1, 'plan', 3, 1700000001), (2, 'event', 4, 1700000002);",
    )
    .unwrap();
}

#[tokio::test]
async fn follows_of_both_old_tables_survive_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    version_6(&path);
    let db = osallistu_server::db::Db::open(path.to_str().unwrap())
        .await
        .unwrap();
    assert_eq!(
        db.schema_version().await.unwrap(),
        osallistu_server::db::migrate::MIGRATIONS.len() as i64
    );
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT participant_id, kind, item_id, created_at FROM follows ORDER BY created_at",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert_eq!(
        rows,
        vec![
            (1, "project".to_owned(), 5, 1_700_000_000_000_000),
            (1, "plan".to_owned(), 3, 1_700_000_001_000_000),
            (2, "event".to_owned(), 4, 1_700_000_002_000_000),
        ]
    );
    let old: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'item_follows'",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert!(old.is_empty());
}
