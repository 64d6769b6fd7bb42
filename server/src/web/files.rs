//! The built app's files: SPA fallback, precompressed siblings, caching, ETags.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Trunk names built assets `name-<16 hex digits>.ext`; those never change content.
pub fn is_hashed_asset(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        // Trunk writes a 64-bit hash in hex without leading zeros: usually 16 digits, sometimes
        // fewer (one in sixteen builds has 15).
        Some((_, hash)) => {
            (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
        }
        None => false,
    }
}

fn cache_control(file_name: &str) -> &'static str {
    if file_name == "index.html" || file_name == "config.json" {
        "no-cache"
    } else if is_hashed_asset(file_name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Percent-decodes a URL path and maps it into `dist`, refusing anything that could escape it.
fn safe_join(dist: &Path, uri_path: &str) -> Option<PathBuf> {
    let bytes = uri_path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if i + 3 > bytes.len() {
                return None;
            }
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(decoded).ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut out = dist.to_path_buf();
    for comp in Path::new(decoded.trim_start_matches('/')).components() {
        match comp {
            Component::Normal(c) => {
                let s = c.to_str()?;
                if s.starts_with('.') {
                    return None;
                }
                out.push(c)
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';');
            let name = it.next().unwrap_or("").trim();
            if !name.eq_ignore_ascii_case(coding) {
                return false;
            }
            // Honour an explicit q=0.
            !it.any(|p| {
                let p = p.trim().replace(' ', "");
                p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
            })
        })
}

async fn is_file(p: &Path) -> bool {
    tokio::fs::metadata(p)
        .await
        .map(|m| m.is_file())
        .unwrap_or(false)
}

/// Fallback handler: static files from `dist`, else `index.html`; `/api/…` gets problem+json 404.
pub async fn serve_static(State(dist): State<Arc<PathBuf>>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::not_found("this API endpoint").into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = StatusCode::METHOD_NOT_ALLOWED.into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let mut file = match safe_join(&dist, &path) {
        Some(p) if is_file(&p).await => p,
        _ => dist.join("index.html"),
    };
    if !is_file(&file).await {
        // Directory requests such as "/docs/" fall back to the app too.
        file = dist.join("index.html");
        if !is_file(&file).await {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "The app is not built: no index.html in the dist directory.\n",
            )
                .into_response();
        }
    }
    let file_name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_owned();
    let mut chosen = file.clone();
    let mut encoding = None;
    let mut has_variants = false;
    for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
        let mut sibling = file.clone().into_os_string();
        sibling.push(".");
        sibling.push(ext);
        let sibling = PathBuf::from(sibling);
        if is_file(&sibling).await {
            has_variants = true;
            if encoding.is_none() && accepts(req.headers(), coding) {
                chosen = sibling;
                encoding = Some(coding);
            }
        }
    }
    let meta = match tokio::fs::metadata(&chosen).await {
        Ok(m) => m,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let etag = format!(
        "\"{:x}-{:x}{}\"",
        meta.len(),
        modified,
        encoding.map(|e| format!("-{e}")).unwrap_or_default()
    );
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&file)),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(&file_name)),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    if has_variants {
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    if file_name == "index.html" {
        // The app fetches its runtime configuration first thing; start that download together
        // with the wasm instead of after it (one round trip less before the first paint).
        headers.insert(
            header::LINK,
            HeaderValue::from_static(
                "</config.json>; rel=preload; as=fetch; crossorigin=anonymous",
            ),
        );
    }
    if let Some(e) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
        .unwrap_or(false);
    if not_modified {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    if req.method() == Method::HEAD {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(meta.len()));
        return (StatusCode::OK, headers).into_response();
    }
    match tokio::fs::read(&chosen).await {
        Ok(bytes) => (StatusCode::OK, headers, Body::from(bytes)).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets() {
        assert!(is_hashed_asset("osallistu-7c3b1f0e9a2d4b6c_bg.wasm"));
        assert!(is_hashed_asset("osallistu-7c3b1f0e9a2d4b6c.js"));
        assert!(is_hashed_asset("style-0123456789abcdef.css"));
        assert!(
            is_hashed_asset("osallistu-50661f8b12d3158_bg.wasm"),
            "15 hex digits"
        );
        assert!(!is_hashed_asset("index.html"));
        assert!(!is_hashed_asset("leaflet-1.9.4.js"));
    }

    #[test]
    fn safe_paths() {
        let d = Path::new("/srv/dist");
        assert_eq!(
            safe_join(d, "/a/b.js"),
            Some(PathBuf::from("/srv/dist/a/b.js"))
        );
        assert_eq!(safe_join(d, "/%2e%2e/etc/passwd"), None);
        assert_eq!(safe_join(d, "/../x"), None);
        assert_eq!(safe_join(d, "/.git/config"), None);
        assert_eq!(
            safe_join(d, "/a%20b.txt"),
            Some(PathBuf::from("/srv/dist/a b.txt"))
        );
    }
}
