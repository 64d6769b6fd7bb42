//! Request extractors: JSON bodies (with a size limit and JSON Pointer errors), query strings,
//! path parameters.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{ApiError, FieldError};
use crate::AppState;

/// JSON request body: requires `application/json`, reports the failing field as a JSON Pointer,
/// rejects unknown fields (the types use `deny_unknown_fields`).
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        json_body(req, state.config.body_limit).await.map(JsonBody)
    }
}

/// A JSON body of at most `limit` bytes, as [`JsonBody`] reads it.
pub async fn json_body<T: DeserializeOwned>(req: Request, limit: usize) -> Result<T, ApiError> {
    {
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
    }
    let bytes = read_body(req, limit).await?;
    parse_json(&bytes)
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
}
