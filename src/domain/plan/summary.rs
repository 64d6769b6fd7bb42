//! A plan in lists and on the overview map, and the filters of a plan list.

use super::{CommentPeriod, PlanPhase};
use crate::domain::geometry::LatLng;
use crate::domain::localized::Localized;
use crate::domain::time::Timestamp;

/// A plan as shown in lists and on the overview map.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanSummary {
    /// Backend id, used in URLs and requests.
    pub id: String,
    /// Readable URL part, when the backend has one.
    pub slug: Option<String>,
    /// Name of the plan.
    pub title: Localized,
    /// One-paragraph summary (plain text).
    pub summary: Localized,
    /// Name of the area or district.
    pub area_name: Localized,
    /// Current phase, when the backend knows phases.
    pub phase: Option<PlanPhase>,
    /// Bounds of the plan area `(south_west, north_east)`, when known without the detail.
    pub bounds: Option<(LatLng, LatLng)>,
    /// When comments are taken, when the backend has a period.
    pub comment_period: Option<CommentPeriod>,
    /// Last change.
    pub updated_at: Option<Timestamp>,
    /// Number of visible comments.
    pub n_comments: u64,
}

/// Filters for a plan list; `None` means "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanQuery {
    /// Only plans in this phase.
    pub phase: Option<PlanPhase>,
    /// Only plans whose comment period is (or is not) open now.
    pub open: Option<bool>,
    /// Free text to search titles and summaries.
    pub text: Option<String>,
    /// Only plans touching these bounds `(south_west, north_east)`.
    pub bounds: Option<(LatLng, LatLng)>,
}
