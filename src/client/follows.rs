//! Following on the configured backends: follow and unfollow, the participant's own list and
//! what changed in it.
//!
//! Following works on backends that speak the Osallistu contract (anonymous participant
//! tokens); items are keyed by backend ([`ItemKey`]), so other backends can join later. What the
//! device keeps and when it asks is `state::follows`.

use super::{call, new_key, participant};
use crate::backend::{native, BackendError};
use crate::config::{backend, Backend, BackendKind, Capability};
use crate::domain::{Changes, FollowKind, FollowState, Followed, ItemKey, Timestamp};

/// Whether `backend` supports anonymous following through this app.
pub(crate) fn can_follow(backend: &Backend) -> bool {
    backend.kind == BackendKind::Osallistu
}

/// The key of an item on `backend`.
pub(crate) fn key(backend: &Backend, kind: FollowKind, id: &str) -> ItemKey {
    ItemKey::new(backend.base_url.clone(), kind, id)
}

/// The distinct backends that can hold follows: those of projects, plans and events that speak
/// the Osallistu contract.
pub(crate) fn follow_backends() -> Vec<Backend> {
    let mut out: Vec<Backend> = Vec::new();
    for b in [Capability::Projects, Capability::Plans, Capability::Events].map(backend) {
        if can_follow(&b) && !out.iter().any(|o| o.base_url == b.base_url) {
            out.push(b);
        }
    }
    out
}

/// Whether this device has a participant on `backend`: without one, it follows nothing there.
pub(crate) fn has_participant(backend: &Backend) -> bool {
    participant::exists(backend)
}

/// Follows (`on`) or unfollows an item on its backend.
pub(crate) async fn set_follow(
    backend: &Backend,
    kind: FollowKind,
    id: &str,
    on: bool,
) -> Result<FollowState, BackendError> {
    if !can_follow(backend) {
        return Err(BackendError::Forbidden {
            code: "follow_unsupported".into(),
        });
    }
    let key = new_key();
    let request = if on {
        native::follow(kind, id, &key)
    } else {
        native::unfollow(kind, id, &key)
    };
    call(backend, request, true, native::parse_follow).await
}

/// Everything the participant follows on `backend`, with the instants following began.
pub(crate) async fn followed(backend: &Backend) -> Result<Vec<Followed>, BackendError> {
    call(backend, native::get_me(), true, native::parse_me).await
}

/// What changed after `since` (exclusive, to the microsecond) in what the participant follows on
/// `backend`, and the server's instant the answer reaches up to.
pub(crate) async fn changes(backend: &Backend, since: Timestamp) -> Result<Changes, BackendError> {
    call(
        backend,
        native::list_changes(since),
        true,
        native::parse_changes,
    )
    .await
}
