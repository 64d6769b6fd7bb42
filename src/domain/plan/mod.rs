//! Zoning plans: what residents read before they comment.

mod period;
mod phase;
mod plan_detail;
mod summary;

pub use period::{CommentPeriod, PeriodState};
pub use phase::{PhaseStatus, PhaseStep, PlanPhase};
pub use plan_detail::{Access, Contact, Document, Image, Plan, PlanPart, RichText};
pub use summary::{PlanQuery, PlanSummary};
