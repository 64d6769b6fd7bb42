//! Descriptions of HTTP requests and answers, so adapters stay pure functions.

use super::BackendError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// DELETE.
    Delete,
    /// PUT (Linked Events changes a seat reservation with it).
    Put,
}

/// A request for the HTTP layer to send. `path` is relative to the backend's `base_url`
/// (no leading slash); `query` is unencoded; `body` is sent as JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiRequest {
    /// Method.
    pub(crate) method: Method,
    /// Path below the base URL, e.g. `plans/1/comments` or `hearing/abc/`.
    pub(crate) path: String,
    /// Query parameters, unencoded, in order.
    pub(crate) query: Vec<(String, String)>,
    /// JSON body.
    pub(crate) body: Option<Value>,
    /// `Idempotency-Key` header, only for backends that honour it.
    pub(crate) idempotency_key: Option<String>,
}

impl ApiRequest {
    /// A GET of `path` with the given query.
    pub(crate) fn get(path: impl Into<String>, query: Vec<(String, String)>) -> Self {
        Self {
            method: Method::Get,
            path: path.into(),
            query,
            body: None,
            idempotency_key: None,
        }
    }

    /// A POST of `body` (if any) to `path`.
    pub(crate) fn post(path: impl Into<String>, body: Option<Value>) -> Self {
        Self {
            method: Method::Post,
            path: path.into(),
            query: Vec::new(),
            body,
            idempotency_key: None,
        }
    }

    /// A PUT of `body` to `path`.
    pub(crate) fn put(path: impl Into<String>, body: serde_json::Value) -> Self {
        Self {
            method: Method::Put,
            path: path.into(),
            query: Vec::new(),
            body: Some(body),
            idempotency_key: None,
        }
    }

    /// A DELETE of `path`.
    pub(crate) fn delete(path: impl Into<String>) -> Self {
        Self {
            method: Method::Delete,
            path: path.into(),
            query: Vec::new(),
            body: None,
            idempotency_key: None,
        }
    }
}

/// An HTTP answer as the adapters' parsers read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApiResponse<'a> {
    /// HTTP status.
    pub(crate) status: u16,
    /// Body text.
    pub(crate) body: &'a str,
    /// `Retry-After` header, if any.
    pub(crate) retry_after: Option<&'a str>,
}

impl<'a> ApiResponse<'a> {
    /// An answer without a `Retry-After` header.
    pub fn new(status: u16, body: &'a str) -> Self {
        Self {
            status,
            body,
            retry_after: None,
        }
    }

    /// The typed error for a non-success status, or `None` for 2xx.
    pub(crate) fn error(&self) -> Option<BackendError> {
        (!(200..300).contains(&self.status))
            .then(|| BackendError::from_response(self.status, self.body, self.retry_after))
    }

    /// Decodes a success body into wire type `T`, or the typed error for the answer.
    pub(crate) fn decode<T: DeserializeOwned>(&self) -> Result<T, BackendError> {
        if let Some(error) = self.error() {
            return Err(error);
        }
        // serde_json's own message (what was wrong, at which line and column) rather than a
        // field path: tracking paths doubled the adapters' share of the wasm.
        serde_json::from_str(self.body).map_err(|e| BackendError::Decode {
            detail: e.to_string(),
        })
    }
}

/// Helper for building query lists.
pub(crate) fn pair(key: &str, value: impl ToString) -> (String, String) {
    (key.to_string(), value.to_string())
}
