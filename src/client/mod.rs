//! Runs the adapters' requests against the backend configured for each capability.
//!
//! Pages call the area modules (`plans`, and later events and projects); they pick the
//! adapter from `config.backends`, send through [`crate::backend::http`] with the
//! participant token where the backend uses one, and parse the answer. Views only ever see
//! domain values or a [`BackendError`].

pub(crate) mod auth;
pub(crate) mod events;
pub(crate) mod follows;
pub(crate) mod participant;
pub(crate) mod plans;
pub(crate) mod projects;
pub(crate) mod staff;

use crate::backend::{http, ApiRequest, ApiResponse, BackendError, Method};
use crate::config::{Backend, BackendKind};

/// Sends `request` to `backend` and parses the answer with `parse`. `auth` adds the
/// request's credentials: the bearer token of a backend with a configured token source
/// ([`auth`]), else the participant token of the reference server. Reads that anyone may make
/// pass `false` and so never need a signed-in resident.
///
/// A participant is created on the first write only: a read (GET) sends the device's token
/// when it has one (so the answer can say "you voted for this") and never creates one, so
/// browsing, crawlers and bots leave no rows behind.
pub(crate) async fn call<T>(
    backend: &Backend,
    request: ApiRequest,
    auth: bool,
    parse: impl FnOnce(&ApiResponse) -> Result<T, BackendError>,
) -> Result<T, BackendError> {
    let participant = auth && backend.kind == BackendKind::Osallistu && backend.auth.is_none();
    let read = request.method == Method::Get;
    let token = if participant && read {
        participant::existing(backend)
    } else if auth {
        bearer(backend, participant).await?
    } else {
        None
    };
    let raw = http::send(
        &backend.base_url,
        &request,
        token.as_deref(),
        http::DEFAULT_TIMEOUT_MS,
    )
    .await?;
    if raw.status == 401 && token.is_some() {
        // The server forgot the participant (a reset database, a new deployment) or the
        // bearer token expired early: start afresh once, with a new token. The request's
        // idempotency key is unchanged.
        if participant {
            participant::forget(backend);
        } else {
            auth::forget(backend);
        }
        // A read goes on without a participant; a write gets a new one.
        let token = if participant && read {
            None
        } else {
            bearer(backend, participant).await?
        };
        let raw = http::send(
            &backend.base_url,
            &request,
            token.as_deref(),
            http::DEFAULT_TIMEOUT_MS,
        )
        .await?;
        return parse(&raw.api());
    }
    parse(&raw.api())
}

async fn bearer(backend: &Backend, participant: bool) -> Result<Option<String>, BackendError> {
    if participant {
        Ok(Some(participant::token(backend).await?))
    } else {
        auth::token(backend).await
    }
}

/// A fresh random key for `Idempotency-Key` (a UUID v4 from the browser's crypto).
pub(crate) fn new_key() -> String {
    crate::web::random::uuid()
}
