//! Zoning plans: what residents read before they comment.

use super::{Date, Geometry, Localized, Question, Timestamp};

/// Rich text (HTML) from a backend, per language. Never insert it unsanitised: the UI
/// passes it through its sanitiser first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichText(pub Localized);

/// The statutory phases of a Finnish zoning plan, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanPhase {
    /// Vireilletulo.
    Initiated,
    /// Osallistumis- ja arviointisuunnitelma (participation and assessment plan).
    ParticipationPlan,
    /// Luonnos.
    Draft,
    /// Ehdotus.
    Proposal,
    /// Hyväksytty.
    Approved,
    /// Voimassa.
    InForce,
}

/// Where a phase stands on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseStatus {
    /// Over.
    Completed,
    /// Going on now.
    Current,
    /// Planned for later.
    Upcoming,
}

/// One phase on a plan's timeline with its actual or planned dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseStep {
    /// Which phase.
    pub phase: PlanPhase,
    /// First day.
    pub starts_on: Date,
    /// Last day, when known.
    pub ends_on: Option<Date>,
    /// Completed, current or upcoming.
    pub status: PhaseStatus,
}

/// A file attached to a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Name shown to the reader.
    pub title: Localized,
    /// Where to get it, as the backend gave it (absolute or relative to the backend's site).
    pub url: String,
    /// Backend's kind of document, e.g. `plan_map`, when it says.
    pub kind: Option<String>,
    /// Media type, e.g. `application/pdf`, when known.
    pub media_type: Option<String>,
    /// Size in bytes, when known.
    pub size_bytes: Option<u64>,
}

/// A person to ask about the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Job title or role.
    pub role: Localized,
    /// Employer or department.
    pub organization: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
}

/// When comments are taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentPeriod {
    /// First instant comments are accepted.
    pub opens: Timestamp,
    /// Instant comments stop; `None` means open-ended.
    pub closes: Option<Timestamp>,
}

/// Whether a comment period is running at some instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodState {
    /// Opens later.
    NotYetOpen,
    /// Comments are accepted.
    Open,
    /// Over.
    Closed,
}

impl CommentPeriod {
    /// The state at `now`: open from `opens` (inclusive) until `closes` (exclusive).
    pub fn state_at(&self, now: Timestamp) -> PeriodState {
        if now < self.opens {
            PeriodState::NotYetOpen
        } else if self.closes.is_some_and(|closes| now >= closes) {
            PeriodState::Closed
        } else {
            PeriodState::Open
        }
    }
}

/// Who may do something (comment, vote) on a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without signing in.
    Anyone,
    /// Only signed-in users.
    SignedIn,
    /// Only users signed in with strong identification.
    StrongAuth,
    /// Nobody.
    Nobody,
}

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
    pub bounds: Option<(super::LatLng, super::LatLng)>,
    /// When comments are taken, when the backend has a period.
    pub comment_period: Option<CommentPeriod>,
    /// Last change.
    pub updated_at: Option<Timestamp>,
    /// Number of visible comments.
    pub n_comments: u64,
}

/// A plan with everything its page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The list fields.
    pub summary: PlanSummary,
    /// Long description, rich text.
    pub description: RichText,
    /// The plan area.
    pub geometry: Option<Geometry>,
    /// Timeline of phases (empty when the backend has none).
    pub phases: Vec<PhaseStep>,
    /// Attached files.
    pub documents: Vec<Document>,
    /// People to contact.
    pub contacts: Vec<Contact>,
    /// Survey questions.
    pub questions: Vec<Question>,
    /// Who may comment.
    pub commenting: Access,
    /// Who may vote for comments.
    pub voting: Access,
    /// Where general comments go, where the backend splits plans into parts (a Kerrokantasi
    /// section id); `None` when they go to the plan itself.
    pub comment_section: Option<String>,
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
    pub bounds: Option<(super::LatLng, super::LatLng)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn a_period_is_open_from_its_first_instant_until_just_before_it_closes() {
        let period = CommentPeriod {
            opens: at("2026-11-04T16:00:00Z"),
            closes: Some(at("2026-12-19T16:00:00Z")),
        };
        assert_eq!(
            period.state_at(at("2026-11-04T15:59:59Z")),
            PeriodState::NotYetOpen
        );
        assert_eq!(
            period.state_at(at("2026-11-04T18:00:00+02:00")),
            PeriodState::Open
        );
        assert_eq!(
            period.state_at(at("2026-12-19T17:59:59+02:00")),
            PeriodState::Open
        );
        assert_eq!(
            period.state_at(at("2026-12-19T16:00:00Z")),
            PeriodState::Closed
        );
    }

    #[test]
    fn a_period_without_an_end_stays_open() {
        let period = CommentPeriod {
            opens: at("2026-01-01T00:00:00Z"),
            closes: None,
        };
        assert_eq!(
            period.state_at(at("2099-01-01T00:00:00Z")),
            PeriodState::Open
        );
    }

    #[test]
    fn phases_sort_in_statutory_order() {
        assert!(PlanPhase::Initiated < PlanPhase::ParticipationPlan);
        assert!(PlanPhase::Proposal < PlanPhase::Approved);
        assert!(PlanPhase::Approved < PlanPhase::InForce);
    }
}
