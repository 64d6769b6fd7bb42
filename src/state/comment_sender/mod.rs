//! Sends the comments and replies written on a plan page through the
//! [outbox](crate::state::outbox): one idempotency key per comment, kept for every retry;
//! network faults, timeouts and 5xx retried with capped backoff and jitter; 429 after
//! `Retry-After`; offline items sent when the browser is back online. The queue is kept on the
//! device, so a reload or a crash loses nothing and sends nothing twice.
//!
//! The forms follow [`CommentSender::latest`]; a comment the server confirmed is reported to the
//! page through the callback given to [`CommentSender::start`].

mod sender;

pub(crate) use sender::{is_pending, CommentSender, Sending};
