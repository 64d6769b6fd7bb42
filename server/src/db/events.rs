//! Events: list with filters, the areas that have events, detail, what a calendar file needs.

use serde::Serialize;
use serde_json::{json, Value};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::sql::{paged, Arg, Filter, Page};
use super::{Db, DbResult};
use crate::l10n::l10n;
use crate::time::{ts_local, ts_us, US};

pub const TIME_ZONE: &str = "Europe/Helsinki";

#[derive(Serialize, Debug, Clone)]
pub struct Venue {
    pub name: Value,
    pub address: Option<String>,
    pub area: Option<Value>,
    pub accessibility: Option<Value>,
    pub location: Value,
}

#[derive(Serialize, Debug, Clone)]
pub struct Event {
    pub id: i64,
    pub slug: String,
    pub title: Value,
    pub summary: Value,
    pub topics: Value,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: &'static str,
    pub venue: Option<Venue>,
    pub is_online: bool,
    pub online_url: Option<String>,
    pub is_free: bool,
    pub price: Option<Value>,
    pub capacity: Option<i64>,
    pub attending_seats: i64,
    pub remaining_seats: Option<i64>,
    pub waitlist_count: i64,
    pub registration_open: bool,
    pub project_id: Option<i64>,
    pub status: String,
    pub updated_at: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct EventDetail {
    #[serde(flatten)]
    pub event: Event,
    pub description: Value,
    pub calendar_url: String,
}

/// What the event list can be narrowed by.
#[derive(Debug, Default)]
pub struct EventFilter {
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub topic: Option<String>,
    pub bbox: Option<crate::geo::BBox>,
    pub online: Option<bool>,
    pub free: Option<bool>,
    pub like: Option<String>,
    pub area: Option<String>,
}

const COLS: &str = "e.id, e.slug, e.title, e.summary, e.topics, e.starts_at, e.ends_at, e.venue_name, e.venue_address, \
    e.lon, e.lat, e.online_url, e.is_free, e.price, e.capacity, e.project_id, e.status, e.updated_at, \
    (SELECT CAST(COALESCE(SUM(seats), 0) AS BIGINT) FROM registrations r WHERE r.event_id = e.id AND r.status = 'attending'), \
    (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted'), \
    e.venue_area, e.venue_accessibility";

fn event_row(r: &AnyRow, t: i64) -> DbResult<Event> {
    let starts: i64 = r.try_get(5)?;
    let ends: i64 = r.try_get(6)?;
    let venue_name: Option<String> = r.try_get(7)?;
    let lon: Option<f64> = r.try_get(9)?;
    let lat: Option<f64> = r.try_get(10)?;
    let online_url: Option<String> = r.try_get(11)?;
    let capacity: Option<i64> = r.try_get(14)?;
    let attending: i64 = r.try_get(18)?;
    let status: String = r.try_get(16)?;
    let venue = match venue_name {
        None => None,
        Some(n) => Some(Venue {
            name: l10n(&n),
            address: r.try_get(8)?,
            area: r.try_get::<Option<String>, _>(20)?.map(|a| l10n(&a)),
            accessibility: r.try_get::<Option<String>, _>(21)?.map(|a| l10n(&a)),
            location: match (lon, lat) {
                (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                _ => Value::Null,
            },
        }),
    };
    Ok(Event {
        id: r.try_get(0)?,
        slug: r.try_get(1)?,
        title: l10n(&r.try_get::<String, _>(2)?),
        summary: l10n(&r.try_get::<String, _>(3)?),
        topics: serde_json::from_str(&r.try_get::<String, _>(4)?).unwrap_or(json!([])),
        starts_at: ts_local(starts),
        ends_at: ts_local(ends),
        time_zone: TIME_ZONE,
        venue,
        is_online: online_url.is_some(),
        online_url,
        is_free: r.try_get::<i64, _>(12)? != 0,
        price: r.try_get::<Option<String>, _>(13)?.map(|p| l10n(&p)),
        capacity,
        attending_seats: attending,
        remaining_seats: capacity.map(|c| (c - attending).max(0)),
        waitlist_count: r.try_get(19)?,
        registration_open: status == "scheduled" && t < starts,
        project_id: r.try_get(15)?,
        status,
        updated_at: ts_us(r.try_get(17)?),
    })
}

/// Events by start time.
pub async fn list(db: &Db, f: &EventFilter, page: Page, t: i64) -> DbResult<(i64, Vec<Event>)> {
    let engine = db.engine();
    let mut w = Filter::new();
    if let Some(s) = f.start {
        let n = w.arg(Arg::Int(s));
        w.cond(format!("e.ends_at >= ${n}"));
    }
    if let Some(e) = f.end {
        let n = w.arg(Arg::Int(e));
        w.cond(format!("e.starts_at <= ${n}"));
    }
    if let Some(topic) = &f.topic {
        let n = w.arg(Arg::Text(topic.clone()));
        w.cond(engine.json_has_value("e.topics", false, n));
    }
    if let Some(b) = &f.bbox {
        let [we, s, ea, no] = w.bbox_args(b);
        w.cond(format!(
            "e.lon BETWEEN ${we} AND ${ea} AND e.lat BETWEEN ${s} AND ${no}"
        ));
    }
    match f.online {
        Some(true) => w.cond("e.online_url IS NOT NULL"),
        Some(false) => w.cond("e.online_url IS NULL"),
        None => {}
    }
    if let Some(free) = f.free {
        let n = w.arg(Arg::Int(i64::from(free)));
        w.cond(format!("e.is_free = ${n}"));
    }
    if let Some(pattern) = &f.like {
        let n = w.arg(Arg::Text(pattern.clone()));
        w.cond(format!("e.search LIKE ${n} ESCAPE '\\'"));
    }
    if let Some(area) = &f.area {
        // Any language's name of the area matches.
        let n = w.arg(Arg::Text(area.clone()));
        w.cond(engine.json_has_value("e.venue_area", true, n));
    }
    paged(
        db.reader(),
        "events e",
        COLS,
        &w,
        "e.starts_at, e.id",
        page,
        |r| event_row(r, t),
    )
    .await
}

/// The areas of the town that have events, by their Finnish name.
pub async fn areas(db: &Db) -> DbResult<Vec<Value>> {
    let engine = db.engine();
    let sql = format!(
        "SELECT venue_area FROM (SELECT DISTINCT venue_area FROM events WHERE venue_area IS NOT NULL) a \
         ORDER BY {}{}",
        engine.json_text("venue_area", "fi"),
        engine.binary_collation()
    );
    let rows: Vec<(String,)> = sqlx::query_as(&sql).fetch_all(db.reader()).await?;
    Ok(rows.iter().map(|(a,)| l10n(a)).collect())
}

pub async fn detail(db: &Db, id: i64, t: i64) -> DbResult<Option<EventDetail>> {
    let sql = format!("SELECT {COLS}, e.description FROM events e WHERE e.id = $1");
    let Some(r) = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(db.reader())
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(EventDetail {
        event: event_row(&r, t)?,
        description: l10n(&r.try_get::<String, _>(22)?),
        calendar_url: format!("/api/v1/events/{id}/calendar.ics"),
    }))
}

/// The stored fields a calendar file is made of (localized texts as JSON text).
pub struct CalendarRow {
    pub title: String,
    pub summary: String,
    pub starts: i64,
    pub ends: i64,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub online_url: Option<String>,
    pub status: String,
    pub updated: i64,
}

pub async fn calendar_row(db: &Db, id: i64) -> DbResult<Option<CalendarRow>> {
    let r = sqlx::query(
        "SELECT title, summary, starts_at, ends_at, venue_name, venue_address, lon, lat, online_url, \
         status, updated_at FROM events WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    let Some(r) = r else { return Ok(None) };
    Ok(Some(CalendarRow {
        title: r.try_get(0)?,
        summary: r.try_get(1)?,
        starts: r.try_get(2)?,
        ends: r.try_get(3)?,
        venue: r.try_get(4)?,
        address: r.try_get(5)?,
        lon: r.try_get(6)?,
        lat: r.try_get(7)?,
        online_url: r.try_get(8)?,
        status: r.try_get(9)?,
        updated: r.try_get::<i64, _>(10)?.div_euclid(US),
    }))
}
