//! Logs: `tracing` to stderr, human-readable by default or one JSON object a line, and one
//! line per HTTP request in a span with its method, path, status, duration and request id.
//!
//! Nothing personal goes into a log: no query strings (searches, `since`), no bodies, no
//! headers, and path segments that could be secrets are replaced by `:redacted`.

use std::time::Instant;

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;
use tracing_subscriber::filter::LevelFilter;

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LogFormat {
    #[default]
    Human,
    Json,
}

impl LogFormat {
    pub fn parse(v: &str) -> Result<LogFormat, String> {
        match v.trim().to_ascii_lowercase().as_str() {
            "human" | "text" => Ok(LogFormat::Human),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("log format must be human or json, not {other:?}")),
        }
    }
}

/// Installs the global subscriber; `level` is error, warn, info (default), debug or trace.
pub fn init(format: LogFormat, level: Option<&str>) {
    let level = level
        .and_then(|l| l.trim().parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::INFO);
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_target(false);
    let _ = match format {
        LogFormat::Human => builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init(),
        LogFormat::Json => builder.json().with_current_span(true).try_init(),
    };
}

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The caller's request id when it is a plain token (a proxy's), else a fresh one.
fn request_id(req: &Request) -> String {
    let given = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            (1..=64).contains(&v.len())
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        });
    match given {
        Some(v) => v.to_owned(),
        None => {
            use rand::RngCore;
            let mut bytes = [0u8; 8];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        }
    }
}

/// The path as it may be logged: segments that could be secrets (long runs of token
/// characters without a file extension, e.g. a cancel code) become `:redacted`.
pub fn loggable_path(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            let secret_like = seg.len() >= 20
                && !seg.contains('.')
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'%');
            if secret_like {
                ":redacted"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Middleware: a span per request, one log line when it is answered, the id echoed back.
pub async fn requests(req: Request, next: Next) -> Response {
    let id = request_id(&req);
    let span = tracing::info_span!(
        "request",
        method = %req.method(),
        path = %loggable_path(req.uri().path()),
        request_id = %id,
    );
    let started = Instant::now();
    let mut resp = next.run(req).instrument(span.clone()).await;
    let status = resp.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(status, duration_ms = ms, "answered");
        } else {
            tracing::info!(status, duration_ms = ms, "answered");
        }
    });
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert(REQUEST_ID, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_paths_are_redacted_and_files_kept() {
        assert_eq!(
            loggable_path("/api/v1/plans/12/comments"),
            "/api/v1/plans/12/comments"
        );
        assert_eq!(
            loggable_path("/r/cancel/Xk3_-abcdefghijklmnopqrstuvwxyz012345678901"),
            "/r/cancel/:redacted"
        );
        assert_eq!(
            loggable_path("/osallistu-0123456789abcdef_bg.wasm"),
            "/osallistu-0123456789abcdef_bg.wasm"
        );
    }

    #[test]
    fn formats() {
        assert_eq!(LogFormat::parse("JSON"), Ok(LogFormat::Json));
        assert_eq!(LogFormat::parse("human"), Ok(LogFormat::Human));
        assert!(LogFormat::parse("xml").is_err());
    }
}
