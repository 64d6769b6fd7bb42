//! The status → error mapping across the three backends' error shapes.

use super::BackendError;

fn map(status: u16, body: &str) -> BackendError {
    BackendError::from_response(status, body, None)
}

fn fields(pairs: &[(&str, &str)]) -> BackendError {
    BackendError::Validation {
        fields: pairs
            .iter()
            .map(|(f, m)| (f.to_string(), m.to_string()))
            .collect(),
    }
}

#[test]
fn statuses_without_a_useful_body_still_map_to_their_kind() {
    assert_eq!(map(401, ""), BackendError::Unauthorized);
    assert_eq!(
        map(403, "<html>"),
        BackendError::Forbidden {
            code: "forbidden".into()
        }
    );
    assert_eq!(map(404, "{}"), BackendError::NotFound);
    assert_eq!(map(408, ""), BackendError::Timeout);
    assert_eq!(
        map(409, "{}"),
        BackendError::Conflict {
            code: "conflict".into()
        }
    );
    assert_eq!(map(410, ""), BackendError::Gone);
    assert_eq!(
        map(500, "AttributeError at /v1/"),
        BackendError::Server { status: 500 }
    );
    assert_eq!(map(503, ""), BackendError::Server { status: 503 });
    assert_eq!(map(301, ""), BackendError::Rejected { status: 301 });
    assert_eq!(map(413, "{}"), BackendError::Rejected { status: 413 });
    assert_eq!(map(400, "not json"), fields(&[("", "")]));
}

#[test]
fn retry_after_is_read_in_seconds_and_ignored_when_not_a_number() {
    let limited = |h| BackendError::from_response(429, "{}", h);
    assert_eq!(
        limited(Some(" 30 ")),
        BackendError::RateLimited {
            retry_after_s: Some(30)
        }
    );
    assert_eq!(
        limited(Some("Wed, 21 Oct 2026 07:28:00 GMT")),
        BackendError::RateLimited {
            retry_after_s: None
        }
    );
    assert_eq!(
        limited(None),
        BackendError::RateLimited {
            retry_after_s: None
        }
    );
}

#[test]
fn django_field_errors_and_non_field_errors_become_field_pairs() {
    let body = r#"{"geojson": ["Invalid geojson format"], "non_field_errors": ["You must supply content"]}"#;
    assert_eq!(
        map(400, body),
        fields(&[
            ("geojson", "Invalid geojson format"),
            ("", "You must supply content")
        ])
    );
}

#[test]
fn nested_per_language_and_per_signup_errors_are_flattened_with_dotted_paths() {
    let body = r#"{"short_description": {"sv": "must be specified"}, "signups": [{"phone_number": ["required"]}]}"#;
    assert_eq!(
        map(400, body),
        fields(&[
            ("short_description.sv", "must be specified"),
            ("signups.0.phone_number", "required")
        ])
    );
}

#[test]
fn a_bare_detail_or_code_stands_for_the_whole_request() {
    assert_eq!(
        map(400, r#"{"detail": "Epäkelpo sivu."}"#),
        fields(&[("", "Epäkelpo sivu.")])
    );
    let problem = r#"{"type": "/p/invalid_json", "title": "t", "status": 400, "detail": "d", "code": "invalid_json"}"#;
    assert_eq!(map(400, problem), fields(&[("", "invalid_json")]));
}

#[test]
fn a_reused_idempotency_key_is_a_conflict_not_a_validation_error() {
    let body = r#"{"status": 422, "code": "idempotency_key_reused", "detail": "x", "title": "t", "type": "t"}"#;
    assert_eq!(
        map(422, body),
        BackendError::Conflict {
            code: "idempotency_key_reused".into()
        }
    );
}
