//! The sender of one plan page: one task that sends what is due, one item at a time, then
//! sleeps until the next retry, the network or a new comment wakes it. The task, its timer and
//! its `online` listener end with the page.

use crate::backend::BackendError;
use crate::client;
use crate::config::Backend;
use crate::domain::{Comment, Plan, Timestamp};
use crate::state::draft::{self, CommentDraft};
use crate::state::outbox::{self, Attempt, Kept, Outbox, State};
use crate::state::retry::RetryPolicy;
use crate::web::clock::{self, Timer};
use crate::web::{dom, listen};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// What the resident sees of one comment on its way.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Sending {
    pub(crate) key: String,
    /// What was sent (the form it came from: `parent`).
    pub(crate) draft: CommentDraft,
    pub(crate) state: State,
    /// Why the last attempt failed, while it is retried or after it was refused.
    pub(crate) error: Option<BackendError>,
}

/// Still on its way (not sent, not refused).
pub(crate) fn is_pending(state: &State) -> bool {
    !matches!(state, State::Sent | State::Rejected { .. })
}

/// Whether `draft` comes from the form for `parent` in `section`.
fn same_form(draft: &CommentDraft, parent: Option<u64>, section: Option<&str>) -> bool {
    draft.parent == parent && draft.section.as_deref() == section
}

/// Wakes the sending task: a new comment, the network back, a retry due.
#[derive(Default)]
struct Wake {
    due: bool,
    waker: Option<Waker>,
}

fn poke(wake: &RefCell<Wake>) {
    let mut w = wake.borrow_mut();
    w.due = true;
    if let Some(waker) = w.waker.take() {
        waker.wake();
    }
}

async fn woken(wake: Rc<RefCell<Wake>>) {
    std::future::poll_fn(|cx| {
        let mut w = wake.borrow_mut();
        if std::mem::take(&mut w.due) {
            Poll::Ready(())
        } else {
            w.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

struct Inner {
    outbox: Outbox<CommentDraft>,
    errors: Vec<(String, BackendError)>,
    wake: Rc<RefCell<Wake>>,
    /// The timer of the next retry (cleared when dropped).
    timer: Option<Timer>,
}

/// The comment sender of one plan page.
#[derive(Clone, Copy)]
pub(crate) struct CommentSender {
    inner: StoredValue<Inner, LocalStorage>,
    items: RwSignal<Vec<Sending>>,
    backend: StoredValue<Backend>,
    plan: StoredValue<Plan>,
    on_delivered: Callback<Comment>,
}

impl CommentSender {
    /// Starts the sender of `plan` under the current owner (the plan page): restores what an
    /// earlier visit left unsent and sends it. `on_delivered` hears of every comment the
    /// server confirmed.
    pub(crate) fn start(backend: Backend, plan: Plan, on_delivered: Callback<Comment>) -> Self {
        let wake = Rc::new(RefCell::new(Wake::default()));
        let sender = CommentSender {
            inner: StoredValue::new_local(Inner {
                outbox: Outbox::new(RetryPolicy::default()),
                errors: Vec::new(),
                wake: wake.clone(),
                timer: None,
            }),
            items: RwSignal::new(Vec::new()),
            backend: StoredValue::new(backend),
            plan: StoredValue::new(plan),
            on_delivered,
        };
        let (base, plan_id) = sender.ids();
        let kept = outbox::load(&base, &plan_id);
        if !kept.is_empty() {
            sender.inner.update_value(|i| {
                for k in kept {
                    i.outbox.restore(k.key, k.draft, k.first_try_ms);
                }
            });
            sender.publish();
            poke(&wake);
        }
        // Back online: send what waits for the network.
        let on_line = wake.clone();
        listen::listen(listen::On::Window, &["online"], move |_| poke(&on_line));
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            loop {
                woken(wake.clone()).await;
                sender.send_due().await;
                sender.schedule_retry();
            }
        });
        sender
    }

    /// The latest comment sent from the form for `parent` and `section` (both `None`: the
    /// main form), if any (tracked).
    pub(crate) fn latest(&self, parent: Option<u64>, section: Option<&str>) -> Option<Sending> {
        self.items.with(|all| {
            all.iter()
                .rfind(|s| same_form(&s.draft, parent, section))
                .cloned()
        })
    }

    fn ids(&self) -> (String, String) {
        (
            self.backend.with_value(|b| b.base_url.clone()),
            self.plan.with_value(|p| p.summary.id.clone()),
        )
    }

    /// Queues `draft` (already validated) and sends it. While a comment of the same form is on
    /// its way nothing is queued, so a double click sends one comment.
    pub(crate) fn submit(self, draft: CommentDraft) {
        let (parent, section) = (draft.parent, draft.section.clone());
        let section = section.as_deref();
        let busy = self.items.with_untracked(|all| {
            all.iter()
                .any(|s| same_form(&s.draft, parent, section) && is_pending(&s.state))
        });
        if busy {
            return;
        }
        self.inner.update_value(|i| {
            // A refused earlier attempt of the same form is replaced (new content, new key).
            let stale: Vec<String> = i
                .outbox
                .entries()
                .iter()
                .filter(|e| same_form(&e.payload, parent, section))
                .map(|e| e.idempotency_key.clone())
                .collect();
            for key in stale {
                i.outbox.discard(&key);
            }
            i.outbox.enqueue(client::new_key(), draft);
        });
        self.persist();
        self.publish();
        self.inner.with_value(|i| poke(&i.wake));
    }

    /// Drops a refused item (the resident edits the text and sends again).
    pub(crate) fn dismiss(self, key: &str) {
        self.inner.update_value(|i| i.outbox.discard(key));
        self.persist();
        self.publish();
    }

    /// Sends every due item, oldest first, one at a time.
    async fn send_due(self) {
        loop {
            // A kiosk reset has taken the queue: the next session sends it, anonymously.
            if outbox::sealed() {
                return;
            }
            let now = clock::now_ms() as u64;
            let due = self.inner.try_update_value(|i| {
                i.outbox.take_due(now, dom::online()).map(|e| {
                    // An earlier attempt may have stored it although its answer was lost.
                    let retry_of = e
                        .retried()
                        .then_some(e.first_try_ms)
                        .flatten()
                        .map(|ms| Timestamp::from_unix_millis(ms as i64));
                    (e.idempotency_key.clone(), e.payload.clone(), retry_of)
                })
            });
            let Some((key, draft, retry_of)) = due.flatten() else {
                return;
            };
            self.persist();
            self.publish();
            let (backend, plan) = (self.backend.get_value(), self.plan.get_value());
            let new = draft.to_new_comment();
            let result = client::plans::create_comment(
                &backend,
                &plan,
                draft.section.as_deref(),
                &new,
                &key,
                retry_of,
            )
            .await;
            let attempt = match &result {
                Ok(_) => Attempt::Delivered,
                // A failed connection while the browser says it is online (a reset, a lost
                // answer) is retried after a pause, not at once.
                Err(e) => match Attempt::from_error(e) {
                    Attempt::Offline if dom::online() => Attempt::Transient {
                        retry_after_s: None,
                    },
                    other => other,
                },
            };
            let unit = crate::web::random::unit();
            self.inner.update_value(|i| {
                i.errors.retain(|(k, _)| *k != key);
                if let Err(e) = &result {
                    i.errors.push((key.clone(), e.clone()));
                }
                i.outbox.record(&key, attempt, clock::now_ms() as u64, unit);
            });
            if let Ok(comment) = result {
                // The draft is forgotten only now that the server has the comment.
                let (base, plan_id) = self.ids();
                draft::forget(&draft.storage_key(&base, &plan_id));
                self.on_delivered.run(comment);
            }
            self.persist();
            self.publish();
        }
    }

    /// Wakes the task when the next retry is due.
    fn schedule_retry(self) {
        self.inner.update_value(|i| {
            i.timer = i.outbox.next_wake_ms().and_then(|at| {
                let delay = (at as f64 - clock::now_ms()).max(0.0) as i32;
                let wake = i.wake.clone();
                Timer::once(delay.saturating_add(20), move || poke(&wake))
            });
        });
    }

    /// Keeps what is still on its way on the device.
    fn persist(&self) {
        let kept: Vec<Kept> = self.inner.with_value(|i| {
            i.outbox
                .entries()
                .iter()
                .filter(|e| is_pending(&e.state))
                .map(|e| Kept {
                    key: e.idempotency_key.clone(),
                    draft: e.payload.clone(),
                    first_try_ms: e.first_try_ms,
                })
                .collect()
        });
        let (base, plan_id) = self.ids();
        outbox::save(&base, &plan_id, &kept);
    }

    fn publish(&self) {
        let items = self.inner.with_value(|i| {
            i.outbox
                .entries()
                .iter()
                .map(|e| Sending {
                    key: e.idempotency_key.clone(),
                    draft: e.payload.clone(),
                    state: e.state.clone(),
                    error: i
                        .errors
                        .iter()
                        .find(|(k, _)| *k == e.idempotency_key)
                        .map(|(_, err)| err.clone()),
                })
                .collect()
        });
        self.items.set(items);
    }
}
