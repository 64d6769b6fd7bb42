//! Anonymous participants: only a hash of each token is stored.

use super::{Db, DbResult};

/// Stores a new participant; returns its id.
pub async fn create(db: &Db, token_hash: &str, t: i64) -> DbResult<i64> {
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO participants (token_hash, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(token_hash)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The participant whose token hashes to `token_hash`.
pub async fn by_token_hash(db: &Db, token_hash: &str) -> DbResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM participants WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(db.reader())
        .await?;
    Ok(row.map(|(id,)| id))
}

/// What `GET /me` tells about a participant.
pub struct Summary {
    pub created_at: i64,
    pub followed_project_ids: Vec<i64>,
    pub n_votes: i64,
}

pub async fn summary(db: &Db, id: i64) -> DbResult<Summary> {
    let pool = db.reader();
    let (created_at,): (i64,) = sqlx::query_as("SELECT created_at FROM participants WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?;
    let projects: Vec<(i64,)> = sqlx::query_as(
        "SELECT item_id FROM follows WHERE participant_id = $1 AND kind = 'project' ORDER BY item_id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let (n_votes,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM votes WHERE participant_id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?;
    Ok(Summary {
        created_at,
        followed_project_ids: projects.into_iter().map(|(p,)| p).collect(),
        n_votes,
    })
}
