//! Browser notifications (the Notification API): whether there are any, the permission, asking
//! for it, and showing one.

/// What the browser allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Permission {
    /// Not asked yet, or asked and dismissed.
    Default,
    /// Allowed.
    Granted,
    /// Blocked by the resident.
    Denied,
}

/// Whether the browser has notifications at all.
pub(crate) fn supported() -> bool {
    super::js::has_global(&["Notification"])
}

/// The current permission (`Default` when there are no notifications).
pub(crate) fn permission() -> Permission {
    if !supported() {
        return Permission::Default;
    }
    match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => Permission::Granted,
        web_sys::NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Default,
    }
}

/// Asks the resident for permission (browsers allow this only in answer to a click) and tells
/// what they chose.
pub(crate) async fn request_permission() -> Permission {
    if !supported() {
        return Permission::Default;
    }
    if let Ok(promise) = web_sys::Notification::request_permission() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    permission()
}

/// Shows a notification titled `title`; a later one with the same `tag` replaces it.
pub(crate) fn show(title: &str, tag: &str) {
    if permission() != Permission::Granted {
        return;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_tag(tag);
    let _ = web_sys::Notification::new_with_options(title, &options);
}
