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

/// How often changes are checked while the page is visible.
const POLL_MS: i32 = 5 * 60 * 1000;

/// Runs [`watch`] while anything is followed; only the run that starts with the app checks at
/// once (a follow made later has nothing new yet).
pub(crate) fn while_following(follows: Follows) {
    let following = Memo::new(move |_| follows.any());
    let at_start = Cell::new(true);
    Effect::new(move |_| {
        if following.get() {
            watch(follows, at_start.get());
        }
        at_start.set(false);
    });
}

/// Checks now (when `check_now`), when the page comes back into view and every [`POLL_MS`]
/// while it is visible, for as long as the calling owner lives. A check asked for while
/// one runs runs once more after it, so no change made meanwhile is missed.
pub(crate) fn watch(follows: Follows, check_now: bool) {
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
