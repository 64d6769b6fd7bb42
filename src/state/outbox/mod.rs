//! The outbox: everything a resident sends goes through it, so a send survives network faults,
//! reloads and double clicks.
//!
//! Each item gets its Idempotency-Key once, when it is queued; every retry reuses it, so a
//! server that honours the key stores the item exactly once however many attempts reach it.
//! [`queue`] holds the rules (tested natively); [`kept`] keeps the comment queues on the device
//! and carries unsent comments across a kiosk reset.

mod kept;
mod queue;

pub use kept::{export_unsent, import_unsent, Carried};
pub(crate) use kept::{load, save, sealed, Kept};
pub(crate) use queue::{Attempt, Outbox, State};

#[cfg(test)]
mod tests;
