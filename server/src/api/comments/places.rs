//! `GET /plans/{id}/comments/places`: where every visible located comment of a plan is,
//! compactly, for drawing all of them on a map. Revalidated with an ETag.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::api::extract::{path_id, PathParam};
use crate::db::comments;
use crate::error::{ApiError, ApiResult};
use crate::secrets::sha256_hex;
use crate::AppState;

/// `{"count": N, "items": [[id, lon, lat, kind], …]}` ordered by id. A point is its position; a
/// line or an area is the centre of its bounding box.
#[derive(Serialize)]
struct Places {
    count: usize,
    items: Vec<(i64, f64, f64, u8)>,
}

/// Kind codes of `GET /plans/{id}/comments/places`: 0 point, 1 line, 2 area.
fn place_kind(geometry_type: &str) -> u8 {
    match geometry_type {
        "Point" => 0,
        "LineString" => 1,
        _ => 2,
    }
}

fn micro(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Whether an `If-None-Match` header value matches `etag` (weak comparison, RFC 9110 13.1.2).
fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    if_none_match
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(etag))
}

/// Where every visible located comment of a plan is, compactly, for drawing all of them on a map:
/// `{"count": N, "items": [[id, lon, lat, kind], …]}` ordered by id. A point is its position; a
/// line or an area is the centre of its bounding box. Revalidated with an ETag.
pub async fn places(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let plan_id = path_id(&raw, "plan")?;
    let rows = comments::places(&state.db, plan_id)
        .await?
        .ok_or_else(|| ApiError::not_found("plan"))?;
    let items: Vec<(i64, f64, f64, u8)> = rows
        .into_iter()
        .map(|(id, kind, w, s, e, n)| {
            (
                id,
                micro((w + e) / 2.0),
                micro((s + n) / 2.0),
                place_kind(&kind),
            )
        })
        .collect();
    let body = serde_json::to_vec(&Places {
        count: items.len(),
        items,
    })
    .map_err(ApiError::internal)?;
    let digest = sha256_hex(&body);
    // Weak: the same answer may travel compressed or not (see the route's compression layer).
    let etag = format!("W/\"places-{}\"", &digest[..32]);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| etag_matches(v, &etag));
    let cache = [
        (header::CACHE_CONTROL, "no-cache".to_owned()),
        (header::ETAG, etag),
    ];
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((
        StatusCode::OK,
        cache,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_rounding_and_etag_matching() {
        assert_eq!(place_kind("Point"), 0);
        assert_eq!(place_kind("LineString"), 1);
        assert_eq!(place_kind("Polygon"), 2);
        assert_eq!(micro(25.123_456_49), 25.123456);
        assert_eq!(micro(60.000_000_6), 60.000001);
        assert!(etag_matches("\"a\"", "\"a\""));
        assert!(etag_matches("W/\"a\", \"b\"", "\"a\""));
        assert!(etag_matches("*", "\"a\""));
        assert!(!etag_matches("\"b\"", "\"a\""));
        assert!(!etag_matches("", "\"a\""));
    }
}
