//! Events: list, areas, detail (here), calendar files and registrations.

mod calendar;
mod registrations;

pub use calendar::calendar;
pub use registrations::{cancel, my_registrations, register};

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::Value;

use super::extract::{de_opt_bool, path_id, PathParam, QueryParams};
use super::query::{bbox, like_pattern, page, Items, Paged};
use crate::db::events::{self, Event, EventDetail, EventFilter};
use crate::error::{ApiError, ApiResult};
use crate::time::{now, parse_ts};
use crate::AppState;

pub use crate::db::events::TIME_ZONE;

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

fn instant(raw: Option<&str>, name: &str) -> ApiResult<Option<i64>> {
    raw.map(|s| {
        parse_ts(s).ok_or_else(|| {
            ApiError::bad_query(name, format!("{name} must be an RFC 3339 date-time"))
        })
    })
    .transpose()
}

fn bounded(raw: &Option<String>, name: &str, max: usize) -> ApiResult<()> {
    match raw {
        Some(v) if v.is_empty() || v.chars().count() > max => Err(ApiError::bad_query(
            name,
            format!("{name} must have 1 to {max} characters"),
        )),
        _ => Ok(()),
    }
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<EventQuery>,
) -> ApiResult<Json<Paged<Event>>> {
    let pg = page(q.limit, q.offset, 20, 100)?;
    let start = instant(q.start.as_deref(), "start")?;
    let end = instant(q.end.as_deref(), "end")?;
    bounded(&q.topic, "topic", 50)?;
    let bbox = bbox(q.bbox.as_deref())?;
    let like = like_pattern(q.q.as_deref())?;
    bounded(&q.area, "area", 100)?;
    let filter = EventFilter {
        start,
        end,
        topic: q.topic,
        bbox,
        online: q.online,
        free: q.free,
        like,
        area: q.area,
    };
    let found = events::list(&state.db, &filter, pg, now()).await?;
    Ok(Json(Paged::new(pg, found)))
}

/// `GET /events/areas`: the areas of the town that have events, for the list's filter.
pub async fn areas(State(state): State<AppState>) -> ApiResult<Json<Items<Value>>> {
    Ok(Json(Items {
        items: events::areas(&state.db).await?,
    }))
}

pub async fn detail(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
) -> ApiResult<Json<EventDetail>> {
    let id = path_id(&raw, "event")?;
    events::detail(&state.db, id, now())
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("event"))
}
