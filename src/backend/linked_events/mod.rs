//! Adapter for Linked Events (Helsinki's events API, JSON-LD).
//!
//! Joining takes two requests: [`reserve_seats`] (→ a `SeatHold` with a code that expires
//! 15 minutes plus a minute per seat after it was made), then [`sign_up`] with that code. The
//! same hold serves every try of one resident; [`release_seats`] gives its places back (a
//! reservation cannot be deleted). Cancelling deletes each sign-up ([`cancel`]); the server
//! then promotes the first on the waitlist. Writes need the backend's authentication (API key
//! or a signed-in user). No `Idempotency-Key` is sent.

mod convert;
mod events;
mod registration;
mod signup;
mod wire;

pub(crate) use events::*;
pub(crate) use registration::*;
pub(crate) use signup::*;

#[cfg(test)]
mod tests;
