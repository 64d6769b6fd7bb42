//! The audit log: every staff write, with who made it and the item before and after, written
//! in the same transaction as the write itself.

use serde::Serialize;
use serde_json::Value;

use super::{Db, DbResult, Tx};
use crate::time::ts_us;

/// Who made a change.
#[derive(Debug, Clone)]
pub struct Actor {
    pub sub: String,
    pub name: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct ActorOut {
    pub sub: String,
    pub name: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub actor: ActorOut,
    pub action: String,
    pub item_type: String,
    pub item_id: i64,
    pub before: Value,
    pub after: Value,
}

/// One change to `item_type` `item_id` at `at` (microseconds).
#[allow(clippy::too_many_arguments)]
pub async fn record(
    tx: &mut Tx,
    at: i64,
    actor: &Actor,
    action: &str,
    item_type: &str,
    item_id: i64,
    before: Option<&Value>,
    after: Option<&Value>,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_sub, actor_name, action, item_type, item_id, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(at)
    .bind(&actor.sub)
    .bind(actor.name.as_deref())
    .bind(action)
    .bind(item_type)
    .bind(item_id)
    .bind(before.map(Value::to_string))
    .bind(after.map(Value::to_string))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type Row = (
    i64,
    i64,
    String,
    Option<String>,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
);

/// The newest `limit` entries, of one item type and item when given.
pub async fn list(
    db: &Db,
    item_type: Option<&str>,
    item_id: Option<i64>,
    limit: i64,
) -> DbResult<Vec<Entry>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, at, actor_sub, actor_name, action, item_type, item_id, before, after \
         FROM audit_log WHERE ($1 = '' OR item_type = $1) AND ($2 = 0 OR item_id = $2) \
         ORDER BY id DESC LIMIT $3",
    )
    .bind(item_type.unwrap_or(""))
    .bind(item_id.unwrap_or(0))
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    let json = |t: Option<String>| {
        t.and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null)
    };
    Ok(rows
        .into_iter()
        .map(
            |(id, at, sub, name, action, item_type, item_id, before, after)| Entry {
                id,
                at: ts_us(at),
                actor: ActorOut { sub, name },
                action,
                item_type,
                item_id,
                before: json(before),
                after: json(after),
            },
        )
        .collect())
}
