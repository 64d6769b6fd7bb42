//! App-wide state that outlives a single view: drafts and the send outbox.
//!
//! The rules live here as plain Rust, tested natively; views only render their state.

pub mod comment_sender;
pub mod draft;
pub mod follows;
pub mod outbox;
pub mod registrations;
pub mod retry;
