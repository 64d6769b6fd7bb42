//! Bringing the follow book up to date from the backends.

use super::signals::Follows;
use crate::backend::BackendError;
use crate::client::follows as client;
use crate::config::Backend;
use crate::web::clock::now;

/// Asks each of `backends` (`client::follows::follow_backends`, read where the configuration
/// is at hand) where this device has a participant (no participant means nothing was
/// followed there, and none is created just to look) for its list of follows and the changes in
/// them, and stores both. A backend that cannot be reached keeps what the device knew; the first
/// such error is returned after the others have been asked.
pub(crate) async fn refresh(follows: Follows, backends: &[Backend]) -> Result<(), BackendError> {
    let mut outcome = Ok(());
    for backend in backends {
        let known = client::has_participant(backend)
            || follows
                .book()
                .entries()
                .iter()
                .any(|e| e.key.backend == backend.base_url);
        if !known {
            continue;
        }
        let step = async {
            let mark = follows.write_mark();
            let list = client::followed(backend).await?;
            follows.sync(mark, &backend.base_url, &list);
            let since = follows.book().changes_since(&backend.base_url, now());
            let changes = client::changes(backend, since).await?;
            follows.set_changes(&backend.base_url, changes.items);
            Ok(())
        };
        if let Err(e) = step.await {
            outcome = outcome.and(Err(e));
        }
    }
    outcome
}
