//! The follow book: what the device follows, its seen marks, and which changes are new. Plain
//! Rust, tested natively (`tests.rs`).

use crate::domain::{
    Change, ChangeKind, FollowKind, Followed, ItemKey, Lang, Localized, Timestamp,
};
use serde::{Deserialize, Serialize};

/// Changes older than this many days are not fetched for the feed (unless something followed
/// has not been seen for longer).
pub(crate) const FEED_DAYS: i64 = 60;
const DAY: i64 = 86_400;

/// One followed item as kept on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Which item.
    pub(crate) key: ItemKey,
    /// Its title when it was followed or last seen (shown before the backend answers).
    pub(crate) title: Localized,
    /// When following began.
    pub(crate) since: Timestamp,
    /// When its page was last opened.
    pub(crate) seen: Option<Timestamp>,
}

impl Entry {
    /// Changes after this instant are new.
    pub(crate) fn baseline(&self) -> Timestamp {
        self.seen.map_or(self.since, |s| s.max(self.since))
    }
}

/// One line of the feed: a change, which backend it came from and whether it is new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FeedItem {
    /// The backend's base URL.
    pub(crate) backend: String,
    /// What happened.
    pub(crate) change: Change,
    /// Later than the item's baseline.
    pub(crate) unread: bool,
}

impl FeedItem {
    /// The followed item it belongs to.
    pub(crate) fn key(&self) -> ItemKey {
        ItemKey::new(
            self.backend.clone(),
            self.change.item_kind,
            self.change.item_id.clone(),
        )
    }
}

/// Everything followed on this device, in the order it was followed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FollowBook {
    entries: Vec<Entry>,
}

impl FollowBook {
    /// The followed items.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry for `key`, if followed.
    pub(crate) fn get(&self, key: &ItemKey) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.key == key)
    }

    /// Whether `key` is followed.
    pub(crate) fn is_following(&self, key: &ItemKey) -> bool {
        self.get(key).is_some()
    }

    /// Starts following `key` at `now` (nothing before now is new). Following again keeps the
    /// original entry.
    pub(crate) fn follow(&mut self, key: ItemKey, title: Localized, now: Timestamp) {
        if !self.is_following(&key) {
            self.entries.push(Entry {
                key,
                title,
                since: now,
                seen: None,
            });
        }
    }

    /// Stops following `key`.
    pub(crate) fn unfollow(&mut self, key: &ItemKey) {
        self.entries.retain(|e| &e.key != key);
    }

    /// Takes a backend's own list as the truth for that backend: items it no longer lists are
    /// dropped, new ones added with the backend's start time; seen marks and titles stay.
    pub(crate) fn sync(&mut self, backend: &str, followed: &[Followed]) {
        let mut kept: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for e in self.entries.drain(..) {
            let listed = e.key.backend != backend
                || followed
                    .iter()
                    .any(|f| f.kind == e.key.kind && f.id == e.key.id);
            if listed {
                kept.push(e);
            }
        }
        for f in followed {
            let key = ItemKey::new(backend, f.kind, f.id.clone());
            match kept.iter_mut().find(|e| e.key == key) {
                Some(e) => e.since = f.since,
                None => kept.push(Entry {
                    key,
                    title: Localized::default(),
                    since: f.since,
                    seen: None,
                }),
            }
        }
        self.entries = kept;
    }

    /// Marks `key` seen at `at` (a later mark wins); a newer title replaces the stored one.
    pub(crate) fn mark_seen(&mut self, key: &ItemKey, at: Timestamp, title: Option<Localized>) {
        if let Some(e) = self.entries.iter_mut().find(|e| &e.key == key) {
            e.seen = Some(e.seen.map_or(at, |s| s.max(at)));
            if let Some(t) = title.filter(|t| !t.is_empty()) {
                e.title = t;
            }
        }
    }

    /// Where a backend's change query should start: [`FEED_DAYS`] ago, or earlier when some
    /// item of that backend has not been looked at since then.
    pub(crate) fn changes_since(&self, backend: &str, now: Timestamp) -> Timestamp {
        let window = Timestamp::from_unix_seconds(now.unix_seconds() - FEED_DAYS * DAY);
        self.entries
            .iter()
            .filter(|e| e.key.backend == backend)
            .map(Entry::baseline)
            .fold(window, Timestamp::min)
    }

    /// Merges the change lists of several backends into one feed, newest first (ties: by
    /// backend, kind and id, so the order never flickers). Changes of items no longer followed
    /// are left out, except replies to the resident's own comments; duplicates are dropped.
    pub(crate) fn feed(&self, lists: &[(String, Vec<Change>)]) -> Vec<FeedItem> {
        let mut out: Vec<FeedItem> = Vec::new();
        for (backend, changes) in lists {
            for change in changes {
                let key = ItemKey::new(backend.clone(), change.item_kind, change.item_id.clone());
                let entry = self.get(&key);
                let is_reply = matches!(change.kind, ChangeKind::Reply { .. });
                if entry.is_none() && !is_reply {
                    continue;
                }
                let item = FeedItem {
                    backend: backend.clone(),
                    change: change.clone(),
                    unread: entry.is_none_or(|e| change.at > e.baseline()),
                };
                if !out.contains(&item) {
                    out.push(item);
                }
            }
        }
        out.sort_by(|a, b| {
            b.change
                .at
                .cmp(&a.change.at)
                .then_with(|| a.key().cmp(&b.key()))
        });
        out
    }

    /// New changes per followed item, in the order of [`FollowBook::entries`].
    pub(crate) fn unread_counts(&self, feed: &[FeedItem]) -> Vec<(ItemKey, usize)> {
        self.entries
            .iter()
            .map(|e| {
                let n = feed.iter().filter(|f| f.unread && f.key() == e.key).count();
                (e.key.clone(), n)
            })
            .collect()
    }

    /// Everything followed, grouped by kind (projects, plans, events), each group in follow order.
    pub(crate) fn groups(&self) -> Vec<(FollowKind, Vec<&Entry>)> {
        FollowKind::ALL
            .into_iter()
            .map(|k| (k, self.entries.iter().filter(|e| e.key.kind == k).collect()))
            .filter(|(_, v): &(FollowKind, Vec<&Entry>)| !v.is_empty())
            .collect()
    }

    /// The list as stored on the device.
    pub(crate) fn to_stored(&self) -> Vec<StoredEntry> {
        self.entries
            .iter()
            .map(|e| StoredEntry {
                backend: e.key.backend.clone(),
                kind: e.key.kind.code().to_owned(),
                id: e.key.id.clone(),
                title: Lang::ALL
                    .into_iter()
                    .map(|l| match e.title.get(l) {
                        Some((text, used)) if used == l => Some(text.to_owned()),
                        _ => None,
                    })
                    .collect(),
                since: None,
                seen: None,
                since_us: Some(e.since.unix_micros()),
                seen_us: e.seen.map(Timestamp::unix_micros),
            })
            .collect()
    }

    /// The list read back from the device; entries of unknown kinds are skipped.
    pub(crate) fn from_stored(stored: Vec<StoredEntry>) -> FollowBook {
        let entries = stored
            .into_iter()
            .filter_map(|s| {
                let mut t = s.title.into_iter();
                Some(Entry {
                    key: ItemKey::new(s.backend, FollowKind::from_code(&s.kind)?, s.id),
                    title: Localized::new(t.next()?, t.next()?, t.next()?),
                    since: s
                        .since_us
                        .map(Timestamp::from_unix_micros)
                        .unwrap_or_else(|| {
                            Timestamp::from_unix_seconds(s.since.unwrap_or_default())
                        }),
                    seen: s
                        .seen_us
                        .map(Timestamp::from_unix_micros)
                        .or(s.seen.map(Timestamp::from_unix_seconds)),
                })
            })
            .collect();
        FollowBook { entries }
    }
}

/// A followed item in device storage (JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredEntry {
    backend: String,
    kind: String,
    id: String,
    /// fi, sv, en.
    title: Vec<Option<String>>,
    /// Whole seconds: how entries were stored before fractions were kept (read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    since: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seen: Option<i64>,
    /// Microseconds, as precise as the reference server's instants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    since_us: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seen_us: Option<i64>,
}
