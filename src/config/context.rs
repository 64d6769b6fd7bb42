//! The configuration shared with every component through context.

use super::model::{Backend, Capability, Config};
use leptos::prelude::*;

/// Shares the validated configuration with every component below the caller.
pub fn provide_config(config: Config) -> StoredValue<Config> {
    let stored = StoredValue::new(config);
    provide_context(stored);
    stored
}

/// The configuration. Panics outside the app (a programming error).
pub fn use_config() -> StoredValue<Config> {
    expect_context::<StoredValue<Config>>()
}

/// The backend configured for `capability`.
pub fn backend(capability: Capability) -> Backend {
    use_config().with_value(|c| c.backends.get(capability).clone())
}
