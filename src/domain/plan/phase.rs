//! The statutory phases of a plan and its timeline.

use crate::domain::time::Date;

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

impl PlanPhase {
    /// Every phase, in statutory order.
    pub const ALL: [PlanPhase; 6] = [
        PlanPhase::Initiated,
        PlanPhase::ParticipationPlan,
        PlanPhase::Draft,
        PlanPhase::Proposal,
        PlanPhase::Approved,
        PlanPhase::InForce,
    ];

    /// One phase per colour of the map legend (the first of its group).
    pub const LEGEND: [PlanPhase; 4] = [
        PlanPhase::Initiated,
        PlanPhase::Draft,
        PlanPhase::Proposal,
        PlanPhase::Approved,
    ];

    /// The phase's code, as the Osallistu API and the app's addresses write it (`in_force`).
    pub fn code(self) -> &'static str {
        match self {
            PlanPhase::Initiated => "initiated",
            PlanPhase::ParticipationPlan => "participation_plan",
            PlanPhase::Draft => "draft",
            PlanPhase::Proposal => "proposal",
            PlanPhase::Approved => "approved",
            PlanPhase::InForce => "in_force",
        }
    }

    /// The phase whose [`PlanPhase::code`] is `code`.
    pub fn from_code(code: &str) -> Option<PlanPhase> {
        PlanPhase::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The CSS modifier of a phase's colour group (maps, badges and the legend share it):
    /// early phases, draft, proposal, and approved or in force; `os-phase--none` without a phase.
    pub fn class(phase: Option<PlanPhase>) -> &'static str {
        match phase {
            Some(PlanPhase::Initiated | PlanPhase::ParticipationPlan) => "os-phase--early",
            Some(PlanPhase::Draft) => "os-phase--draft",
            Some(PlanPhase::Proposal) => "os-phase--proposal",
            Some(PlanPhase::Approved | PlanPhase::InForce) => "os-phase--approved",
            None => "os-phase--none",
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phase_has_a_code_that_reads_back_and_a_colour_group() {
        for phase in PlanPhase::ALL {
            assert_eq!(PlanPhase::from_code(phase.code()), Some(phase));
            assert!(PlanPhase::class(Some(phase)).starts_with("os-phase--"));
        }
        assert_eq!(PlanPhase::from_code("in_force"), Some(PlanPhase::InForce));
        assert_eq!(PlanPhase::from_code("In_force"), None);
        assert_eq!(PlanPhase::from_code(""), None);
        // The legend shows each colour group once.
        let groups: std::collections::BTreeSet<_> = PlanPhase::ALL
            .into_iter()
            .map(|p| PlanPhase::class(Some(p)))
            .collect();
        let legend: std::collections::BTreeSet<_> = PlanPhase::LEGEND
            .into_iter()
            .map(|p| PlanPhase::class(Some(p)))
            .collect();
        assert_eq!(groups, legend);
        assert_eq!(legend.len(), PlanPhase::LEGEND.len());
        assert_eq!(PlanPhase::class(None), "os-phase--none");
    }

    #[test]
    fn phases_sort_in_statutory_order() {
        assert!(PlanPhase::Initiated < PlanPhase::ParticipationPlan);
        assert!(PlanPhase::Proposal < PlanPhase::Approved);
        assert!(PlanPhase::Approved < PlanPhase::InForce);
    }
}
