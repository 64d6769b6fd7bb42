//! Reference-server wire types → domain values. The only place the two meet.

mod common;
mod events;
mod plans;

pub(super) use common::{page, phase, R};
pub(super) use events::*;
pub(super) use plans::*;
