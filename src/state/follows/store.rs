//! The follow book in signals, shared through context and kept on the device (session storage
//! in kiosk mode, so nothing outlives the kiosk session).

use super::{FeedItem, FollowBook, ItemKey, StoredEntry};
use crate::domain::{Change, Localized, Timestamp};
use crate::web::device;
use leptos::prelude::*;

const STORAGE_KEY: &str = "follows";

/// The shared follow state: the book, the latest change lists per backend, and whether the
/// resident asked for browser notifications.
#[derive(Clone, Copy)]
pub struct Follows {
    book: RwSignal<FollowBook>,
    changes: RwSignal<Vec<(String, Vec<Change>)>>,
    /// Changes already announced, so a notification is shown once.
    announced: StoredValue<Vec<FeedItem>>,
    /// The first fetch of changes has finished (with or without an error).
    loaded: RwSignal<bool>,
    /// The last fetch failed; the text is a translated message chosen by the caller.
    failed: RwSignal<bool>,
}

/// Reads the stored book and provides the follow state to the app.
pub fn provide_follows_context() -> Follows {
    let stored: Vec<StoredEntry> = device::get_json(STORAGE_KEY).unwrap_or_default();
    let follows = Follows {
        book: RwSignal::new(FollowBook::from_stored(stored)),
        changes: RwSignal::new(Vec::new()),
        announced: StoredValue::new(Vec::new()),
        loaded: RwSignal::new(false),
        failed: RwSignal::new(false),
    };
    provide_context(follows);
    follows
}

/// The follow state. Panics outside the app (a programming error).
pub fn use_follows() -> Follows {
    expect_context::<Follows>()
}

/// The current time from the browser clock.
pub fn now() -> Timestamp {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64)
}

impl Follows {
    fn save(&self) {
        let stored = self.book.with_untracked(FollowBook::to_stored);
        device::set_json(STORAGE_KEY, &stored);
    }

    /// Whether `key` is followed (tracked).
    pub fn is_following(&self, key: &ItemKey) -> bool {
        self.book.with(|b| b.is_following(key))
    }

    /// The book (tracked).
    pub fn book(&self) -> FollowBook {
        self.book.get()
    }

    /// Follows or unfollows `key` on the device at once (the server call follows).
    pub fn set_following(&self, key: &ItemKey, title: &Localized, on: bool) {
        self.book.update(|b| {
            if on {
                b.follow(key.clone(), title.clone(), now());
            } else {
                b.unfollow(key);
            }
        });
        self.save();
    }

    /// Marks `key` seen now, or at its newest known change if the server clock is ahead.
    pub fn mark_seen(&self, key: &ItemKey, title: Option<Localized>) {
        let newest = self.changes.with_untracked(|lists| {
            lists
                .iter()
                .filter(|(b, _)| *b == key.backend)
                .flat_map(|(_, c)| c)
                .filter(|c| c.item_kind == key.kind && c.item_id == key.id)
                .map(|c| c.at)
                .max()
        });
        let at = newest.map_or(now(), |n| n.max(now()));
        self.book.update(|b| b.mark_seen(key, at, title));
        self.save();
    }

    /// Takes a backend's list of follows as the truth for that backend.
    pub fn sync(&self, backend: &str, followed: &[crate::domain::Followed]) {
        self.book.update(|b| b.sync(backend, followed));
        self.save();
    }

    /// Stores the newest change list of `backend`.
    pub fn set_changes(&self, backend: &str, changes: Vec<Change>) {
        self.changes.update(|lists| {
            lists.retain(|(b, _)| b != backend);
            lists.push((backend.to_owned(), changes));
        });
    }

    /// The merged feed, newest first (tracked).
    pub fn feed(&self) -> Vec<FeedItem> {
        let lists = self.changes.get();
        self.book.with(|b| b.feed(&lists))
    }

    /// New changes in everything followed (tracked).
    pub fn unread_total(&self) -> usize {
        self.feed().iter().filter(|f| f.unread).count()
    }

    /// New changes not announced before; remembers them as announced.
    pub fn take_unannounced(&self) -> Vec<FeedItem> {
        let fresh: Vec<FeedItem> = untrack(|| self.feed())
            .into_iter()
            .filter(|f| f.unread)
            .filter(|f| !self.announced.with_value(|a| a.contains(f)))
            .collect();
        self.announced
            .update_value(|a| a.extend(fresh.iter().cloned()));
        fresh
    }

    /// Records the outcome of a fetch.
    pub fn set_loaded(&self, ok: bool) {
        self.loaded.set(true);
        self.failed.set(!ok);
    }

    /// Whether the first fetch has finished (tracked).
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    /// Whether the last fetch failed (tracked).
    pub fn failed(&self) -> bool {
        self.failed.get()
    }
}
