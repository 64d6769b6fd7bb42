//! Projects and following on the configured backends.
//!
//! Following works on backends that speak the Osallistu contract (anonymous participant
//! tokens); the follow book keys items by backend, so other backends can join later.

use super::{call, new_key};
use crate::backend::{native, BackendError};
use crate::config::{Backend, BackendKind};
use crate::domain::*;
use crate::state::follows::store::{now, Follows};
use crate::state::follows::ItemKey;
use crate::web::device;

/// A page of projects.
pub async fn list(
    backend: &Backend,
    query: &ProjectQuery,
    page: PageQuery,
) -> Result<Page<ProjectSummary>, BackendError> {
    call(
        backend,
        native::list_projects(query, page),
        false,
        native::parse_projects,
    )
    .await
}

/// One project, with whether this participant follows it when a token exists already.
pub async fn get(backend: &Backend, id: &str) -> Result<Project, BackendError> {
    call(
        backend,
        native::get_project(id),
        has_token(backend),
        native::parse_project,
    )
    .await
}

/// A project's updates, newest first.
pub async fn updates(
    backend: &Backend,
    id: &str,
    page: PageQuery,
) -> Result<Page<ProjectUpdate>, BackendError> {
    call(
        backend,
        native::list_project_updates(id, page),
        false,
        native::parse_project_updates,
    )
    .await
}

/// Whether `backend` supports anonymous following through this app.
pub fn can_follow(backend: &Backend) -> bool {
    backend.kind == BackendKind::Osallistu
}

fn has_token(backend: &Backend) -> bool {
    device::get(&format!("participant.{}", backend.base_url)).is_some()
}

/// Follows or unfollows an item on its backend.
pub async fn set_follow(
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

/// The distinct backends that can hold follows: those of projects, plans and events that speak
/// the Osallistu contract.
pub fn follow_backends() -> Vec<Backend> {
    use crate::config::{backend, Capability};
    let all = [
        backend(Capability::Projects),
        backend(Capability::Plans),
        backend(Capability::Events),
    ];
    let mut out: Vec<Backend> = Vec::new();
    for b in all {
        if can_follow(&b) && !out.iter().any(|o| o.base_url == b.base_url) {
            out.push(b);
        }
    }
    out
}

/// Brings the follow book up to date from every backend where this device has a participant
/// (no token means nothing was followed there, and no participant is created just to look).
/// Returns false when a backend could not be reached.
pub async fn refresh(follows: Follows, backends: &[Backend]) -> bool {
    let mut ok = true;
    for backend in backends {
        let known = has_token(backend)
            || follows
                .book()
                .entries()
                .iter()
                .any(|e| e.key.backend == backend.base_url);
        if !known {
            continue;
        }
        match call(backend, native::get_me(), true, native::parse_me).await {
            Ok(list) => follows.sync(&backend.base_url, &list),
            Err(_) => {
                ok = false;
                continue;
            }
        }
        let since = follows.book().changes_since(&backend.base_url, now());
        match call(
            backend,
            native::list_changes(since),
            true,
            native::parse_changes,
        )
        .await
        {
            Ok(changes) => follows.set_changes(&backend.base_url, changes.items),
            Err(_) => ok = false,
        }
    }
    follows.set_loaded(ok);
    ok
}

/// The key of an item on `backend`.
pub fn key(backend: &Backend, kind: FollowKind, id: &str) -> ItemKey {
    ItemKey::new(backend.base_url.clone(), kind, id)
}

/// Checks for changes now, again whenever the page becomes visible or regains focus, and every
/// few minutes while it is visible; announces new ones with a browser notification when the
/// resident asked for that. Lives as long as the calling component.
pub fn watch_changes(follows: Follows) {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let i18n = crate::i18n::use_i18n();
    let backends = StoredValue::new(follow_backends());
    let busy = StoredValue::new(false);
    let first = StoredValue::new(true);
    let run = move || {
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            refresh(follows, &backends.get_value()).await;
            busy.set_value(false);
            let fresh = follows.take_unannounced();
            // What was new at start-up is on the badge already; only later changes pop up.
            if !first.get_value() {
                notify_new(i18n, fresh.len());
            }
            first.set_value(false);
        });
    };
    run();
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_show = Closure::<dyn Fn()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if !hidden {
            run();
        }
    });
    let f = on_show.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let _ = window.add_event_listener_with_callback("focus", &f);
    if let Some(doc) = window.document() {
        let _ = doc.add_event_listener_with_callback("visibilitychange", &f);
    }
    let interval = window
        .set_interval_with_callback_and_timeout_and_arguments_0(&f, POLL_MS)
        .ok();
    let held = send_wrapper::SendWrapper::new((window, on_show, interval));
    on_cleanup(move || {
        let (window, on_show, interval) = held.take();
        let f = on_show.as_ref().unchecked_ref::<js_sys::Function>();
        let _ = window.remove_event_listener_with_callback("focus", f);
        if let Some(doc) = window.document() {
            let _ = doc.remove_event_listener_with_callback("visibilitychange", f);
        }
        if let Some(id) = interval {
            window.clear_interval_with_handle(id);
        }
    });
}

/// How often changes are checked while the page is visible.
const POLL_MS: i32 = 5 * 60 * 1000;
const NOTIFY_KEY: &str = "notify";

/// What the browser allows for notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotifyState {
    /// The browser has no notifications.
    Unsupported,
    /// Not asked yet, or asked and dismissed.
    Ask,
    /// Allowed, and the resident asked for them here.
    On,
    /// Blocked by the resident.
    Denied,
}

fn notification_supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &wasm_bindgen::JsValue::from_str("Notification")).unwrap_or(false)
    })
}

/// The current notification state.
pub fn notify_state() -> NotifyState {
    use web_sys::NotificationPermission as P;
    if !notification_supported() {
        return NotifyState::Unsupported;
    }
    match web_sys::Notification::permission() {
        P::Granted if device::get(NOTIFY_KEY).is_some() => NotifyState::On,
        P::Denied => NotifyState::Denied,
        _ => NotifyState::Ask,
    }
}

/// Asks the browser for permission (only ever from a click) and remembers the wish.
pub async fn request_notifications() -> NotifyState {
    if !notification_supported() {
        return NotifyState::Unsupported;
    }
    if let Ok(promise) = web_sys::Notification::request_permission() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    if web_sys::Notification::permission() == web_sys::NotificationPermission::Granted {
        device::set(NOTIFY_KEY, "1");
    }
    notify_state()
}

/// Shows one notification for `count` new changes, when the resident turned them on.
fn notify_new(i18n: crate::i18n::I18n, count: usize) {
    if count == 0 || notify_state() != NotifyState::On {
        return;
    }
    let title = crate::i18n::fill(i18n.t().notify_title, &[("count", &count.to_string())]);
    let options = web_sys::NotificationOptions::new();
    options.set_tag("osallistu-followed");
    let _ = web_sys::Notification::new_with_options(&title, &options);
}
