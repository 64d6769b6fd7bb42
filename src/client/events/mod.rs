//! Events and registrations from the configured events backend (the reference server or
//! Linked Events). Pages see domain values or a `BackendError` only.
//!
//! `reading`: lists, areas, topics, one event and its calendar file; `joining`: joining
//! (with the places Linked Events holds between tries), cancelling, and this device's
//! registrations.

mod joining;
mod reading;

pub(crate) use joining::*;
pub(crate) use reading::*;
