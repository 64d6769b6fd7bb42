//! Token buckets kept in the database, so that every server instance counts the same budget.

use super::{Db, DbResult};

/// Takes one token from the bucket `key` (`per_minute` tokens, refilled continuously) at
/// `now_ms`; on refusal returns the seconds until one is available.
pub async fn take(db: &Db, key: &str, per_minute: f64, now_ms: i64) -> DbResult<Result<(), u64>> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO rate_limits (key, tokens, updated_ms) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(per_minute)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    let sql = format!(
        "SELECT tokens, updated_ms FROM rate_limits WHERE key = $1{}",
        db.engine().lock()
    );
    let (tokens, updated): (f64, i64) = sqlx::query_as(&sql).bind(key).fetch_one(&mut *tx).await?;
    let rate = per_minute / 60_000.0;
    let tokens = (tokens + (now_ms - updated).max(0) as f64 * rate).min(per_minute);
    let (left, out) = if tokens >= 1.0 {
        (tokens - 1.0, Ok(()))
    } else {
        (
            tokens,
            Err((((1.0 - tokens) / rate) / 1000.0).ceil().max(1.0) as u64),
        )
    };
    sqlx::query("UPDATE rate_limits SET tokens = $2, updated_ms = $3 WHERE key = $1")
        .bind(key)
        .bind(left)
        .bind(now_ms.max(updated))
        .execute(&mut *tx)
        .await?;
    // Buckets that have been full for ten minutes carry no state.
    if now_ms % 64 == 0 {
        sqlx::query("DELETE FROM rate_limits WHERE updated_ms < $1")
            .bind(now_ms - 600_000)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(out)
}
