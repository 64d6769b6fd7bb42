//! Serving the built app: files (SPA fallback, precompressed siblings, caching), the manifest,
//! and the security headers of every response.

mod csp;
mod files;
mod manifest;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

pub use csp::{build_policy, inline_script_hashes, origin_of, Csp};
pub use files::{is_hashed_asset, serve_static};
pub use manifest::{manifest, manifest_for};

/// Adds the security headers to every response, and `no-store` to API responses that set no
/// `Cache-Control` of their own.
pub async fn security_headers(State(csp): State<Arc<Csp>>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path() == "/api" || req.uri().path().starts_with("/api/");
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, (*csp.header()).clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    // An API answer that revalidates with an ETag sets its own Cache-Control.
    if is_api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}
