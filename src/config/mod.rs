//! Runtime configuration, read from `config.json` at start-up so one build serves many
//! municipalities. [`parse`] turns the JSON into a validated [`Config`] or a [`ConfigError`]
//! that names the field at fault; [`provide_config`] shares it with the app and
//! [`use_config`]/[`backend`] read it back.

mod context;
mod error;
mod json_path;
mod model;
#[cfg(test)]
mod tests;
mod validate;
mod wire;

pub use context::{backend, provide_config, use_config};
pub(crate) use error::ConfigError;
pub use model::*;
pub use validate::parse;
