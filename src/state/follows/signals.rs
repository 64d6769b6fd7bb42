//! The follow book in signals, kept on the device (session storage in kiosk mode, so nothing
//! outlives the kiosk session).

use super::book::{FeedItem, FollowBook, StoredEntry};
use crate::domain::{Change, Followed, ItemKey, Localized};
use crate::web::clock::now;
use crate::web::device;
use leptos::prelude::*;

const STORAGE_KEY: &str = "follows";

/// The shared follow state: the book and the latest change lists per backend.
#[derive(Clone, Copy)]
pub struct Follows {
    book: RwSignal<FollowBook>,
    changes: RwSignal<Vec<(String, Vec<Change>)>>,
    /// Changes already announced, so a notification is shown once.
    announced: StoredValue<Vec<FeedItem>>,
    /// Follows and unfollows made on this device: how many were begun, and how many still wait
    /// for the backend. A backend list asked for before the last of them settled is older than
    /// the device's book and must not overwrite it.
    writes: StoredValue<Writes>,
}

/// See [`Follows::write_mark`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Writes {
    begun: u64,
    waiting: u32,
}

impl Follows {
    /// The book stored on the device, and no changes yet.
    pub(super) fn from_device() -> Follows {
        let stored: Vec<StoredEntry> = device::get_json(STORAGE_KEY).unwrap_or_default();
        Follows {
            book: RwSignal::new(FollowBook::from_stored(stored)),
            changes: RwSignal::new(Vec::new()),
            announced: StoredValue::new(Vec::new()),
            writes: StoredValue::new(Writes::default()),
        }
    }

    fn save(&self) {
        let stored = self.book.with_untracked(FollowBook::to_stored);
        device::set_json(STORAGE_KEY, &stored);
    }

    /// Whether `key` is followed (tracked).
    pub(crate) fn is_following(&self, key: &ItemKey) -> bool {
        self.book.with(|b| b.is_following(key))
    }

    /// Whether anything is followed (tracked).
    pub(crate) fn any(&self) -> bool {
        self.book.with(|b| !b.entries().is_empty())
    }

    /// The book (tracked).
    pub(crate) fn book(&self) -> FollowBook {
        self.book.get()
    }

    /// Follows or unfollows `key` on the device at once (the server call follows).
    pub(crate) fn set_following(&self, key: &ItemKey, title: &Localized, on: bool) {
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
    pub(crate) fn mark_seen(&self, key: &ItemKey, title: Option<Localized>) {
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

    /// A follow or unfollow begins: the book changed on the device, the backend is being told.
    pub(crate) fn write_begun(&self) {
        self.writes.update_value(|w| {
            w.begun += 1;
            w.waiting += 1;
        });
    }

    /// The backend answered a follow or unfollow (either way).
    pub(crate) fn write_settled(&self) {
        self.writes
            .update_value(|w| w.waiting = w.waiting.saturating_sub(1));
    }

    /// Taken before asking a backend for its list and handed to [`Follows::sync`].
    pub(crate) fn write_mark(&self) -> Writes {
        self.writes.get_value()
    }

    /// Takes a backend's list of follows as the truth for that backend, unless it may be older
    /// than the book: a follow or unfollow was begun since `mark` was taken, or was still
    /// waiting for the backend then or now. Returns whether the list was taken.
    pub(crate) fn sync(&self, mark: Writes, backend: &str, followed: &[Followed]) -> bool {
        let now = self.writes.get_value();
        if now != mark || now.waiting > 0 {
            return false;
        }
        self.book.update(|b| b.sync(backend, followed));
        self.save();
        true
    }

    /// Stores the newest change list of `backend`.
    pub(crate) fn set_changes(&self, backend: &str, changes: Vec<Change>) {
        self.changes.update(|lists| {
            lists.retain(|(b, _)| b != backend);
            lists.push((backend.to_owned(), changes));
        });
    }

    /// The merged feed, newest first (tracked).
    pub(crate) fn feed(&self) -> Vec<FeedItem> {
        let lists = self.changes.get();
        self.book.with(|b| b.feed(&lists))
    }

    /// New changes in everything followed (tracked).
    pub(crate) fn unread_total(&self) -> usize {
        self.feed().iter().filter(|f| f.unread).count()
    }

    /// New changes not announced before; remembers them as announced.
    pub(crate) fn take_unannounced(&self) -> Vec<FeedItem> {
        let fresh: Vec<FeedItem> = untrack(|| self.feed())
            .into_iter()
            .filter(|f| f.unread)
            .filter(|f| !self.announced.with_value(|a| a.contains(f)))
            .collect();
        self.announced
            .update_value(|a| a.extend(fresh.iter().cloned()));
        fresh
    }
}
