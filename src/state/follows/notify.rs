//! Browser notifications of news in what is followed, when the resident asked for them here.

use crate::i18n::{fill, I18n};
use crate::web::device;
use crate::web::notifications::{self, Permission};

const NOTIFY_KEY: &str = "notify";

/// Where notifications stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotifyState {
    /// The browser has no notifications.
    Unsupported,
    /// Not asked yet, or asked and dismissed.
    Ask,
    /// Allowed, and the resident asked for them here.
    On,
    /// Blocked by the resident.
    Denied,
}

/// The current state.
pub(crate) fn notify_state() -> NotifyState {
    if !notifications::supported() {
        return NotifyState::Unsupported;
    }
    match notifications::permission() {
        Permission::Granted if device::get(NOTIFY_KEY).is_some() => NotifyState::On,
        Permission::Denied => NotifyState::Denied,
        _ => NotifyState::Ask,
    }
}

/// Asks the browser for permission (only ever from a click) and remembers the wish.
pub(crate) async fn request_notifications() -> NotifyState {
    if notifications::request_permission().await == Permission::Granted {
        device::set(NOTIFY_KEY, "1");
    }
    notify_state()
}

/// Shows one notification for `count` new changes, when the resident turned them on.
pub(crate) fn announce(i18n: I18n, count: usize) {
    if count == 0 || notify_state() != NotifyState::On {
        return;
    }
    let title = fill(
        i18n.t().projects_notify_title,
        &[("count", &count.to_string())],
    );
    notifications::show(&title, "osallistu-followed");
}
