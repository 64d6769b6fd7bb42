//! Sends comments through the [`Outbox`]: one idempotency key per comment, kept for every
//! retry; network faults, timeouts and 5xx retried with capped backoff and jitter; 429 after
//! `Retry-After`; offline items sent when the browser is back online. The queue is kept on
//! the device, so a reload or a crash loses nothing and sends nothing twice.

use super::detail::PlanContext;
use crate::backend::BackendError;
use crate::client;
use crate::config::Backend;
use crate::domain::{Comment, Plan};
use crate::state::draft::{self, CommentDraft};
use crate::state::outbox::{Attempt, Outbox, State};
use crate::state::retry::RetryPolicy;
use crate::web::device;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One queued comment as kept on the device.
#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    draft: CommentDraft,
}

/// What the resident sees of one comment on its way.
#[derive(Clone, Debug, PartialEq)]
pub struct Sending {
    pub key: String,
    pub parent: Option<u64>,
    pub state: State,
    pub error: Option<BackendError>,
}

/// The plan page's comment sender.
#[derive(Clone, Copy)]
pub struct Sender {
    outbox: StoredValue<Outbox<CommentDraft>, LocalStorage>,
    errors: StoredValue<Vec<(String, BackendError)>, LocalStorage>,
    /// The queue as shown to the resident.
    pub items: RwSignal<Vec<Sending>>,
    /// Comments the server confirmed in this visit (newest last), for the list.
    pub sent: RwSignal<Vec<Comment>>,
    backend: StoredValue<Backend>,
    plan: StoredValue<Plan>,
    running: StoredValue<bool>,
    /// Whether a timer or `online` listener is already waiting to wake the sender.
    waiting: StoredValue<bool>,
}

impl Sender {
    pub fn new(backend: Backend, plan: Plan) -> Self {
        Self {
            outbox: StoredValue::new_local(Outbox::new(RetryPolicy::default())),
            errors: StoredValue::new_local(Vec::new()),
            items: RwSignal::new(Vec::new()),
            sent: RwSignal::new(Vec::new()),
            backend: StoredValue::new(backend),
            plan: StoredValue::new(plan),
            running: StoredValue::new(false),
            waiting: StoredValue::new(false),
        }
    }

    fn storage_key(&self) -> String {
        let base = self.backend.with_value(|b| b.base_url.clone());
        let plan = self.plan.with_value(|p| p.summary.id.clone());
        format!("outbox.{base}.{plan}")
    }

    /// Restores what an earlier visit left unsent and starts sending it.
    pub fn start(self, ctx: PlanContext) {
        let stored: Vec<Stored> = device::get_json(&self.storage_key()).unwrap_or_default();
        if !stored.is_empty() {
            self.outbox.update_value(|o| {
                for s in stored {
                    o.enqueue(s.key, s.draft);
                }
                o.recover_after_reload();
            });
            self.publish();
            self.drive(ctx);
        }
        // Back online: send what waits for the network.
        let online = Closure::<dyn Fn()>::new(move || self.drive(ctx));
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        }
        let online = send_wrapper::SendWrapper::new(online);
        on_cleanup(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.remove_event_listener_with_callback(
                    "online",
                    online.as_ref().as_ref().unchecked_ref(),
                );
            }
        });
    }

    /// Queues `draft` (already validated) and sends it. A draft already on its way is not
    /// queued again, so a double click sends one comment.
    pub fn submit(self, ctx: PlanContext, draft: CommentDraft) {
        let busy = self.items.with_untracked(|all| {
            all.iter()
                .any(|s| s.parent == draft.parent && is_pending(&s.state))
        });
        if busy {
            return;
        }
        // A rejected earlier attempt for the same form is replaced (new content, new key).
        let parent = draft.parent;
        self.outbox.update_value(|o| {
            let stale: Vec<String> = o
                .entries()
                .iter()
                .filter(|e| e.payload.parent == parent)
                .map(|e| e.idempotency_key.clone())
                .collect();
            for key in stale {
                o.discard(&key);
            }
            o.enqueue(client::new_key(), draft);
        });
        self.persist();
        self.publish();
        self.drive(ctx);
    }

    /// Drops a rejected item (the resident edits the text and sends again).
    pub fn dismiss(self, key: &str) {
        self.outbox.update_value(|o| o.discard(key));
        self.persist();
        self.publish();
    }

    fn persist(&self) {
        let stored: Vec<Stored> = self.outbox.with_value(|o| {
            o.entries()
                .iter()
                .filter(|e| is_pending(&e.state))
                .map(|e| Stored {
                    key: e.idempotency_key.clone(),
                    draft: e.payload.clone(),
                })
                .collect()
        });
        if stored.is_empty() {
            device::remove(&self.storage_key());
        } else {
            device::set_json(&self.storage_key(), &stored);
        }
    }

    fn publish(&self) {
        let errors = self.errors.get_value();
        let items = self.outbox.with_value(|o| {
            o.entries()
                .iter()
                .map(|e| Sending {
                    key: e.idempotency_key.clone(),
                    parent: e.payload.parent,
                    state: e.state.clone(),
                    error: errors
                        .iter()
                        .find(|(k, _)| *k == e.idempotency_key)
                        .map(|(_, err)| err.clone()),
                })
                .collect()
        });
        let _ = self.items.try_set(items);
    }

    /// Sends every due item, one at a time, then sleeps until the next retry or until the
    /// browser is back online.
    pub fn drive(self, ctx: PlanContext) {
        if self.running.try_get_value() != Some(false) {
            return;
        }
        self.running.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
                let due = self.outbox.try_update_value(|o| {
                    o.take_due(js_sys::Date::now() as u64, online)
                        .map(|e| (e.idempotency_key.clone(), e.payload.clone()))
                });
                let Some(Some((key, draft))) = due else { break };
                self.publish();
                let backend = self.backend.get_value();
                let plan = self.plan.get_value();
                let result =
                    client::plans::create_comment(&backend, &plan, &draft.to_new_comment(), &key)
                        .await;
                let attempt = match &result {
                    Ok(_) => Attempt::Delivered,
                    Err(e) => Attempt::from_error(e),
                };
                let _ = self.errors.try_update_value(|errors| {
                    errors.retain(|(k, _)| *k != key);
                    if let Err(e) = &result {
                        errors.push((key.clone(), e.clone()));
                    }
                });
                let recorded = self.outbox.try_update_value(|o| {
                    o.record(
                        &key,
                        attempt,
                        js_sys::Date::now() as u64,
                        js_sys::Math::random(),
                    );
                });
                if recorded.is_none() {
                    return; // the page is gone; the stored queue is sent on the next visit
                }
                if let Ok(comment) = result {
                    self.delivered(ctx, &draft, comment);
                }
                self.persist();
                self.publish();
            }
            let _ = self.running.try_set_value(false);
            self.sleep(ctx);
        });
    }

    fn delivered(&self, ctx: PlanContext, draft: &CommentDraft, comment: Comment) {
        // The draft is cleared only now that the server has the comment.
        let base = self.backend.with_value(|b| b.base_url.clone());
        let plan_id = self.plan.with_value(|p| p.summary.id.clone());
        device::remove(&draft::storage_key(&base, &plan_id, draft.parent));
        if draft.parent.is_none() && ctx.draft.get_untracked() == *draft {
            ctx.draft.set(CommentDraft::default());
            ctx.drawing.set(false);
        }
        ctx.locate(&comment);
        self.sent.update(|s| s.push(comment));
    }

    fn sleep(self, ctx: PlanContext) {
        let next = self.outbox.try_with_value(|o| o.next_wake_ms()).flatten();
        let Some(at) = next else { return };
        if self.waiting.try_get_value() != Some(false) {
            return;
        }
        self.waiting.set_value(true);
        let delay = (at as f64 - js_sys::Date::now()).max(0.0) as i32;
        let wake = Closure::once_into_js(move || {
            let _ = self.waiting.try_set_value(false);
            if self.running.try_get_value().is_some() {
                self.drive(ctx);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                wake.unchecked_ref(),
                delay.saturating_add(20),
            );
        }
    }
}

/// Still on its way (not sent, not rejected).
pub fn is_pending(state: &State) -> bool {
    !matches!(state, State::Sent | State::Rejected { .. })
}
