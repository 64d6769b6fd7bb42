//! Extractors and helpers shared by the API handlers.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use axum::http::StatusCode;
use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{ApiError, FieldError};
use crate::AppState;

pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// RFC 3339 in UTC, e.g. `2026-11-25T14:00:00Z`.
pub fn ts(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn last_sunday(year: i32, month: u32) -> i64 {
    // Last Sunday of the month at 01:00 UTC, the EU summer-time switch.
    let next_month_first = if month == 12 {
        Utc.with_ymd_and_hms(year + 1, 1, 1, 1, 0, 0)
    } else {
        Utc.with_ymd_and_hms(year, month + 1, 1, 1, 0, 0)
    }
    .single()
    .unwrap_or_default();
    let mut d = next_month_first - chrono::Duration::days(1);
    while d.weekday() != chrono::Weekday::Sun {
        d -= chrono::Duration::days(1);
    }
    d.timestamp()
}

/// The UTC offset of Europe/Helsinki at an instant (EET +02:00, EEST +03:00).
pub fn helsinki_offset(secs: i64) -> FixedOffset {
    let year = DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .year();
    let summer = secs >= last_sunday(year, 3) && secs < last_sunday(year, 10);
    FixedOffset::east_opt(if summer { 3 * 3600 } else { 2 * 3600 }).expect("offset in range")
}

/// RFC 3339 in Helsinki local time, e.g. `2026-11-25T18:00:00+02:00`.
pub fn ts_local(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .with_timezone(&helsinki_offset(secs))
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 date-time strictly (`T` separator, explicit offset, no surrounding space).
pub fn parse_ts(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b.get(10), Some(b'T') | Some(b't')) || !s.is_ascii() {
        return None;
    }
    DateTime::parse_from_rfc3339(s).ok().map(|d| d.timestamp())
}

/// A localized text object `{"fi": …, "sv": …, "en": …}` stored as JSON text.
pub fn l10n(json_text: &str) -> serde_json::Value {
    serde_json::from_str(json_text).unwrap_or_else(|_| serde_json::json!({}))
}

/// Picks one language from a localized object (requested, then fi, en, sv).
pub fn pick<'a>(v: &'a serde_json::Value, lang: &str) -> &'a str {
    [lang, "fi", "en", "sv"]
        .iter()
        .find_map(|l| v.get(*l).and_then(|s| s.as_str()).filter(|s| !s.is_empty()))
        .unwrap_or("")
}

pub fn sha256_hex(data: &[u8]) -> String {
    let d = Sha256::digest(data);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh 256-bit secret, URL-safe base64 without padding.
pub fn new_secret() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Checks user-entered plain text: trimmed, length in characters, no control characters
/// other than tab and newlines. Returns the trimmed text.
pub fn plain_text(
    value: &str,
    pointer: &str,
    min: usize,
    max: usize,
    multiline: bool,
) -> Result<String, FieldError> {
    let text = value.trim();
    let n = text.chars().count();
    // The limit applies to what was sent, so the documented maxLength holds exactly.
    let raw = value.chars().count();
    if n < min {
        return Err(FieldError::new(
            pointer,
            if n == 0 { "required" } else { "too_short" },
            format!("must have at least {min} characters"),
        ));
    }
    if raw > max {
        return Err(FieldError::new(
            pointer,
            "too_long",
            format!("must have at most {max} characters"),
        ));
    }
    let bad = text.chars().any(|c| {
        (c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
            || (!multiline && (c == '\n' || c == '\r'))
    });
    if bad {
        return Err(FieldError::new(
            pointer,
            "invalid_characters",
            "must not contain control characters",
        ));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// JSON request body: requires `application/json`, reports the failing field as a JSON Pointer,
/// rejects unknown fields (the types use `deny_unknown_fields`).
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let ct = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let mime = ct.split(';').next().unwrap_or("").trim();
        if mime != "application/json"
            && !(mime.starts_with("application/") && mime.ends_with("+json"))
        {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported media type",
                "send the body as application/json",
            ));
        }
        let bytes = read_body(req, state.config.body_limit).await?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// Oversized bodies up to this size are read and thrown away before the 413 is sent, so that a
/// client that writes its whole body before reading the answer gets the answer and not a reset.
const DRAIN_MAX: u64 = 16 * 1024 * 1024;

pub async fn read_body(req: Request, limit: usize) -> Result<axum::body::Bytes, ApiError> {
    use http_body_util::BodyExt;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut body = req.into_body();
    let mut buf: Vec<u8> = Vec::new();
    let mut over = matches!(declared, Some(len) if len > limit as u64);
    if over && declared.unwrap_or(u64::MAX) > DRAIN_MAX {
        return Err(too_large(limit));
    }
    let mut seen: u64 = 0;
    let mut broken = false;
    let read = async {
        while let Some(frame) = body.frame().await {
            let Ok(frame) = frame else {
                broken = true;
                break;
            };
            if let Ok(data) = frame.into_data() {
                seen += data.len() as u64;
                if !over && buf.len() + data.len() > limit {
                    over = true;
                    buf = Vec::new();
                }
                if over {
                    if seen > DRAIN_MAX {
                        break;
                    }
                } else {
                    buf.extend_from_slice(&data);
                }
            }
        }
    };
    if tokio::time::timeout(std::time::Duration::from_secs(30), read)
        .await
        .is_err()
    {
        return Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            "Request timeout",
            "the request body was not received in time",
        ));
    }
    if over {
        return Err(too_large(limit));
    }
    if broken {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "Incomplete body",
            "the request body could not be read completely",
        ));
    }
    Ok(axum::body::Bytes::from(buf))
}

pub fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "Request body too large",
        format!("the body may be at most {limit} bytes"),
    )
}

pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let msg = inner.to_string();
            if inner.is_syntax() || inner.is_eof() {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_json",
                    "Malformed JSON",
                    msg,
                ));
            }
            let pointer = pointer_of(&path);
            let code = if msg.starts_with("unknown field") {
                "unknown_field"
            } else if msg.starts_with("missing field") {
                "required"
            } else {
                "invalid_type"
            };
            // Strip serde's " at line X column Y" suffix from the message.
            let msg = match msg.rfind(" at line ") {
                Some(i) => msg[..i].to_owned(),
                None => msg,
            };
            Err(ApiError::validation(vec![FieldError::new(
                pointer, code, msg,
            )]))
        }
    }
}

/// Converts serde_path_to_error's `a.b[0].c` into a JSON Pointer `/a/b/0/c`.
fn pointer_of(path: &str) -> String {
    if path == "." || path.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for seg in path.split('.') {
        let mut rest = seg;
        if let Some(i) = rest.find('[') {
            let name = &rest[..i];
            if !name.is_empty() {
                out.push('/');
                out.push_str(name);
            }
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                out.push('/');
                out.push_str(&rest[1..end]);
                rest = &rest[end + 1..];
            }
        } else {
            out.push('/');
            out.push_str(rest);
        }
    }
    out
}

/// Query string parameters as a typed struct; errors are 400 problem+json.
pub struct QueryParams<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let q = parts.uri.query().unwrap_or("");
        serde_urlencoded::from_str::<T>(q)
            .map(QueryParams)
            .map_err(|e| {
                let msg = e.to_string();
                let name = msg
                    .split('`')
                    .nth(1)
                    .map(str::to_owned)
                    .unwrap_or_else(|| "query".to_owned());
                ApiError::bad_query(&name, msg)
            })
    }
}

/// The single path parameter of a route as text; a malformed one (e.g. invalid UTF-8) is a 404.
pub struct PathParam(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(raw)) => Ok(PathParam(raw)),
            Err(_) => Err(ApiError::not_found("resource")),
        }
    }
}

/// An integer id in the path; anything else is a 404 for that resource.
pub fn path_id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| ApiError::not_found(what))
}

/// An optional plain-text field: blank means absent; the length limit applies to what was sent.
pub fn optional_text(
    value: Option<&str>,
    pointer: &str,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, FieldError> {
    match value {
        None => Ok(None),
        Some(v) if v.chars().count() > max => Err(FieldError::new(
            pointer,
            "too_long",
            format!("must have at most {max} characters"),
        )),
        Some(v) if v.trim().is_empty() => Ok(None),
        Some(v) => plain_text(v, pointer, 1, max, multiline).map(Some),
    }
}

/// The free-text search parameter `q` (at most 200 characters as sent) as a LIKE pattern
/// over the lower-cased `search` column; `None` when blank.
pub fn like_pattern(q: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(q) = q else { return Ok(None) };
    if q.chars().count() > 200 {
        return Err(ApiError::bad_query(
            "q",
            "q may have at most 200 characters",
        ));
    }
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return Ok(None);
    }
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Ok(Some(format!("%{escaped}%")))
}

/// Lower-cased text of every language of the given localized JSON objects, for `search` columns.
pub fn search_text(localized: &[&str]) -> String {
    let mut out = String::new();
    for text in localized {
        if let serde_json::Value::Object(map) = l10n(text) {
            for v in map.values() {
                if let Some(s) = v.as_str() {
                    out.push_str(&s.to_lowercase());
                    out.push('\n');
                }
            }
        }
    }
    out
}
/// Paging parameters, validated.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Page {
    pub limit: i64,
    pub offset: i64,
}

pub fn page(
    limit: Option<i64>,
    offset: Option<i64>,
    default: i64,
    max: i64,
) -> Result<Page, ApiError> {
    let limit = limit.unwrap_or(default);
    let offset = offset.unwrap_or(0);
    if !(1..=max).contains(&limit) {
        return Err(ApiError::bad_query(
            "limit",
            format!("limit must be between 1 and {max}"),
        ));
    }
    if !(0..=1_000_000).contains(&offset) {
        return Err(ApiError::bad_query(
            "offset",
            "offset must be between 0 and 1000000",
        ));
    }
    Ok(Page { limit, offset })
}

/// SQL parameter numbers (`?N`) of a bound bounding box.
pub struct BBoxSlots {
    pub west: usize,
    pub south: usize,
    pub east: usize,
    pub north: usize,
}

/// Parses the `bbox` query parameter (`west,south,east,north`, WGS84) and binds its four numbers
/// to `params`, returning their placeholder numbers for the caller's own predicate.
pub fn bind_bbox(
    raw: &str,
    params: &mut Vec<rusqlite::types::Value>,
) -> Result<BBoxSlots, ApiError> {
    let b = crate::geo::BBox::parse(raw).map_err(|m| ApiError::bad_query("bbox", m))?;
    let mut slot = |v: f64| {
        params.push(rusqlite::types::Value::Real(v));
        params.len()
    };
    Ok(BBoxSlots {
        west: slot(b.west),
        south: slot(b.south),
        east: slot(b.east),
        north: slot(b.north),
    })
}

/// One page of a list: the number of rows in `from` matching `where_sql` (with `params`), and
/// the rows of the page in `order`, read with `row`. `from` names the table and its alias, as in
/// `"plans p"`; `cols` and `order` use that alias.
#[allow(clippy::too_many_arguments)]
pub fn paged<T>(
    c: &rusqlite::Connection,
    from: &str,
    cols: &str,
    where_sql: &str,
    order: &str,
    params: &[rusqlite::types::Value],
    pg: Page,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<(i64, Vec<T>)> {
    let count: i64 = c.query_row(
        &format!("SELECT COUNT(*) FROM {from} WHERE {where_sql}"),
        rusqlite::params_from_iter(params.iter()),
        |r| r.get(0),
    )?;
    let mut all = params.to_vec();
    all.push(rusqlite::types::Value::Integer(pg.limit));
    all.push(rusqlite::types::Value::Integer(pg.offset));
    let n = all.len();
    let mut stmt = c.prepare(&format!(
        "SELECT {cols} FROM {from} WHERE {where_sql} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        n - 1,
        n
    ))?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(all.iter()), row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((count, items))
}

/// The participant behind `Authorization: Bearer <token>`, required.
#[derive(Debug, Clone, Copy)]
pub struct Participant(pub i64);

/// The participant when a token is sent; an invalid token is still an error.
#[derive(Debug, Clone, Copy)]
pub struct MaybeParticipant(pub Option<i64>);

pub fn bearer(parts: &Parts) -> Result<Option<String>, ApiError> {
    let Some(v) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let v = v.to_str().map_err(|_| ApiError::unauthorized())?;
    let (scheme, token) = v.split_once(' ').ok_or_else(ApiError::unauthorized)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::unauthorized());
    }
    Ok(Some(token.trim().to_owned()))
}

pub async fn lookup(state: &AppState, token: String) -> Result<i64, ApiError> {
    let hash = sha256_hex(token.as_bytes());
    state
        .db
        .read(move |c| {
            use rusqlite::OptionalExtension;
            Ok(c.query_row(
                "SELECT id FROM participants WHERE token_hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await?
        .ok_or_else(ApiError::unauthorized)
}

impl FromRequestParts<AppState> for Participant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer(parts)?.ok_or_else(ApiError::unauthorized)?;
        lookup(state, token).await.map(Participant)
    }
}

impl FromRequestParts<AppState> for MaybeParticipant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match bearer(parts)? {
            None => Ok(MaybeParticipant(None)),
            Some(token) => lookup(state, token)
                .await
                .map(|id| MaybeParticipant(Some(id))),
        }
    }
}

/// The peer address of the connection (the server does not trust forwarding headers).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

/// The client's address: the TCP peer, or with `--trust-proxy` and a loopback peer, the last
/// address in `X-Forwarded-For` (the one the local proxy added).
pub fn client_ip(parts: &Parts, trust_proxy: bool) -> IpAddr {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    if !trust_proxy || !peer.is_loopback() {
        return peer;
    }
    // Only the entry the proxy appended is trusted; anything before it came from the client.
    parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|a| a.trim().parse::<IpAddr>().ok())
        .unwrap_or(peer)
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(parts, state.config.trust_proxy)))
    }
}

/// `true`/`false` query values.
pub fn de_opt_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    match s.as_deref() {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(other) => Err(serde::de::Error::custom(format!(
            "expected true or false, got {other:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers() {
        assert_eq!(
            pointer_of("answers[0].option_ids[2]"),
            "/answers/0/option_ids/2"
        );
        assert_eq!(pointer_of("text"), "/text");
        assert_eq!(pointer_of("."), "");
    }

    #[test]
    fn helsinki_time() {
        // 2026-07-01T12:00Z is summer time, 2026-12-01T12:00Z winter time.
        assert_eq!(ts_local(1_782_907_200), "2026-07-01T15:00:00+03:00");
        assert_eq!(ts_local(1_796_126_400), "2026-12-01T14:00:00+02:00");
        assert_eq!(ts(1_796_126_400), "2026-12-01T12:00:00Z");
    }

    #[test]
    fn text_rules() {
        assert_eq!(plain_text("  hei  ", "/t", 1, 10, false).unwrap(), "hei");
        assert_eq!(
            plain_text("", "/t", 1, 10, false).unwrap_err().code,
            "required"
        );
        assert_eq!(
            plain_text("abcdefghijk", "/t", 1, 10, false)
                .unwrap_err()
                .code,
            "too_long"
        );
        assert_eq!(
            plain_text("a\u{0}b", "/t", 1, 10, true).unwrap_err().code,
            "invalid_characters"
        );
        assert!(plain_text("rivi\nrivi", "/t", 1, 20, true).is_ok());
        assert!(plain_text("rivi\nrivi", "/t", 1, 20, false).is_err());
        // Characters, not bytes.
        assert!(plain_text(&"ä".repeat(10), "/t", 1, 10, false).is_ok());
    }
}
