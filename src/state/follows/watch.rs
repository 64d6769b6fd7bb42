//! The header badge's client: checks for changes in what is followed when the app starts, again
//! whenever the page comes back into view (focus, a visible tab) and every few minutes while it
//! is visible, and announces later news with a browser notification when the resident asked for
//! that.
//!
//! It runs only while the device follows something: [`while_following`] starts [`watch`] when
//! the first item is followed and stops it (timers and listeners go with it) when the last one
//! is unfollowed. [`watch`] is the one entry to this code, so it can be loaded lazily.

use super::notify::announce;
use super::signals::Follows;
use super::sync::refresh;
use crate::client::follows::follow_backends;
use crate::i18n::use_i18n;
use crate::web::visibility::when_shown;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How often changes are checked while the page is visible.
const POLL_MS: i32 = 5 * 60 * 1000;

/// Runs [`watch`] while anything is followed; only the run that starts with the app checks at
/// once (a follow made later has nothing new yet). In the release build [`watch`] and what only
/// it reaches (the follow sync client, the backends' follow adapters, notifications) are a
/// separate wasm chunk, fetched after the first render and only on a device that follows
/// something: a resident who follows nothing never downloads it.
pub(crate) fn while_following(follows: Follows) {
    let following = Memo::new(move |_| follows.any());
    let at_start = Cell::new(true);
    Effect::new(move |_| {
        if following.get() {
            let check_now = at_start.get();
            // Cleared when this run's owner is cleaned up (nothing followed any more, or the
            // app unmounted) before the chunk arrived: then the watch must not start.
            let alive = Arc::new(AtomicBool::new(true));
            let flag = alive.clone();
            on_cleanup(move || flag.store(false, Ordering::Relaxed));
            let owner = Owner::current();
            leptos::task::spawn_local(async move {
                // A chunk that cannot be fetched (offline) leaves the badge as the device knew
                // it; the next follow or app start tries again.
                if let (Ok(watch), Some(owner)) = (watch_code().await, owner) {
                    if alive.load(Ordering::Relaxed) {
                        owner.with(|| watch(follows, check_now));
                    }
                }
            });
        }
        at_start.set(false);
    });
}

/// The signature of [`watch`], the one function that crosses the split.
type WatchFn = fn(Follows, bool);

/// [`watch`], loaded from its own chunk in the release build.
#[cfg(feature = "split")]
#[::leptos::wasm_split::wasm_split(
    follow_watch,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    return_wrapper(let f = _; { Ok(f) } -> Result<WatchFn, ::leptos::wasm_split::SplitLoaderError>)
)]
fn watch_code() -> WatchFn {
    watch
}

/// [`watch`] at once (tests and builds without chunks).
#[cfg(not(feature = "split"))]
async fn watch_code() -> Result<WatchFn, ::leptos::wasm_split::SplitLoaderError> {
    Ok(watch)
}

/// Checks now (when `check_now`), when the page comes back into view and every [`POLL_MS`]
/// while it is visible, for as long as the calling owner lives. A check asked for while
/// one runs runs once more after it, so no change made meanwhile is missed.
fn watch(follows: Follows, check_now: bool) {
    let i18n = use_i18n();
    let backends = Rc::new(follow_backends());
    let busy = Rc::new(Cell::new(false));
    let again = Rc::new(Cell::new(false));
    // What is new when the app starts is on the badge already; only later news pops up.
    let quiet = Rc::new(Cell::new(check_now));
    let run = Rc::new(move || {
        if busy.replace(true) {
            again.set(true);
            return;
        }
        let (busy, again, quiet) = (busy.clone(), again.clone(), quiet.clone());
        let backends = backends.clone();
        leptos::task::spawn_local(async move {
            loop {
                again.set(false);
                let _ = refresh(follows, &backends).await;
                let fresh = follows.take_unannounced();
                if !quiet.replace(false) {
                    announce(i18n, fresh.len());
                }
                if !again.get() {
                    break;
                }
            }
            busy.set(false);
        });
    });
    if check_now {
        run();
    }
    when_shown(POLL_MS, move || run());
}
