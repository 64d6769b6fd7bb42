//! The anonymous participant token of the Osallistu contract, one per backend base URL.
//! Kept on the device (session storage in kiosk mode, see [`crate::web::device`]) so a
//! resident's votes and follows stay theirs across visits; created by the first write.

use super::new_key;
use crate::backend::{http, native, BackendError};
use crate::config::Backend;
use crate::web::device;
use std::cell::RefCell;

thread_local! {
    /// One creation in flight per page: concurrent callers wait for the same key.
    static PENDING_KEY: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn storage_key(backend: &Backend) -> String {
    format!("participant.{}", backend.base_url)
}

/// The token this device already has, if any (never creates one).
pub(crate) fn existing(backend: &Backend) -> Option<String> {
    device::get(&storage_key(backend))
}

/// The stored token, or a new one from `POST participants`.
pub(crate) async fn token(backend: &Backend) -> Result<String, BackendError> {
    if let Some(token) = device::get(&storage_key(backend)) {
        return Ok(token);
    }
    // The same idempotency key for every attempt in this page, so two parallel first uses
    // (or a retry after a lost answer) get the same participant.
    let key = PENDING_KEY.with(|k| k.borrow_mut().get_or_insert_with(new_key).clone());
    let raw = http::send(
        &backend.base_url,
        &native::create_participant(&key),
        None,
        http::DEFAULT_TIMEOUT_MS,
    )
    .await?;
    let token = native::parse_participant(&raw.api())?;
    device::set(&storage_key(backend), &token);
    PENDING_KEY.with(|k| k.borrow_mut().take());
    Ok(token)
}

/// Drops the stored token (the server no longer knows it).
pub(crate) fn forget(backend: &Backend) {
    device::remove(&storage_key(backend));
}

/// Whether this device has a participant on `backend` already (nothing is created to find out).
pub(crate) fn exists(backend: &Backend) -> bool {
    device::get(&storage_key(backend)).is_some()
}
