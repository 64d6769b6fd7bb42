//! Bearer tokens for backends whose writes need a signed-in user or a service token (for
//! example Linked Events sign-ups). Where a token comes from is set per backend in
//! `config.json` (`backends.<area>.auth`, see [`crate::config::Auth`]):
//!
//! - `{"token_url": "/auth/token"}`: a `GET` with the site's cookies answers
//!   `{"access_token": "…", "expires_in": 300}` (a sign-in service's backend-for-frontend);
//! - `{}`: the token is handed over at run time with [`set_token`] (a later sign-in flow).
//!
//! Tokens live in memory only: never in localStorage or sessionStorage, so a reload or a kiosk
//! reset forgets them.

use crate::backend::{http, BackendError};
use crate::config::{Auth, Backend};
use crate::web::clock::now_ms;
use std::cell::RefCell;
use std::collections::HashMap;

/// A token is asked for again this long before it expires.
const EARLY_MS: f64 = 30_000.0;

struct Held {
    token: String,
    /// Milliseconds since the epoch; `None` when the source gave no lifetime.
    expires_at: Option<f64>,
}

thread_local! {
    static TOKENS: RefCell<HashMap<String, Held>> = RefCell::new(HashMap::new());
}

#[derive(serde::Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: Option<f64>,
}

/// Hands `backend` a token obtained elsewhere (a sign-in flow), valid for `expires_in_s`
/// seconds when known. It replaces any token held for that backend.
pub(crate) fn set_token(backend: &Backend, token: String, expires_in_s: Option<f64>) {
    let now = now_ms();
    TOKENS.with(|t| {
        t.borrow_mut().insert(
            backend.base_url.clone(),
            Held {
                token,
                expires_at: expires_in_s.map(|s| now + s * 1000.0),
            },
        )
    });
}

/// Drops the token held for `backend` (after a 401, or at a kiosk reset).
pub(crate) fn forget(backend: &Backend) {
    TOKENS.with(|t| t.borrow_mut().remove(&backend.base_url));
}

/// The token held for `backend` while it is valid, without asking for a new one (for a request
/// sent as the page closes, which cannot wait).
pub(crate) fn held(backend: &Backend) -> Option<String> {
    let now = now_ms();
    TOKENS.with(|t| {
        t.borrow()
            .get(&backend.base_url)
            .filter(|h| h.expires_at.is_none_or(|e| e - EARLY_MS > now))
            .map(|h| h.token.clone())
    })
}

/// The bearer token for `backend`: `Ok(None)` when its config names no token source, the held
/// token while it is valid, else a fresh one from the source. A source that refuses (the
/// resident is not signed in) is [`BackendError::Unauthorized`].
pub(crate) async fn token(backend: &Backend) -> Result<Option<String>, BackendError> {
    let Some(auth) = &backend.auth else {
        return Ok(None);
    };
    if let Some(token) = held(backend) {
        return Ok(Some(token));
    }
    match auth {
        Auth::Runtime => Err(BackendError::Unauthorized),
        Auth::TokenUrl(url) => {
            let response = http::get(url).await?;
            match response.status {
                200 => {}
                401 | 403 => return Err(BackendError::Unauthorized),
                status => return Err(BackendError::Server { status }),
            }
            let answer: TokenAnswer =
                serde_json::from_str(&response.body).map_err(|e| BackendError::Decode {
                    detail: format!("token answer: {e}"),
                })?;
            set_token(backend, answer.access_token.clone(), answer.expires_in);
            Ok(Some(answer.access_token))
        }
    }
}
