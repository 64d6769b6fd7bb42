//! Staff writes to plans: create, change fields, change status; each bumps the version and
//! goes into the audit log in the same transaction.

use serde_json::Value;
use sqlx::AnyConnection;

use super::staff::{get, PlanWrite, StaffPlan, Write};
use crate::db::audit::{self, Actor};
use crate::db::{Db, DbResult};
use crate::l10n::l10n;

/// A lower-case ASCII slug from a Finnish title.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for ch in title.to_lowercase().chars() {
        let ch = match ch {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ó' | 'ò' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "kaava".to_owned()
    } else {
        out
    }
}

async fn free_slug(c: &mut AnyConnection, base: &str, own: Option<i64>) -> DbResult<String> {
    let mut n = 1;
    loop {
        let slug = if n == 1 {
            base.to_owned()
        } else {
            format!("{base}-{n}")
        };
        match super::id_by_slug_in(c, &slug).await? {
            None => return Ok(slug),
            Some(id) if Some(id) == own => return Ok(slug),
            Some(_) => n += 1,
        }
    }
}

async fn write_fields(c: &mut AnyConnection, id: i64, w: &PlanWrite, t: i64) -> DbResult<()> {
    let search = crate::l10n::search_text(&[&w.title, &w.summary, &w.area_name]);
    sqlx::query(
        "UPDATE plans SET title = $1, summary = $2, description = $3, area_name = $4, phase = $5, \
         geometry = $6, min_lon = $7, min_lat = $8, max_lon = $9, max_lat = $10, comments_open_at = $11, \
         comments_close_at = $12, commenting = $13, map_tools = $14, search = $15, updated_at = $16 \
         WHERE id = $17",
    )
    .bind(&w.title)
    .bind(&w.summary)
    .bind(&w.description)
    .bind(&w.area_name)
    .bind(&w.phase)
    .bind(&w.geometry)
    .bind(w.bbox.west)
    .bind(w.bbox.south)
    .bind(w.bbox.east)
    .bind(w.bbox.north)
    .bind(w.opens)
    .bind(w.closes)
    .bind(&w.commenting)
    .bind(&w.map_tools)
    .bind(search)
    .bind(t)
    .bind(id)
    .execute(&mut *c)
    .await?;
    sqlx::query("DELETE FROM plan_contacts WHERE plan_id = $1")
        .bind(id)
        .execute(&mut *c)
        .await?;
    for (i, k) in w.contacts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO plan_contacts (plan_id, position, name, role, organization, email, phone) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(i as i64)
        .bind(&k.name)
        .bind(&k.role)
        .bind(&k.organization)
        .bind(k.email.as_deref())
        .bind(k.phone.as_deref())
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

fn json(p: &StaffPlan) -> Value {
    serde_json::to_value(p).unwrap_or(Value::Null)
}

/// A new draft plan; `t` in microseconds.
pub async fn create(db: &Db, w: &PlanWrite, actor: &Actor, t: i64) -> DbResult<StaffPlan> {
    let mut tx = db.begin().await?;
    let base = match &w.slug {
        Some(s) => s.clone(),
        None => slugify(crate::l10n::pick(&l10n(&w.title), "fi")),
    };
    let slug = free_slug(&mut tx, &base, None).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO plans (slug, title, summary, description, area_name, phase, geometry, \
         min_lon, min_lat, max_lon, max_lat, comments_open_at, comments_close_at, created_at, updated_at, \
         status, version, created_by) \
         VALUES ($1, '{}', '{}', '{}', '{}', 'draft', '{}', 0, 0, 0, 0, 0, 0, $2, $3, 'draft', 1, $4) RETURNING id",
    )
    .bind(slug)
    .bind(t / 1_000_000)
    .bind(t)
    .bind(&actor.sub)
    .fetch_one(&mut *tx)
    .await?;
    write_fields(&mut tx, id, w, t).await?;
    let plan = get(&mut tx, id, "")
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    audit::record(
        &mut tx,
        t,
        actor,
        "create",
        "plan",
        id,
        None,
        Some(&json(&plan)),
    )
    .await?;
    tx.commit().await?;
    Ok(plan)
}

/// What a write to an existing plan changes.
pub enum Change<'a> {
    /// Every field but the status.
    Fields(&'a PlanWrite),
    /// Publish, withdraw to draft, or archive.
    Status(&'a str),
}

/// Applies `change` when the plan is still at `version` (`None`: whatever version it is at);
/// `t` in microseconds.
pub async fn change(
    db: &Db,
    id: i64,
    version: Option<i64>,
    change: Change<'_>,
    actor: &Actor,
    t: i64,
) -> DbResult<Write> {
    let mut tx = db.begin().await?;
    let Some(before) = get(&mut tx, id, db.engine().lock()).await? else {
        return Ok(Write::NotFound);
    };
    if version.is_some_and(|v| v != before.version) {
        return Ok(Write::Stale(Box::new(before)));
    }
    let action = match change {
        Change::Fields(w) => {
            write_fields(&mut tx, id, w, t).await?;
            "update"
        }
        Change::Status(status) => {
            sqlx::query("UPDATE plans SET status = $1, updated_at = $2 WHERE id = $3")
                .bind(status)
                .bind(t)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            "status"
        }
    };
    sqlx::query("UPDATE plans SET version = version + 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let after = get(&mut tx, id, "")
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let (b, a) = (json(&before), json(&after));
    audit::record(&mut tx, t, actor, action, "plan", id, Some(&b), Some(&a)).await?;
    tx.commit().await?;
    Ok(Write::Done(Box::new(after)))
}
