//! Codes and limits of the domain that the API, the storage and the demo town share.

/// The phases of a zoning plan, in order.
pub const PHASES: &[&str] = &[
    "initiated",
    "participation_plan",
    "draft",
    "proposal",
    "approved",
    "in_force",
];
