//! Event registrations: seats, a first-come waitlist, cancellation by a secret code.
//!
//! Every change takes the event's row lock first (PostgreSQL `FOR UPDATE`; SQLite's single
//! writer), so seat counts hold with any number of server instances.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::{Db, DbResult, Engine};
use crate::time::ts;

#[derive(Serialize, Debug, Clone)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub seats: i64,
    pub status: String,
    pub created_at: String,
    pub promoted_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub waitlist_position: Option<i64>,
}

const COLS: &str = "r.id, r.event_id, r.name, r.email, r.seats, r.status, r.created_at, r.promoted_at, r.cancelled_at, \
    CASE WHEN r.status = 'waitlisted' THEN (SELECT COUNT(*) FROM registrations w WHERE w.event_id = r.event_id \
    AND w.status = 'waitlisted' AND w.id <= r.id) END";

fn reg_row(r: &AnyRow) -> DbResult<Registration> {
    Ok(Registration {
        id: r.try_get(0)?,
        event_id: r.try_get(1)?,
        name: r.try_get(2)?,
        email: r.try_get(3)?,
        seats: r.try_get(4)?,
        status: r.try_get(5)?,
        created_at: ts(r.try_get(6)?),
        promoted_at: r.try_get::<Option<i64>, _>(7)?.map(ts),
        cancelled_at: r.try_get::<Option<i64>, _>(8)?.map(ts),
        waitlist_position: r.try_get(9)?,
    })
}

async fn load(c: &mut AnyConnection, id: i64) -> DbResult<Registration> {
    let row = sqlx::query(&format!(
        "SELECT {COLS} FROM registrations r WHERE r.id = $1"
    ))
    .bind(id)
    .fetch_one(c)
    .await?;
    reg_row(&row)
}

async fn attending_seats(c: &mut AnyConnection, event_id: i64) -> DbResult<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(seats), 0) AS BIGINT) FROM registrations \
         WHERE event_id = $1 AND status = 'attending'",
    )
    .bind(event_id)
    .fetch_one(c)
    .await?;
    Ok(n)
}

/// Locks the event for the rest of the transaction: `(starts_at, capacity, status)`.
async fn lock_event(
    c: &mut AnyConnection,
    engine: Engine,
    event_id: i64,
) -> DbResult<Option<(i64, Option<i64>, String)>> {
    let sql = format!(
        "SELECT starts_at, capacity, status FROM events WHERE id = $1{}",
        engine.lock()
    );
    sqlx::query_as(&sql).bind(event_id).fetch_optional(c).await
}

/// Moves waitlisted registrations to attending, first come first served, while their seats fit.
pub async fn promote(
    c: &mut AnyConnection,
    event_id: i64,
    capacity: Option<i64>,
    t: i64,
) -> DbResult<Vec<i64>> {
    let mut promoted = Vec::new();
    loop {
        let head: Option<(i64, i64)> = sqlx::query_as(
            "SELECT id, seats FROM registrations WHERE event_id = $1 AND status = 'waitlisted' \
             ORDER BY id LIMIT 1",
        )
        .bind(event_id)
        .fetch_optional(&mut *c)
        .await?;
        let Some((rid, seats)) = head else { break };
        if let Some(cap) = capacity {
            if cap - attending_seats(c, event_id).await? < seats {
                break;
            }
        }
        sqlx::query(
            "UPDATE registrations SET status = 'attending', promoted_at = $2 WHERE id = $1",
        )
        .bind(rid)
        .bind(t)
        .execute(&mut *c)
        .await?;
        promoted.push(rid);
    }
    Ok(promoted)
}

pub struct NewRegistration {
    pub event_id: i64,
    pub participant: i64,
    pub name: String,
    pub email: Option<String>,
    pub seats: i64,
    pub cancel_token_hash: String,
}

pub enum Registered {
    Done(Registration),
    EventNotFound,
    Closed,
    ExceedsCapacity,
    AlreadyRegistered,
}

pub async fn register(db: &Db, new: NewRegistration, t: i64) -> DbResult<Registered> {
    let mut tx = db.begin().await?;
    let Some((starts, capacity, status)) = lock_event(&mut tx, db.engine(), new.event_id).await?
    else {
        return Ok(Registered::EventNotFound);
    };
    if status != "scheduled" || t >= starts {
        return Ok(Registered::Closed);
    }
    if matches!(capacity, Some(c) if new.seats > c) {
        return Ok(Registered::ExceedsCapacity);
    }
    let already: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2 AND status != 'cancelled'",
    )
    .bind(new.event_id)
    .bind(new.participant)
    .fetch_optional(&mut *tx)
    .await?;
    if already.is_some() {
        return Ok(Registered::AlreadyRegistered);
    }
    let (waiting,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'waitlisted'",
    )
    .bind(new.event_id)
    .fetch_one(&mut *tx)
    .await?;
    let fits = match capacity {
        None => true,
        Some(cap) => {
            waiting == 0 && attending_seats(&mut tx, new.event_id).await? + new.seats <= cap
        }
    };
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO registrations (event_id, participant_id, name, email, seats, status, cancel_token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(new.event_id)
    .bind(new.participant)
    .bind(new.name)
    .bind(new.email)
    .bind(new.seats)
    .bind(if fits { "attending" } else { "waitlisted" })
    .bind(new.cancel_token_hash)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    let reg = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Registered::Done(reg))
}

pub enum Cancelled {
    Done {
        registration: Registration,
        promoted: usize,
    },
    NotFound,
    AlreadyCancelled,
}

/// Cancels the registration whose cancel code hashes to `token_hash`, then promotes from the
/// waitlist into the seats it freed.
pub async fn cancel(db: &Db, token_hash: &str, t: i64) -> DbResult<Cancelled> {
    let mut tx = db.begin().await?;
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT id, event_id FROM registrations WHERE cancel_token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((id, event_id)) = row else {
        return Ok(Cancelled::NotFound);
    };
    let Some((_, capacity, _)) = lock_event(&mut tx, db.engine(), event_id).await? else {
        return Ok(Cancelled::NotFound);
    };
    // Read again under the event's lock: a concurrent cancel may have won.
    let (status,): (String,) = sqlx::query_as("SELECT status FROM registrations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    if status == "cancelled" {
        return Ok(Cancelled::AlreadyCancelled);
    }
    sqlx::query("UPDATE registrations SET status = 'cancelled', cancelled_at = $2 WHERE id = $1")
        .bind(id)
        .bind(t)
        .execute(&mut *tx)
        .await?;
    let promoted = promote(&mut tx, event_id, capacity, t).await?;
    let registration = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Cancelled::Done {
        registration,
        promoted: promoted.len(),
    })
}

/// The participant's registrations, newest first (at most 500).
pub async fn of_participant(db: &Db, participant: i64) -> DbResult<Vec<Registration>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM registrations r WHERE r.participant_id = $1 ORDER BY r.id DESC LIMIT 500"
    ))
    .bind(participant)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(reg_row).collect()
}
