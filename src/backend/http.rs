//! The one place that performs HTTP requests: runs the adapters' [`ApiRequest`]s.

use super::{ApiRequest, ApiResponse, BackendError, Method};
use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::JsCast;

/// How long a request may take before it counts as [`BackendError::Timeout`].
pub(crate) const DEFAULT_TIMEOUT_MS: i32 = 20_000;

/// Why a plain GET (such as `config.json`) did not give a usable answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HttpError {
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
pub(crate) async fn get_text(url: &str) -> Result<String, HttpError> {
    let raw = get(url)
        .await
        .map_err(|e| HttpError::Network(e.to_string()))?;
    if !(200..300).contains(&raw.status) {
        return Err(HttpError::Status(raw.status));
    }
    Ok(raw.body)
}

/// GETs `url` (absolute or site-relative; same-origin cookies go along, as `fetch` does by
/// default) and returns whatever the server answered.
pub(crate) async fn get(url: &str) -> Result<RawResponse, BackendError> {
    let response = Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| BackendError::Network(e.to_string()))?;
    read(response).await
}

/// The whole answer: status, body and `Retry-After`.
async fn read(response: gloo_net::http::Response) -> Result<RawResponse, BackendError> {
    let retry_after = response.headers().get("Retry-After");
    let body = response
        .text()
        .await
        .map_err(|e| BackendError::Network(e.to_string()))?;
    Ok(RawResponse {
        status: response.status(),
        body,
        retry_after,
    })
}

/// POSTs a form (`application/x-www-form-urlencoded`) to `url` without cookies, as OpenID
/// Connect's token endpoint wants it, and returns whatever the server answered.
pub(crate) async fn post_form(url: &str, body: String) -> Result<RawResponse, BackendError> {
    let response = Request::post(url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .credentials(web_sys::RequestCredentials::Omit)
        .body(body)
        .map_err(|e| BackendError::Network(e.to_string()))?
        .send()
        .await
        .map_err(|e| BackendError::Network(e.to_string()))?;
    read(response).await
}

/// An answer as received; [`RawResponse::api`] hands it to an adapter's parser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) body: String,
    pub(crate) retry_after: Option<String>,
}

impl RawResponse {
    pub(crate) fn api(&self) -> ApiResponse<'_> {
        ApiResponse {
            status: self.status,
            body: &self.body,
            retry_after: self.retry_after.as_deref(),
        }
    }
}

/// `base_url` (no trailing slash) joined with an adapter's relative `path`.
pub(crate) fn url_for(base_url: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base_url.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// Sends `request` to the backend at `base_url`. Only a missing answer is an error here;
/// statuses are for the adapter to judge. `bearer` is the participant or sign-in token.
pub(crate) async fn send(
    base_url: &str,
    request: &ApiRequest,
    bearer: Option<&str>,
    timeout_ms: i32,
) -> Result<RawResponse, BackendError> {
    let url = url_for(base_url, &request.path);
    let mut builder: RequestBuilder = match request.method {
        Method::Get => Request::get(&url),
        Method::Post => Request::post(&url),
        Method::Delete => Request::delete(&url),
        Method::Put => Request::put(&url),
    };
    builder = builder
        .header("Accept", "application/json, application/problem+json")
        .query(request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if let Some(token) = bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    if let Some(key) = &request.idempotency_key {
        builder = builder.header("Idempotency-Key", key);
    }
    let controller = web_sys::AbortController::new().ok();
    builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    // Aborts the fetch when this future is dropped before it is done (the view that asked
    // is gone): the browser stops the download instead of finishing it for nobody.
    let mut guard = AbortOnDrop(controller.clone());
    let timer = controller.as_ref().and_then(|c| arm_timeout(c, timeout_ms));
    let built = match &request.body {
        Some(body) => builder.json(body),
        None => builder.build(),
    }
    .map_err(|e| BackendError::Network(e.to_string()))?;
    let result = built.send().await;
    let timed_out = controller.as_ref().is_some_and(|c| c.signal().aborted());
    if let (Some(w), Some(id)) = (web_sys::window(), timer) {
        w.clear_timeout_with_handle(id);
    }
    let response = match result {
        Ok(r) => r,
        Err(_) if timed_out => {
            guard.0 = None;
            return Err(BackendError::Timeout);
        }
        Err(e) => return Err(BackendError::Network(e.to_string())),
    };
    let retry_after = response.headers().get("Retry-After");
    let body = response
        .text()
        .await
        .map_err(|e| BackendError::Network(e.to_string()))?;
    guard.0 = None;
    Ok(RawResponse {
        status: response.status(),
        body,
        retry_after,
    })
}

/// Aborts its controller when dropped, unless disarmed (`.0 = None`) after a complete answer.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            c.abort();
        }
    }
}

fn arm_timeout(controller: &web_sys::AbortController, ms: i32) -> Option<i32> {
    let controller = controller.clone();
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), ms)
        .ok()
}

/// Sends `request` without waiting for an answer, in a way the browser completes even when
/// the page is closing (`fetch` with `keepalive`): for giving back what a page held, from its
/// `pagehide` or its cleanup. The answer is not read.
pub(crate) fn send_keepalive(base_url: &str, request: &ApiRequest, bearer: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query: Vec<(&str, &str)> = request
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut url = url_for(base_url, &request.path);
    if !query.is_empty() {
        let params = web_sys::UrlSearchParams::new().ok();
        if let Some(p) = params {
            for (k, v) in query {
                p.append(k, v);
            }
            url = format!("{url}?{}", String::from(p.to_string()));
        }
    }
    let method = match request.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Delete => "DELETE",
        Method::Put => "PUT",
    };
    let Ok(headers) = web_sys::Headers::new() else {
        return;
    };
    let _ = headers.set("Accept", "application/json, application/problem+json");
    if let Some(token) = bearer {
        let _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    if let Some(key) = &request.idempotency_key {
        let _ = headers.set("Idempotency-Key", key);
    }
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = &request.body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&wasm_bindgen::JsValue::from_str(&body.to_string()));
    }
    init.set_headers(&headers);
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    let _ = window.fetch_with_str_and_init(&url, &init);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_the_base_with_exactly_one_slash() {
        assert_eq!(url_for("/api/v1", "plans/1"), "/api/v1/plans/1");
        assert_eq!(
            url_for("https://x.fi/v1/", "/hearing/abc/"),
            "https://x.fi/v1/hearing/abc/"
        );
    }

    #[test]
    fn a_raw_answer_reaches_the_adapters_with_its_retry_after() {
        let raw = RawResponse {
            status: 429,
            body: "{}".into(),
            retry_after: Some("7".into()),
        };
        assert_eq!(
            raw.api().error(),
            Some(BackendError::RateLimited {
                retry_after_s: Some(7)
            })
        );
    }
}
