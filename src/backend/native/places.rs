//! Every located comment of a plan in one compact answer, for drawing all of them on a map.

use crate::backend::{ApiRequest, ApiResponse, BackendError};
use crate::domain::*;
use serde::Deserialize;

type R<T> = Result<T, BackendError>;

#[derive(Deserialize)]
struct PlacesW {
    count: u64,
    /// `[id, lon, lat, kind]` each.
    items: Vec<(u64, f64, f64, u8)>,
}

/// `GET plans/{id}/comments/places`: every visible comment of the plan that has a place.
/// The answer is revalidated with an ETag, so the browser's cache makes a repeat cheap.
pub(crate) fn list_comment_places(plan_id: &str) -> ApiRequest {
    ApiRequest::get(format!("plans/{plan_id}/comments/places"), Vec::new())
}

/// Reads the answer to [`list_comment_places`], in the server's order (by id).
pub(crate) fn parse_comment_places(response: &ApiResponse) -> R<Vec<CommentPlace>> {
    let wire: PlacesW = response.decode()?;
    if wire.count != wire.items.len() as u64 {
        return Err(BackendError::Decode {
            detail: format!(
                "count is {} but there are {} items",
                wire.count,
                wire.items.len()
            ),
        });
    }
    wire.items
        .into_iter()
        .enumerate()
        .map(|(i, (id, lng, lat, kind))| {
            let bad = |what: &str| BackendError::Decode {
                detail: format!("items[{i}]: {what}"),
            };
            let kind = match kind {
                0 => PlaceKind::Point,
                1 => PlaceKind::Line,
                2 => PlaceKind::Area,
                other => return Err(bad(&format!("unknown kind {other}"))),
            };
            // A range never contains NaN, nor an infinity.
            if !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng)) {
                return Err(bad("coordinates out of range"));
            }
            Ok(CommentPlace {
                id,
                at: LatLng::new(lat, lng),
                kind,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::test_support::ok;
    use crate::backend::Method;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/native/comment-places-200.json");

    #[test]
    fn places_are_requested_from_the_plan() {
        let request = list_comment_places("7");
        assert_eq!(request.method, Method::Get);
        assert_eq!(request.path, "plans/7/comments/places");
        assert!(request.query.is_empty());
        assert!(request.body.is_none());
        assert!(request.idempotency_key.is_none());
    }

    #[test]
    fn a_recorded_answer_converts_to_places_of_every_kind() {
        let places = parse_comment_places(&ok(FIXTURE)).unwrap();
        let raw: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        assert_eq!(places.len() as u64, raw["count"].as_u64().unwrap());
        assert!(places.len() > 20);
        assert!(places.windows(2).all(|w| w[0].id < w[1].id));
        // The first items of the recording, field for field ([id, lon, lat, kind]).
        for (place, item) in places.iter().zip(raw["items"].as_array().unwrap()) {
            assert_eq!(place.id, item[0].as_u64().unwrap());
            assert_eq!(place.at.lng, item[1].as_f64().unwrap());
            assert_eq!(place.at.lat, item[2].as_f64().unwrap());
            let code = match place.kind {
                PlaceKind::Point => 0,
                PlaceKind::Line => 1,
                PlaceKind::Area => 2,
            };
            assert_eq!(code, item[3].as_u64().unwrap());
        }
        for kind in [PlaceKind::Point, PlaceKind::Line, PlaceKind::Area] {
            assert!(places.iter().any(|p| p.kind == kind), "{kind:?}");
        }
        // Latitude and longitude are not swapped: the demo town lies at about 60.4 N, 25.6 E.
        assert!(places
            .iter()
            .all(|p| (60.3..60.5).contains(&p.at.lat) && (25.5..25.8).contains(&p.at.lng)));
    }

    #[test]
    fn an_unknown_plan_and_malformed_answers_are_errors() {
        let missing = ApiResponse::new(
            404,
            include_str!("../../../tests/fixtures/native/comment-places-missing-404.json"),
        );
        assert_eq!(parse_comment_places(&missing), Err(BackendError::NotFound));
        assert_eq!(
            parse_comment_places(&ok(r#"{"count":0,"items":[]}"#)),
            Ok(Vec::new())
        );
        for body in [
            r#"{"count":1,"items":[[1,25.6,60.4,3]]}"#,
            r#"{"count":1,"items":[[1,60.4,95.0,0]]}"#,
            r#"{"count":2,"items":[[1,25.6,60.4,0]]}"#,
            r#"{"count":1,"items":[[1,25.6,60.4]]}"#,
            r#"{"count":1,"items":[{"id":1}]}"#,
        ] {
            assert!(
                matches!(
                    parse_comment_places(&ok(body)),
                    Err(BackendError::Decode { .. })
                ),
                "{body}"
            );
        }
    }
}
