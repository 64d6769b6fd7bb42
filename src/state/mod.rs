//! App-wide state that outlives a single view: drafts and the send outbox.
//!
//! The rules live here as plain Rust, tested natively; views only render their state.

pub(crate) mod comment_sender;
pub(crate) mod draft;
pub mod follows;
pub mod outbox;
pub(crate) mod registrations;
pub(crate) mod retry;
