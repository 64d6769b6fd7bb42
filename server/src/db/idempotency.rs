//! Stored answers to POSTs with an `Idempotency-Key`, shared by every server instance.

use super::{is_unique_violation, Db, DbResult};

/// Stored answers are kept this long.
pub const RETENTION_SECS: i64 = 24 * 3600;
/// A claim whose request died without an answer is released after this long.
pub const STALE_CLAIM_SECS: i64 = 60;

/// What a key's record says when a request with it arrives.
pub enum Claim {
    /// The key is new: this request runs and its answer will be stored.
    Fresh,
    /// The same request was answered: status, saved headers (JSON), body.
    Replay(u16, String, Vec<u8>),
    /// The same key is still being answered elsewhere.
    InFlight,
    /// The key was used for a different request.
    Mismatch,
}

type Stored = (String, Option<i64>, Option<String>, Option<Vec<u8>>, i64);

/// Claims `key` in `scope` for a request with `fingerprint`, or reports what holds it.
pub async fn claim(db: &Db, scope: &str, key: &str, fingerprint: &str, t: i64) -> DbResult<Claim> {
    // Two instances may claim the same new key at once: the loser of the insert looks again.
    for _ in 0..3 {
        let mut tx = db.begin().await?;
        sqlx::query("DELETE FROM idempotency WHERE created_at < $1")
            .bind(t - RETENTION_SECS)
            .execute(&mut *tx)
            .await?;
        let sql = format!(
            "SELECT fingerprint, status, headers, body, created_at FROM idempotency \
             WHERE scope = $1 AND key = $2{}",
            db.engine().lock()
        );
        let row: Option<Stored> = sqlx::query_as(&sql)
            .bind(scope)
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?;
        let row = match row {
            Some((_, None, _, _, created)) if created < t - STALE_CLAIM_SECS => {
                sqlx::query("DELETE FROM idempotency WHERE scope = $1 AND key = $2")
                    .bind(scope)
                    .bind(key)
                    .execute(&mut *tx)
                    .await?;
                None
            }
            other => other,
        };
        let out = match row {
            None => {
                let inserted = sqlx::query(
                    "INSERT INTO idempotency (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(scope)
                .bind(key)
                .bind(fingerprint)
                .bind(t)
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => Claim::Fresh,
                    Err(e) if is_unique_violation(&e) => continue,
                    Err(e) => return Err(e),
                }
            }
            Some((fp, _, _, _, _)) if fp != fingerprint => Claim::Mismatch,
            Some((_, None, _, _, _)) => Claim::InFlight,
            Some((_, Some(status), headers, body, _)) => Claim::Replay(
                u16::try_from(status).unwrap_or(200),
                headers.unwrap_or_default(),
                body.unwrap_or_default(),
            ),
        };
        tx.commit().await?;
        return Ok(out);
    }
    Ok(Claim::InFlight)
}

/// Stores the answer of a fresh claim, or (`keep` false) releases the key for a retry.
pub async fn finish(
    db: &Db,
    scope: &str,
    key: &str,
    answer: Option<(u16, String, Vec<u8>)>,
) -> DbResult<()> {
    let mut tx = db.begin().await?;
    match answer {
        Some((status, headers, body)) => {
            sqlx::query(
                "UPDATE idempotency SET status = $1, headers = $2, body = $3 WHERE scope = $4 AND key = $5",
            )
            .bind(i64::from(status))
            .bind(headers)
            .bind(body)
            .bind(scope)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM idempotency WHERE scope = $1 AND key = $2")
                .bind(scope)
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
