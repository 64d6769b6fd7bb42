//! Events: list, detail, registrations with a waitlist, cancellation by secret token, iCalendar.

use axum::extract::State;

use super::extract::PathParam;
use super::sql::bind_bbox;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Participant;
use super::extract::{de_opt_bool, path_id, JsonBody, QueryParams};
use super::query::page;
use super::sql::paged;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::l10n::{l10n, pick};
use crate::secrets::{new_secret, sha256_hex};
use crate::time::{now, parse_ts, ts, ts_local};
use crate::validate::plain_text;
use crate::AppState;

pub const TIME_ZONE: &str = "Europe/Helsinki";
pub const MAX_SEATS: i64 = 10;

#[derive(Deserialize)]
pub struct EventQuery {
    start: Option<String>,
    end: Option<String>,
    topic: Option<String>,
    bbox: Option<String>,
    #[serde(default, deserialize_with = "de_opt_bool")]
    online: Option<bool>,
    #[serde(default, deserialize_with = "de_opt_bool")]
    free: Option<bool>,
    q: Option<String>,
    area: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

const COLS: &str = "e.id, e.slug, e.title, e.summary, e.topics, e.starts_at, e.ends_at, e.venue_name, e.venue_address, \
    e.lon, e.lat, e.online_url, e.is_free, e.price, e.capacity, e.project_id, e.status, e.updated_at, \
    (SELECT COALESCE(SUM(seats), 0) FROM registrations r WHERE r.event_id = e.id AND r.status = 'attending'), \
    (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted'), \
    e.venue_area, e.venue_accessibility";

fn event_row(r: &rusqlite::Row<'_>, t: i64) -> rusqlite::Result<Value> {
    let starts: i64 = r.get(5)?;
    let ends: i64 = r.get(6)?;
    let venue_name: Option<String> = r.get(7)?;
    let lon: Option<f64> = r.get(9)?;
    let lat: Option<f64> = r.get(10)?;
    let online_url: Option<String> = r.get(11)?;
    let capacity: Option<i64> = r.get(14)?;
    let attending: i64 = r.get(18)?;
    let status: String = r.get(16)?;
    let venue = venue_name.map(|n| {
        json!({
            "name": l10n(&n),
            "address": r.get::<_, Option<String>>(8).ok().flatten(),
            "area": r.get::<_, Option<String>>(20).ok().flatten().map(|a| l10n(&a)),
            "accessibility": r.get::<_, Option<String>>(21).ok().flatten().map(|a| l10n(&a)),
            "location": match (lon, lat) {
                (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                _ => Value::Null,
            },
        })
    });
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "slug": r.get::<_, String>(1)?,
        "title": l10n(&r.get::<_, String>(2)?),
        "summary": l10n(&r.get::<_, String>(3)?),
        "topics": serde_json::from_str::<Value>(&r.get::<_, String>(4)?).unwrap_or(json!([])),
        "starts_at": ts_local(starts),
        "ends_at": ts_local(ends),
        "time_zone": TIME_ZONE,
        "venue": venue,
        "is_online": online_url.is_some(),
        "online_url": online_url,
        "is_free": r.get::<_, bool>(12)?,
        "price": r.get::<_, Option<String>>(13)?.map(|p| l10n(&p)),
        "capacity": capacity,
        "attending_seats": attending,
        "remaining_seats": capacity.map(|c| (c - attending).max(0)),
        "waitlist_count": r.get::<_, i64>(19)?,
        "registration_open": status == "scheduled" && t < starts,
        "project_id": r.get::<_, Option<i64>>(15)?,
        "status": status,
        "updated_at": ts(r.get(17)?),
    }))
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<EventQuery>,
) -> ApiResult<Json<Value>> {
    let pg = page(q.limit, q.offset, 20, 100)?;
    let mut wh = vec!["1=1".to_owned()];
    let mut params: Vec<Sql> = Vec::new();
    if let Some(s) = &q.start {
        let s = parse_ts(s)
            .ok_or_else(|| ApiError::bad_query("start", "start must be an RFC 3339 date-time"))?;
        params.push(Sql::Integer(s));
        wh.push(format!("e.ends_at >= ?{}", params.len()));
    }
    if let Some(e) = &q.end {
        let e = parse_ts(e)
            .ok_or_else(|| ApiError::bad_query("end", "end must be an RFC 3339 date-time"))?;
        params.push(Sql::Integer(e));
        wh.push(format!("e.starts_at <= ?{}", params.len()));
    }
    if let Some(topic) = &q.topic {
        if topic.is_empty() || topic.chars().count() > 50 {
            return Err(ApiError::bad_query(
                "topic",
                "topic must have 1 to 50 characters",
            ));
        }
        params.push(Sql::Text(topic.clone()));
        wh.push(format!(
            "EXISTS (SELECT 1 FROM json_each(e.topics) j WHERE j.value = ?{})",
            params.len()
        ));
    }
    if let Some(b) = &q.bbox {
        let b = bind_bbox(b, &mut params)?;
        wh.push(format!(
            "e.lon BETWEEN ?{} AND ?{} AND e.lat BETWEEN ?{} AND ?{}",
            b.west, b.east, b.south, b.north
        ));
    }
    if let Some(online) = q.online {
        wh.push(
            if online {
                "e.online_url IS NOT NULL"
            } else {
                "e.online_url IS NULL"
            }
            .into(),
        );
    }
    if let Some(free) = q.free {
        wh.push(format!("e.is_free = {}", i64::from(free)));
    }
    if let Some(pattern) = super::query::like_pattern(q.q.as_deref())? {
        params.push(Sql::Text(pattern));
        wh.push(format!("e.search LIKE ?{} ESCAPE '\\'", params.len()));
    }
    if let Some(area) = &q.area {
        if area.is_empty() || area.chars().count() > 100 {
            return Err(ApiError::bad_query(
                "area",
                "area must have 1 to 100 characters",
            ));
        }
        // Any language's name of the area matches.
        params.push(Sql::Text(area.clone()));
        wh.push(format!(
            "EXISTS (SELECT 1 FROM json_each(e.venue_area) j WHERE j.value = ?{})",
            params.len()
        ));
    }
    let where_sql = wh.join(" AND ");
    let t = now();
    state
        .db
        .read(move |c| {
            let (count, items) = paged(
                c,
                "events e",
                COLS,
                &where_sql,
                "e.starts_at, e.id",
                &params,
                pg,
                |r| event_row(r, t),
            )?;
            Ok(Json(
                json!({"count": count, "limit": pg.limit, "offset": pg.offset, "items": items}),
            ))
        })
        .await
}

/// `GET /events/areas`: the areas of the town that have events, for the list's filter.
pub async fn areas(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |c| {
            let mut stmt = c.prepare(
                "SELECT DISTINCT venue_area FROM events WHERE venue_area IS NOT NULL \
                 ORDER BY json_extract(venue_area, '$.fi')",
            )?;
            let items: Vec<Value> = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .iter()
                .map(|a| l10n(a))
                .collect();
            Ok(Json(json!({ "items": items })))
        })
        .await
}

fn load_event(c: &Connection, id: i64) -> ApiResult<Value> {
    let t = now();
    let mut v = c
        .query_row(
            &format!("SELECT {COLS}, e.description FROM events e WHERE e.id = ?1"),
            [id],
            |r| {
                let mut v = event_row(r, t)?;
                v["description"] = l10n(&r.get::<_, String>(22)?);
                Ok(v)
            },
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found("event"))?;
    v["calendar_url"] = json!(format!("/api/v1/events/{id}/calendar.ics"));
    Ok(v)
}

pub async fn detail(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
) -> ApiResult<Json<Value>> {
    let id = path_id(&raw, "event")?;
    state.db.read(move |c| load_event(c, id).map(Json)).await
}

#[derive(Deserialize)]
pub struct IcsQuery {
    lang: Option<String>,
}

fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let w = ch.len_utf8();
        if width + w > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += w;
    }
    out.push_str("\r\n");
    out
}

fn ics_time(secs: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The app's address of the event page, for the calendar file's `URL`: the origin the request
/// came to (the server serves the app) plus the app's `base_path` from `dist/config.json`.
/// `None` when the request has no usable `Host`.
fn event_page_url(state: &AppState, headers: &HeaderMap, id: i64) -> Option<String> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(',').next().unwrap_or("").trim().to_owned())
    };
    let proxied = state.config.trust_proxy;
    let host = proxied
        .then(|| header("x-forwarded-host"))
        .flatten()
        .or_else(|| header("host"))?;
    let host_ok = !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    if !host_ok {
        return None;
    }
    let scheme = match proxied.then(|| header("x-forwarded-proto")).flatten() {
        Some(p) if p == "https" => "https",
        _ => "http",
    };
    let base = app_base_path(&state.config.dist);
    Some(format!("{scheme}://{host}{base}/events/{id}"))
}

/// `base_path` of the app's `config.json` (`""` when served at the root), kept only when it
/// is a plain path.
fn app_base_path(dist: &std::path::Path) -> String {
    let base = std::fs::read(dist.join("config.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|c| {
            c.get("base_path")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let base = base.trim_end_matches('/');
    let plain = base.starts_with('/')
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.~".contains(&b));
    if plain {
        base.to_owned()
    } else {
        String::new()
    }
}

/// What the calendar file says about one event, in one language.
pub struct IcsEvent {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub starts: i64,
    pub ends: i64,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub online_url: Option<String>,
    pub cancelled: bool,
    pub updated: i64,
    /// The event page in the app.
    pub page_url: Option<String>,
    pub lang: String,
}

/// An RFC 5545 VCALENDAR with one VEVENT: times in UTC, `DTSTAMP` = `now`, one `URL` (the
/// event page in the app), the online link in `LOCATION` (online-only events) and in the
/// description, texts escaped and lines folded at 75 octets with CRLF.
pub fn ics(e: &IcsEvent, now: i64) -> String {
    let online_label = match e.lang.as_str() {
        "sv" => "På nätet",
        "en" => "Online",
        _ => "Verkossa",
    };
    let page_label = match e.lang.as_str() {
        "sv" => "Evenemangets sida",
        "en" => "Event page",
        _ => "Tapahtuman sivu",
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Osallistu//Reference server//FI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:event-{}@osallistu", e.id),
        format!("DTSTAMP:{}", ics_time(now)),
        format!("LAST-MODIFIED:{}", ics_time(e.updated)),
        format!("DTSTART:{}", ics_time(e.starts)),
        format!("DTEND:{}", ics_time(e.ends)),
        format!("SUMMARY:{}", ics_escape(&e.title)),
    ];
    let mut desc = Vec::new();
    if !e.summary.is_empty() {
        desc.push(e.summary.clone());
    }
    if let Some(u) = &e.online_url {
        desc.push(format!("{online_label}: {u}"));
    }
    if let Some(u) = &e.page_url {
        desc.push(format!("{page_label}: {u}"));
    }
    if !desc.is_empty() {
        lines.push(format!("DESCRIPTION:{}", ics_escape(&desc.join("\n\n"))));
    }
    let mut location: Vec<String> = e.venue.iter().chain(&e.address).cloned().collect();
    if location.is_empty() {
        if let Some(u) = &e.online_url {
            location.push(format!("{online_label}: {u}"));
        }
    }
    if !location.is_empty() {
        lines.push(format!("LOCATION:{}", ics_escape(&location.join(", "))));
    }
    if let Some((lat, lon)) = e.geo {
        lines.push(format!("GEO:{lat:.6};{lon:.6}"));
    }
    if let Some(u) = &e.page_url {
        lines.push(format!("URL:{u}"));
    }
    lines.push(format!(
        "STATUS:{}",
        if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }
    ));
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

pub async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParam(raw): PathParam,
    QueryParams(q): QueryParams<IcsQuery>,
) -> ApiResult<impl IntoResponse> {
    let id = path_id(&raw, "event")?;
    let lang = q.lang.unwrap_or_else(|| "fi".into());
    if !["fi", "sv", "en"].contains(&lang.as_str()) {
        return Err(ApiError::bad_query("lang", "lang must be fi, sv or en"));
    }
    let row = state
        .db
        .read(move |c| {
            Ok(c.query_row(
                "SELECT title, summary, starts_at, ends_at, venue_name, venue_address, lon, lat, online_url, status, updated_at \
                 FROM events WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?,
                        r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?, r.get::<_, Option<f64>>(6)?,
                        r.get::<_, Option<f64>>(7)?, r.get::<_, Option<String>>(8)?, r.get::<_, String>(9)?, r.get::<_, i64>(10)?,
                    ))
                },
            )
            .optional()?)
        })
        .await?
        .ok_or_else(|| ApiError::not_found("event"))?;
    let (title, summary, starts, ends, venue, address, lon, lat, online, status, updated) = row;
    let event = IcsEvent {
        id,
        title: pick(&l10n(&title), &lang).to_owned(),
        summary: pick(&l10n(&summary), &lang).to_owned(),
        starts,
        ends,
        venue: venue.map(|v| pick(&l10n(&v), &lang).to_owned()),
        address,
        geo: lat.zip(lon),
        online_url: online,
        cancelled: status == "cancelled",
        updated,
        page_url: event_page_url(&state, &headers, id),
        lang,
    };
    let body = ics(&event, now());
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"event-{id}.ics\""),
            ),
        ],
        body,
    ))
}

fn one_seat() -> i64 {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationIn {
    name: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default = "one_seat")]
    seats: i64,
}

fn valid_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !host.is_empty()
        && !tld.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && e.len() <= 254
        && !e
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

const REG_COLS: &str = "r.id, r.event_id, r.name, r.email, r.seats, r.status, r.created_at, r.promoted_at, r.cancelled_at, \
    CASE WHEN r.status = 'waitlisted' THEN (SELECT COUNT(*) FROM registrations w WHERE w.event_id = r.event_id \
    AND w.status = 'waitlisted' AND w.id <= r.id) END";

fn reg_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "event_id": r.get::<_, i64>(1)?,
        "name": r.get::<_, String>(2)?,
        "email": r.get::<_, Option<String>>(3)?,
        "seats": r.get::<_, i64>(4)?,
        "status": r.get::<_, String>(5)?,
        "created_at": ts(r.get(6)?),
        "promoted_at": r.get::<_, Option<i64>>(7)?.map(ts),
        "cancelled_at": r.get::<_, Option<i64>>(8)?.map(ts),
        "waitlist_position": r.get::<_, Option<i64>>(9)?,
    }))
}

fn load_reg(c: &Connection, id: i64) -> ApiResult<Value> {
    Ok(c.query_row(
        &format!("SELECT {REG_COLS} FROM registrations r WHERE r.id = ?1"),
        [id],
        reg_row,
    )?)
}

fn attending_seats(c: &Connection, event_id: i64) -> rusqlite::Result<i64> {
    c.query_row(
        "SELECT COALESCE(SUM(seats), 0) FROM registrations WHERE event_id = ?1 AND status = 'attending'",
        [event_id],
        |r| r.get(0),
    )
}

/// Moves waitlisted registrations to attending, first come first served, while their seats fit.
pub fn promote(c: &Connection, event_id: i64, t: i64) -> rusqlite::Result<Vec<i64>> {
    let capacity: Option<i64> = c.query_row(
        "SELECT capacity FROM events WHERE id = ?1",
        [event_id],
        |r| r.get(0),
    )?;
    let mut promoted = Vec::new();
    loop {
        let head: Option<(i64, i64)> = c
            .query_row(
                "SELECT id, seats FROM registrations WHERE event_id = ?1 AND status = 'waitlisted' ORDER BY id LIMIT 1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((rid, seats)) = head else { break };
        let free = match capacity {
            Some(cap) => Some(cap - attending_seats(c, event_id)?),
            None => None,
        };
        if matches!(free, Some(f) if f < seats) {
            break;
        }
        c.execute(
            "UPDATE registrations SET status = 'attending', promoted_at = ?2 WHERE id = ?1",
            [rid, t],
        )?;
        promoted.push(rid);
    }
    Ok(promoted)
}

pub async fn register(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(me): Participant,
    JsonBody(body): JsonBody<RegistrationIn>,
) -> ApiResult<impl IntoResponse> {
    let event_id = path_id(&raw, "event")?;
    let mut errors: Vec<FieldError> = Vec::new();
    let name = plain_text(&body.name, "/name", 1, 100, false)
        .map_err(|e| errors.push(e))
        .ok();
    // Checked as sent (no trimming), so the documented pattern holds exactly.
    let email = match body.email.as_deref() {
        None => None,
        Some(e) if valid_email(e) => Some(e.to_owned()),
        Some(_) => {
            errors.push(FieldError::new(
                "/email",
                "invalid_email",
                "not a valid email address",
            ));
            None
        }
    };
    let seats = body.seats;
    if !(1..=MAX_SEATS).contains(&seats) {
        errors.push(FieldError::new(
            "/seats",
            "out_of_range",
            format!("seats must be between 1 and {MAX_SEATS}"),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if let Err(wait) = state.limiter.check(&format!("registration:p:{me}")) {
        return Err(ApiError::rate_limited(wait));
    }
    let name = name.unwrap_or_default();
    let token = new_secret();
    let token_hash = sha256_hex(token.as_bytes());
    let mut reg = state
        .db
        .write(move |tx| {
            let t = now();
            let ev: Option<(i64, Option<i64>, String)> = tx
                .query_row("SELECT starts_at, capacity, status FROM events WHERE id = ?1", [event_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            let Some((starts, capacity, status)) = ev else {
                return Err(ApiError::not_found("event"));
            };
            if status != "scheduled" || t >= starts {
                return Err(ApiError::conflict(
                    "registration_closed",
                    "Registration closed",
                    "this event no longer takes registrations",
                ));
            }
            if matches!(capacity, Some(c) if seats > c) {
                return Err(ApiError::field("/seats", "exceeds_capacity", "more seats than the event has"));
            }
            let already: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM registrations WHERE event_id = ?1 AND participant_id = ?2 AND status != 'cancelled')",
                [event_id, me],
                |r| r.get(0),
            )?;
            if already {
                return Err(ApiError::conflict(
                    "already_registered",
                    "Already registered",
                    "this participant already has a registration for the event",
                ));
            }
            let waiting: i64 = tx.query_row(
                "SELECT COUNT(*) FROM registrations WHERE event_id = ?1 AND status = 'waitlisted'",
                [event_id],
                |r| r.get(0),
            )?;
            let fits = match capacity {
                None => true,
                Some(cap) => waiting == 0 && attending_seats(tx, event_id)? + seats <= cap,
            };
            tx.execute(
                "INSERT INTO registrations (event_id, participant_id, name, email, seats, status, cancel_token_hash, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![event_id, me, name, email, seats, if fits { "attending" } else { "waitlisted" }, token_hash, t],
            )?;
            load_reg(tx, tx.last_insert_rowid())
        })
        .await?;
    reg["cancel_token"] = json!(token);
    let location = format!("/api/v1/events/{event_id}/registrations/{}", reg["id"]);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(reg),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancelIn {
    cancel_token: String,
}

pub async fn cancel(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<CancelIn>,
) -> ApiResult<Json<Value>> {
    let token = body.cancel_token.trim().to_owned();
    if token.is_empty() || body.cancel_token.chars().count() > 200 {
        return Err(ApiError::field(
            "/cancel_token",
            "invalid",
            "not a cancellation token",
        ));
    }
    let hash = sha256_hex(token.as_bytes());
    state
        .db
        .write(move |tx| {
            let row: Option<(i64, i64, String)> = tx
                .query_row(
                    "SELECT id, event_id, status FROM registrations WHERE cancel_token_hash = ?1",
                    [&hash],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((id, event_id, status)) = row else {
                return Err(ApiError::not_found("registration"));
            };
            if status == "cancelled" {
                return Err(ApiError::conflict(
                    "already_cancelled",
                    "Already cancelled",
                    "this registration was already cancelled",
                ));
            }
            let t = now();
            tx.execute(
                "UPDATE registrations SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
                [id, t],
            )?;
            let promoted = promote(tx, event_id, t)?;
            let mut reg = load_reg(tx, id)?;
            reg["promoted_count"] = json!(promoted.len());
            Ok(Json(reg))
        })
        .await
}

pub async fn my_registrations(
    State(state): State<AppState>,
    Participant(me): Participant,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {REG_COLS} FROM registrations r WHERE r.participant_id = ?1 ORDER BY r.id DESC LIMIT 500"
            ))?;
            let items = stmt.query_map([me], reg_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Json(json!({"items": items})))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_text() {
        assert_eq!(ics_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = "X".repeat(200);
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        let umlauts = format!("SUMMARY:{}", "ä".repeat(100));
        for line in fold(&umlauts).split("\r\n") {
            assert!(line.len() <= 75);
        }
    }

    fn sample() -> IcsEvent {
        IcsEvent {
            id: 7,
            title: "Työpaja; kävelykatu, osa 2".into(),
            summary: "Tule mukaan!\nKahvia tarjolla.".into(),
            // 2026-03-28T14:00:00Z – the day before the spring switch.
            starts: 1_774_706_400,
            ends: 1_774_713_600,
            venue: Some("Kaupungintalo".into()),
            address: Some("Raatihuoneentori 1, 06100 Virtala".into()),
            geo: Some((60.3961, 25.6648)),
            online_url: Some("https://meet.example/x".into()),
            cancelled: false,
            updated: 1_774_000_000,
            page_url: Some("https://osallistu.example/events/7".into()),
            lang: "fi".into(),
        }
    }

    fn unfold(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn calendar_file_has_one_url_back_to_the_app_and_utc_times() {
        let text = ics(&sample(), 1_774_100_000);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        let lines = unfold(&text);
        let has = |l: &str| lines.iter().any(|x| x == l);
        assert!(has("UID:event-7@osallistu"));
        assert!(has("DTSTAMP:20260321T133320Z"));
        assert!(has("DTSTART:20260328T140000Z"));
        assert!(has("DTEND:20260328T160000Z"));
        assert!(has("SUMMARY:Työpaja\\; kävelykatu\\, osa 2"));
        assert!(has("URL:https://osallistu.example/events/7"));
        assert_eq!(lines.iter().filter(|l| l.starts_with("URL:")).count(), 1);
        assert!(has(
            "LOCATION:Kaupungintalo\\, Raatihuoneentori 1\\, 06100 Virtala"
        ));
        assert!(has(
            "DESCRIPTION:Tule mukaan!\\nKahvia tarjolla.\\n\\nVerkossa: https://meet.example/x\\n\\nTapahtuman sivu: https://osallistu.example/events/7"
        ));
        assert!(has("GEO:60.396100;25.664800"));
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn online_only_events_have_the_link_as_location_and_cancelled_ones_say_so() {
        let mut e = sample();
        e.venue = None;
        e.address = None;
        e.geo = None;
        e.cancelled = true;
        e.page_url = None;
        e.lang = "en".into();
        let lines = unfold(&ics(&e, 0));
        assert!(lines.contains(&"LOCATION:Online: https://meet.example/x".to_owned()));
        assert!(lines.contains(&"STATUS:CANCELLED".to_owned()));
        assert!(!lines
            .iter()
            .any(|l| l.starts_with("URL:") || l.starts_with("GEO:")));
    }

    #[test]
    fn base_path_is_kept_only_when_plain() {
        let dir = std::env::temp_dir().join(format!("osallistu-ics-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.json"), r#"{"base_path": "/osallistu/"}"#).unwrap();
        assert_eq!(app_base_path(&dir), "/osallistu");
        std::fs::write(dir.join("config.json"), r#"{"base_path": "/a b\"<"}"#).unwrap();
        assert_eq!(app_base_path(&dir), "");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(app_base_path(&dir), "");
    }

    #[test]
    fn emails() {
        assert!(valid_email("maija@example.fi"));
        assert!(!valid_email("maija@"));
        assert!(!valid_email("no at sign"));
        assert!(!valid_email("a b@example.fi"));
    }
}
