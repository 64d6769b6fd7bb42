//! The queue itself: items, their states and what each attempt does to them.

use crate::state::retry::RetryPolicy;

/// What one attempt to send produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Attempt {
    /// The server stored it (2xx, or the replay of an earlier 2xx).
    Delivered,
    /// No answer: offline, DNS, connection reset. Wait for the network, then retry.
    Offline,
    /// Timeout, 5xx or 429: try again later (`retry_after_s` from the server if given).
    Transient { retry_after_s: Option<u64> },
    /// The server refused it (4xx other than 401/408/429); retrying would not help. The text is
    /// kept so the resident can fix and resend.
    Rejected { reason: String },
    /// 401: the participant must be identified again; keep the item.
    Unauthorized,
}

impl Attempt {
    /// Classifies a backend error (a send that produced no stored item).
    pub(crate) fn from_error(error: &crate::backend::BackendError) -> Attempt {
        use crate::backend::BackendError as E;
        match error {
            E::Network(_) => Attempt::Offline,
            E::Timeout | E::Server { .. } => Attempt::Transient {
                retry_after_s: None,
            },
            E::RateLimited { retry_after_s } => Attempt::Transient {
                retry_after_s: *retry_after_s,
            },
            E::Unauthorized => Attempt::Unauthorized,
            other => Attempt::Rejected {
                reason: other.to_string(),
            },
        }
    }
}

/// Where an item stands; the view shows this to the resident at all times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// Queued and due now.
    Queued,
    /// A request is in flight.
    Sending,
    /// Failed transiently; due again at `at_ms`.
    RetryAt {
        at_ms: u64,
    },
    /// The browser is offline; due when it is back online.
    WaitingForNetwork,
    /// Needs the participant to be identified again.
    NeedsSignIn,
    Sent,
    Rejected {
        reason: String,
    },
}

/// One item waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry<T> {
    pub(crate) idempotency_key: String,
    pub(crate) payload: T,
    pub(crate) state: State,
    /// Attempts that reached the send stage.
    pub(crate) attempts: u32,
    /// When the first attempt went out (ms since 1970), kept across reloads: from then on an
    /// answer may have been lost after the server stored the item.
    pub(crate) first_try_ms: Option<u64>,
}

impl<T> Entry<T> {
    /// Whether an earlier attempt went out (in this visit or an earlier one): its answer may
    /// have been lost after the server stored the item.
    pub(crate) fn retried(&self) -> bool {
        self.attempts > 1
    }
}

/// An ordered queue of items to send.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Outbox<T> {
    entries: Vec<Entry<T>>,
    policy: RetryPolicy,
}

impl<T> Outbox<T> {
    pub(crate) fn new(policy: RetryPolicy) -> Self {
        Self {
            entries: Vec::new(),
            policy,
        }
    }

    /// Queues `payload` under a fresh `key`. A key already queued is ignored, so a double click
    /// that produced the same key queues one item. Returns whether it was queued.
    pub(crate) fn enqueue(&mut self, key: String, payload: T) -> bool {
        self.restore(key, payload, None)
    }

    /// Queues an item kept on the device by an earlier visit (`first_try_ms` as it was then).
    /// Whatever was in flight then is due again now, with the same key; an item tried before
    /// counts that try, so its next attempt is not its first ([`Entry::retried`]).
    pub(crate) fn restore(&mut self, key: String, payload: T, first_try_ms: Option<u64>) -> bool {
        if self.get(&key).is_some() {
            return false;
        }
        self.entries.push(Entry {
            idempotency_key: key,
            payload,
            state: State::Queued,
            attempts: u32::from(first_try_ms.is_some()),
            first_try_ms,
        });
        true
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Entry<T>> {
        self.entries.iter().find(|e| e.idempotency_key == key)
    }

    pub(crate) fn entries(&self) -> &[Entry<T>] {
        &self.entries
    }

    /// The next item to send at `now_ms` (oldest first), marked as sending. One at a time per
    /// item: an item already in flight is never handed out again.
    pub(crate) fn take_due(&mut self, now_ms: u64, online: bool) -> Option<&Entry<T>> {
        let i = self.entries.iter().position(|e| match e.state {
            State::Queued => true,
            State::RetryAt { at_ms } => at_ms <= now_ms,
            State::WaitingForNetwork => online,
            _ => false,
        })?;
        let entry = &mut self.entries[i];
        entry.state = State::Sending;
        entry.attempts += 1;
        entry.first_try_ms.get_or_insert(now_ms);
        Some(entry)
    }

    /// Records what the attempt for `key` produced. `unit` is a random number in `[0, 1)` for
    /// the jitter.
    pub(crate) fn record(&mut self, key: &str, attempt: Attempt, now_ms: u64, unit: f64) {
        let policy = self.policy;
        let Some(entry) = self.entries.iter_mut().find(|e| e.idempotency_key == key) else {
            return;
        };
        entry.state = match attempt {
            Attempt::Delivered => State::Sent,
            Attempt::Offline => State::WaitingForNetwork,
            Attempt::Transient { retry_after_s } => State::RetryAt {
                at_ms: now_ms + policy.delay_with_hint_ms(entry.attempts, unit, retry_after_s),
            },
            Attempt::Rejected { reason } => State::Rejected { reason },
            Attempt::Unauthorized => State::NeedsSignIn,
        };
    }

    /// Forgets the item `key` (a rejected comment the resident will edit and send anew, which
    /// gets a new key because its content changes).
    pub(crate) fn discard(&mut self, key: &str) {
        self.entries.retain(|e| e.idempotency_key != key);
    }

    /// When the next retry is due, for scheduling a timer.
    pub(crate) fn next_wake_ms(&self) -> Option<u64> {
        self.entries
            .iter()
            .filter_map(|e| match e.state {
                State::RetryAt { at_ms } => Some(at_ms),
                _ => None,
            })
            .min()
    }
}
