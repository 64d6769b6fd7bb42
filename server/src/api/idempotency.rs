//! `Idempotency-Key` on POST: the first response to a key is stored and replayed for the
//! same request; the same key with a different request is refused with 422.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::auth::{bearer, lookup};
use super::extract::read_body;
use crate::db::idempotency::{self, Claim};
use crate::error::ApiError;
use crate::secrets::sha256_hex;
use crate::time::now;
use crate::AppState;

const KEPT_HEADERS: &[HeaderName] = &[header::CONTENT_TYPE, header::LOCATION];

pub async fn idempotency(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Staff writes are guarded by If-Match instead; a stored answer must never be replayed to
    // another member of staff behind the same address.
    if req.method() != Method::POST || req.uri().path().starts_with("/staff/") {
        return next.run(req).await;
    }
    let Some(key) = req.headers().get("idempotency-key").cloned() else {
        return next.run(req).await;
    };
    let key = match key.to_str() {
        Ok(k)
            if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| (0x21..=0x7e).contains(&b)) =>
        {
            k.to_owned()
        }
        _ => {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_idempotency_key",
                "Invalid Idempotency-Key",
                "the key must be 1 to 255 visible ASCII characters",
            )
            .into_response()
        }
    };
    let (parts, body) = req.into_parts();
    // Authentication comes first: a missing or invalid token never reaches the key store.
    // Endpoints that take no token ignore the header, as their handlers do.
    let mode = auth_mode(parts.uri.path());
    let participant = match (mode, bearer(&parts)) {
        (Auth::Unused, _) => None,
        (_, Err(e)) => return e.into_response(),
        (_, Ok(Some(token))) => match lookup(&state, token).await {
            Ok(id) => Some(id),
            Err(e) => return e.into_response(),
        },
        (Auth::Required, Ok(None)) => return ApiError::unauthorized().into_response(),
        (_, Ok(None)) => None,
    };
    // Scope keys by the caller: the participant when known, else the peer address.
    let scope = match participant {
        Some(id) => format!("p:{id}"),
        None => {
            let ip = super::auth::client_ip(&parts, state.config.trust_proxy);
            format!("ip:{ip}")
        }
    };
    let bytes = match read_body(
        Request::from_parts(parts.clone(), body),
        state.config.body_limit,
    )
    .await
    {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let ct = parts
        .headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.as_bytes().to_vec())
        .unwrap_or_default();
    let mut material = Vec::with_capacity(bytes.len() + 256);
    material.extend_from_slice(parts.uri.path().as_bytes());
    material.push(b'\n');
    material.extend_from_slice(parts.uri.query().unwrap_or("").as_bytes());
    material.push(b'\n');
    material.extend_from_slice(&ct);
    material.push(b'\n');
    material.extend_from_slice(&bytes);
    let fingerprint = sha256_hex(&material);

    let claim = idempotency::claim(&state.db, &scope, &key, &fingerprint, now()).await;
    match claim {
        Err(e) => ApiError::from(e).into_response(),
        Ok(Claim::Mismatch) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "Idempotency-Key reused",
            "this Idempotency-Key was already used for a different request",
        )
        .into_response(),
        Ok(Claim::InFlight) => ApiError::conflict(
            "idempotency_key_in_use",
            "Request in progress",
            "a request with this Idempotency-Key is still being processed; retry shortly",
        )
        .into_response(),
        Ok(Claim::Replay(status, headers, body)) => {
            let mut resp = Response::new(Body::from(body));
            *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let saved: Vec<(String, String)> = serde_json::from_str(&headers).unwrap_or_default();
            for (k, v) in saved {
                if let (Ok(k), Ok(v)) = (HeaderName::try_from(k), HeaderValue::from_str(&v)) {
                    resp.headers_mut().insert(k, v);
                }
            }
            resp.headers_mut()
                .insert("idempotency-replayed", HeaderValue::from_static("true"));
            resp
        }
        Ok(Claim::Fresh) => {
            let req = Request::from_parts(parts, Body::from(bytes));
            let resp = next.run(req).await;
            let (rparts, rbody) = resp.into_parts();
            let rbytes = axum::body::to_bytes(rbody, 16 * 1024 * 1024)
                .await
                .unwrap_or_default();
            let status = rparts.status;
            let keep = !(status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS);
            let headers = saved_headers(&rparts.headers);
            let answer = keep.then(|| (status.as_u16(), headers, rbytes.to_vec()));
            // Failures that a retry may fix release the key.
            if let Err(e) = idempotency::finish(&state.db, &scope, &key, answer).await {
                tracing::error!(error = %e, "idempotency: cannot store the response");
            }
            Response::from_parts(rparts, Body::from(rbytes))
        }
    }
}

#[derive(Clone, Copy)]
enum Auth {
    Required,
    Optional,
    Unused,
}

/// How each POST endpoint uses the participant token.
fn auth_mode(path: &str) -> Auth {
    let segs: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match segs.as_slice() {
        [.., "comments", _, "vote" | "unvote"]
        | [.., "projects" | "plans" | "events", _, "follow" | "unfollow"]
        | [.., "events", _, "registrations"] => Auth::Required,
        [.., "plans", _, "comments"] | [.., "comments", _, "reports"] => Auth::Optional,
        _ => Auth::Unused,
    }
}

fn saved_headers(h: &HeaderMap) -> String {
    let list: Vec<(String, String)> = KEPT_HEADERS
        .iter()
        .filter_map(|name| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| (name.as_str().to_owned(), v.to_owned()))
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_default()
}
