//! The one mapping from an HTTP answer to a typed error.

use serde_json::{Map, Value};
use std::fmt;

/// Why a backend call did not give a usable answer. The UI turns each into a translated
/// message; nothing here is ever turned into an empty result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// No answer: offline, DNS, CORS or an aborted request.
    Network(String),
    /// No answer in time (or the server said 408).
    Timeout,
    /// Sign-in or a participant token is needed, or the one sent is not valid.
    Unauthorized,
    /// Refused for a stated reason, e.g. Kerrokantasi's `hearing_closed`,
    /// `commenting_registered`, `voting_registered`; `forbidden` when no reason was given.
    Forbidden {
        /// The backend's reason code.
        code: String,
    },
    /// No such thing.
    NotFound,
    /// It existed but was deleted.
    Gone,
    /// Conflicts with the current state: `full`, `waitlist_full`, `not_enough_seats`,
    /// `comment_period_closed`, `already_registered`, `registration_closed`,
    /// `already_cancelled`, `idempotency_key_reused`…
    Conflict {
        /// The conflict's code.
        code: String,
    },
    /// The input was refused. Each pair is a field path (`""` for the whole request) and a
    /// machine code where the backend gives one, else its message.
    Validation {
        /// `(field, code or message)` pairs.
        fields: Vec<(String, String)>,
    },
    /// Too many requests; try again after this many seconds when given.
    RateLimited {
        /// The `Retry-After` value.
        retry_after_s: Option<u64>,
    },
    /// Any other refusal the app cannot fix by changing input (405, 413, 415, a redirect…).
    Rejected {
        /// HTTP status.
        status: u16,
    },
    /// The server failed (5xx).
    Server {
        /// HTTP status.
        status: u16,
    },
    /// The answer did not have the expected shape.
    Decode {
        /// Where and why decoding failed.
        detail: String,
    },
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Network(detail) => write!(f, "network error: {detail}"),
            BackendError::Timeout => f.write_str("timed out"),
            BackendError::Unauthorized => f.write_str("not signed in"),
            BackendError::Forbidden { code } => write!(f, "forbidden: {code}"),
            BackendError::NotFound => f.write_str("not found"),
            BackendError::Gone => f.write_str("deleted"),
            BackendError::Conflict { code } => write!(f, "conflict: {code}"),
            BackendError::Validation { fields } => write!(f, "invalid input: {fields:?}"),
            BackendError::RateLimited { .. } => f.write_str("too many requests"),
            BackendError::Rejected { status } => write!(f, "refused with HTTP {status}"),
            BackendError::Server { status } => write!(f, "server error HTTP {status}"),
            BackendError::Decode { detail } => write!(f, "unexpected answer: {detail}"),
        }
    }
}

impl std::error::Error for BackendError {}

/// Keys of error bodies that describe the error rather than name a field.
const ENVELOPE: [&str; 6] = ["type", "title", "status", "detail", "code", "instance"];

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Flattens `{"field": ["msg"]}`, `{"field": {"sv": "msg"}}` and `{"signups": [{…}]}` into
/// `(path, message)` pairs, paths joined with dots.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match v {
        Value::Object(map) => {
            for (key, inner) in map {
                let key = if key == "non_field_errors" { "" } else { key };
                flatten(&join(key), inner, out);
            }
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            out.extend(items.iter().map(|i| (prefix.to_string(), text_of(i))));
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                flatten(&join(&i.to_string()), inner, out);
            }
        }
        other => out.push((prefix.to_string(), text_of(other))),
    }
}

fn field_errors(body: &Map<String, Value>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(Value::Array(errors)) = body.get("errors") {
        // RFC 9457 with JSON Pointers (the reference server).
        for e in errors {
            let pointer = e.get("pointer").map(text_of).unwrap_or_default();
            let field = pointer.strip_prefix('/').unwrap_or(&pointer).to_string();
            let code = e.get("code").or_else(|| e.get("message")).map(text_of);
            out.push((field, code.unwrap_or_default()));
        }
        return out;
    }
    for (key, value) in body.iter().filter(|(k, _)| !ENVELOPE.contains(&k.as_str())) {
        let mut one = Map::new();
        one.insert(key.clone(), value.clone());
        flatten("", &Value::Object(one), &mut out);
    }
    out
}

impl BackendError {
    /// Maps a non-success HTTP answer of any of the three backends to an error.
    ///
    /// Understands RFC 9457 problem details (`code`, `errors[].pointer`), Django REST
    /// Framework bodies (`{"field": ["msg"]}`, `non_field_errors`, `{"status", "code"}`,
    /// `{"detail"}`) and Linked Events' nested per-language and per-signup errors.
    /// `retry_after` is the `Retry-After` header, if any.
    pub(crate) fn from_response(
        status: u16,
        body: &str,
        retry_after: Option<&str>,
    ) -> BackendError {
        let json: Option<Map<String, Value>> = serde_json::from_str(body).ok();
        let code = json
            .as_ref()
            .and_then(|m| m.get("code"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let fields = || {
            let fields = json.as_ref().map(field_errors).unwrap_or_default();
            if fields.is_empty() {
                let detail = json.as_ref().and_then(|m| m.get("detail")).map(text_of);
                vec![(String::new(), code.clone().or(detail).unwrap_or_default())]
            } else {
                fields
            }
        };
        match status {
            400 => BackendError::Validation { fields: fields() },
            401 => BackendError::Unauthorized,
            403 => BackendError::Forbidden {
                code: code.unwrap_or_else(|| "forbidden".to_string()),
            },
            404 => BackendError::NotFound,
            408 => BackendError::Timeout,
            409 => BackendError::Conflict {
                code: code.unwrap_or_else(|| "conflict".to_string()),
            },
            410 => BackendError::Gone,
            422 if code.as_deref() == Some("idempotency_key_reused") => BackendError::Conflict {
                code: "idempotency_key_reused".to_string(),
            },
            422 => BackendError::Validation { fields: fields() },
            429 => BackendError::RateLimited {
                retry_after_s: retry_after.and_then(|s| s.trim().parse().ok()),
            },
            500..=599 => BackendError::Server { status },
            _ => BackendError::Rejected { status },
        }
    }
}
