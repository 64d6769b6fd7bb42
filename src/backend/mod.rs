//! Talking to REST backends. `http` is the only module that uses gloo-net; the adapters
//! (`native`, `kerrokantasi`, `linked_events`) are pure: they build [`ApiRequest`]s from
//! domain inputs and parse [`ApiResponse`]s into domain values or a [`BackendError`].

mod common;
mod error;
mod geojson;
pub(crate) mod http;
pub(crate) mod kerrokantasi;
pub(crate) mod linked_events;
pub mod native;
pub(crate) mod oidc;
mod request;

pub(crate) use error::BackendError;
pub use request::{ApiRequest, ApiResponse, Method};

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod test_support;
