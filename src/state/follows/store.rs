//! The follow state shared through context.

use leptos::prelude::*;

pub(crate) use super::signals::Follows;

/// Reads the stored book, provides the follow state to the app and starts the badge's client
/// ([`super::watch`]), which runs while the device follows something.
pub fn provide_follows_context() -> Follows {
    let follows = Follows::from_device();
    provide_context(follows);
    super::watch::while_following(follows);
    follows
}

/// The follow state. Panics outside the app (a programming error).
pub(crate) fn use_follows() -> Follows {
    expect_context::<Follows>()
}
