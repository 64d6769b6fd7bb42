//! Adapter for the Osallistu contract (`api/openapi.yaml`, the reference server).
//!
//! Builders return [`ApiRequest`]s with paths relative to the configured `base_url`
//! (e.g. `/api/v1`); parsers turn an [`ApiResponse`] into domain values or a
//! [`BackendError`]. Every POST carries the caller's `Idempotency-Key`.

mod community;
mod convert;
mod me;
mod participant;
mod places;
mod plans;
mod shared;
mod wire;

#[cfg(test)]
mod tests;

pub(crate) use community::*;
pub(crate) use me::*;
pub(crate) use participant::*;
pub(crate) use places::*;
pub use plans::parse_plan;
pub(crate) use plans::*;
pub(crate) use shared::capabilities;
use shared::{bbox, keyed, paging, R};
