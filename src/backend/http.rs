//! The one place that performs HTTP requests.

use gloo_net::http::Request;

/// Why a request did not give a usable answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpError {
    /// No answer at all: offline, DNS, CORS or an aborted request.
    Network(String),
    /// The server answered with a non-success status.
    Status(u16),
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HttpError::Network(detail) => write!(f, "network error: {detail}"),
            HttpError::Status(code) => write!(f, "HTTP status {code}"),
        }
    }
}

/// GETs `url` and returns the body as text.
pub async fn get_text(url: &str) -> Result<String, HttpError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| HttpError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(HttpError::Status(response.status()));
    }
    response
        .text()
        .await
        .map_err(|e| HttpError::Network(e.to_string()))
}
