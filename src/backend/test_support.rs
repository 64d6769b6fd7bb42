//! Helpers shared by the adapters' contract tests.

use super::ApiResponse;
use crate::domain::Timestamp;

/// A 200 answer with `body`.
pub(crate) fn ok(body: &str) -> ApiResponse<'_> {
    ApiResponse::new(200, body)
}

/// An instant from RFC 3339 text.
pub(crate) fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// Query pairs as the request builders produce them.
pub(crate) fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
