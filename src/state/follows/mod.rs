//! What the resident follows, across backends, and "what changed since they last looked".
//!
//! - [`book`]: the rules, plain Rust tested natively. Items are keyed by backend, kind and id;
//!   each has a baseline (when following began) and a seen mark (when its page was last opened),
//!   and a change is new when it is later than both.
//! - [`signals`]: the book in signals, kept on the device; [`store`] shares it through context.
//! - [`sync`]: brings it up to date from the backends; [`write`]: follows and unfollows.
//! - [`watch`]: the header badge's client: checks again when the page comes back into view and
//!   every few minutes, and announces news with a browser notification ([`notify`]). It runs
//!   only while the device follows something.

mod book;
pub(crate) mod notify;
mod signals;
pub mod store;
pub(crate) mod sync;
pub(crate) mod watch;
pub(crate) mod write;

#[cfg(test)]
mod tests;

pub(crate) use crate::domain::ItemKey;
pub(crate) use book::FeedItem;
