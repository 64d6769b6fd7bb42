//! `GET /events/{id}/calendar.ics`: one event as an RFC 5545 calendar file.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::Value;

use crate::api::extract::{path_id, PathParam, QueryParams};
use crate::db::events;
use crate::error::{ApiError, ApiResult};
use crate::ics::{ics, IcsEvent};
use crate::l10n::{l10n, pick};
use crate::time::now;
use crate::AppState;

#[derive(Deserialize)]
pub struct IcsQuery {
    lang: Option<String>,
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

pub async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    PathParam(raw): PathParam,
    QueryParams(q): QueryParams<IcsQuery>,
) -> ApiResult<impl IntoResponse> {
    let id = path_id(&raw, "event")?;
    let lang = crate::api::query::lang(q.lang)?;
    let row = events::calendar_row(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("event"))?;
    let event = IcsEvent {
        id,
        title: pick(&l10n(&row.title), &lang).to_owned(),
        summary: pick(&l10n(&row.summary), &lang).to_owned(),
        starts: row.starts,
        ends: row.ends,
        venue: row.venue.map(|v| pick(&l10n(&v), &lang).to_owned()),
        address: row.address,
        geo: row.lat.zip(row.lon),
        online_url: row.online_url,
        cancelled: row.status == "cancelled",
        updated: row.updated,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
