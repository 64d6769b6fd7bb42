//! Municipal projects and their updates.

use super::{Date, Geometry, Localized, PlanPhase, RichText, Timestamp};

/// Where a project stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectStatus {
    /// Not started.
    Planned,
    /// Under way (for example under construction).
    InProgress,
    /// Done.
    Completed,
    /// Paused.
    OnHold,
}

impl ProjectStatus {
    /// Every status, in the order of a project's life.
    pub const ALL: [ProjectStatus; 4] = [
        ProjectStatus::Planned,
        ProjectStatus::InProgress,
        ProjectStatus::Completed,
        ProjectStatus::OnHold,
    ];

    /// The status's code (`planned`, `in_progress`, `completed`, `on_hold`): the reference
    /// server's value, the list filter in the address and the CSS modifier.
    pub fn code(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::InProgress => "in_progress",
            ProjectStatus::Completed => "completed",
            ProjectStatus::OnHold => "on_hold",
        }
    }

    /// The status for a [`ProjectStatus::code`].
    pub fn from_code(code: &str) -> Option<ProjectStatus> {
        ProjectStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A project as shown in lists.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectSummary {
    /// Backend id.
    pub id: String,
    /// Readable URL part.
    pub slug: Option<String>,
    /// Name.
    pub title: Localized,
    /// Short summary (plain text).
    pub summary: Localized,
    /// Status.
    pub status: ProjectStatus,
    /// Start date, when known.
    pub starts_on: Option<Date>,
    /// End date, when known.
    pub ends_on: Option<Date>,
    /// Last change.
    pub updated_at: Timestamp,
    /// Number of followers.
    pub followers: u64,
    /// When the latest update was published.
    pub last_update_at: Option<Timestamp>,
    /// The area or district it is in (empty when unknown).
    pub area: Localized,
    /// Where it is, when known.
    pub location: Option<Geometry>,
}

/// A plan linked from a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedPlan {
    /// Plan id.
    pub id: String,
    /// Plan title.
    pub title: Localized,
    /// Its phase.
    pub phase: PlanPhase,
}

/// An event linked from a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedEvent {
    /// Event id.
    pub id: String,
    /// Event title.
    pub title: Localized,
    /// When it starts.
    pub starts_at: Timestamp,
}

/// A project with everything its page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// The list fields.
    pub summary: ProjectSummary,
    /// Long description, rich text.
    pub description: RichText,
    /// Location or area.
    pub geometry: Option<Geometry>,
    /// When it was created.
    pub created_at: Timestamp,
    /// Linked plans.
    pub plans: Vec<LinkedPlan>,
    /// Linked events.
    pub events: Vec<LinkedEvent>,
    /// Whether the current participant follows it.
    pub following: bool,
}

/// A dated post about a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectUpdate {
    /// Backend id.
    pub id: String,
    /// The project.
    pub project_id: String,
    /// Headline.
    pub title: Localized,
    /// Body (plain text).
    pub body: Localized,
    /// Publication time.
    pub published_at: Timestamp,
}

/// Follow state after following or unfollowing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FollowState {
    /// Whether the participant follows it now.
    pub following: bool,
    /// Followers now, when the backend says.
    pub followers: Option<u64>,
}

/// Filters for a project list; `None` means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectQuery {
    /// Only projects with this status.
    pub status: Option<ProjectStatus>,
    /// Free text.
    pub text: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::ProjectStatus;

    #[test]
    fn every_status_code_reads_back_and_unknown_codes_do_not() {
        for s in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::from_code(s.code()), Some(s));
        }
        let codes = ProjectStatus::ALL.map(ProjectStatus::code);
        assert_eq!(codes, ["planned", "in_progress", "completed", "on_hold"]);
        assert_eq!(ProjectStatus::from_code("In_progress"), None);
        assert_eq!(ProjectStatus::from_code(""), None);
    }
}
