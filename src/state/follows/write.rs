//! Following and unfollowing: on the device at once, then on the backend.

use super::signals::Follows;
use crate::backend::BackendError;
use crate::client::follows as client;
use crate::config::Backend;
use crate::domain::{FollowKind, Localized};
use std::future::Future;

/// Follows (`on`) or unfollows an item: the device's book changes at once (before the returned
/// future is first polled), so the state shows at once; the backend is told when the future
/// runs, and a refusal puts the book back as it was and returns the reason.
pub(crate) fn set_following(
    follows: Follows,
    backend: Backend,
    kind: FollowKind,
    id: String,
    title: Localized,
    on: bool,
) -> impl Future<Output = Result<(), BackendError>> {
    let key = client::key(&backend, kind, &id);
    follows.set_following(&key, &title, on);
    follows.write_begun();
    // Settles when the backend answered, and also when the future is dropped unanswered.
    let settle = Settle(follows);
    async move {
        let result = client::set_follow(&backend, kind, &id, on).await;
        drop(settle);
        if result.is_err() {
            follows.set_following(&key, &title, !on);
        }
        result.map(|_| ())
    }
}

/// Marks a follow write settled when dropped.
struct Settle(Follows);

impl Drop for Settle {
    fn drop(&mut self) {
        self.0.write_settled();
    }
}
