//! What the project pages call things in the resident's language: statuses, the groups of the
//! followed page and the lines of its feed.

use crate::domain::{ChangeKind, FollowKind, Lang, ProjectStatus};
use crate::format::day_of;
use crate::i18n::{fill, Strings};

/// The status as residents say it.
pub(super) fn status(t: &'static Strings, s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Planned => t.projects_status_planned,
        ProjectStatus::InProgress => t.projects_status_in_progress,
        ProjectStatus::Completed => t.projects_status_completed,
        ProjectStatus::OnHold => t.projects_status_on_hold,
    }
}

/// The heading of a group on the followed page.
pub(super) fn group(t: &'static Strings, k: FollowKind) -> &'static str {
    match k {
        FollowKind::Project => t.projects_followed_group_project,
        FollowKind::Plan => t.projects_followed_group_plan,
        FollowKind::Event => t.projects_followed_group_event,
    }
}

/// One line saying what changed.
pub(super) fn change(t: &'static Strings, lang: Lang, kind: &ChangeKind) -> String {
    match kind {
        ChangeKind::ProjectUpdate { title, .. } => fill(
            t.projects_change_project_update,
            &[("title", title.text(lang))],
        ),
        ChangeKind::PlanPhase(_) => t.projects_change_plan_phase.to_owned(),
        ChangeKind::CommentsOpening { due } => fill(
            t.projects_change_comments_opening,
            &[("date", &day_of(lang, *due))],
        ),
        ChangeKind::CommentsClosing { due } => fill(
            t.projects_change_comments_closing,
            &[("date", &day_of(lang, *due))],
        ),
        ChangeKind::Reply { .. } => t.projects_change_reply.to_owned(),
        ChangeKind::EventChanged => t.projects_change_event_changed.to_owned(),
        ChangeKind::EventCancelled => t.projects_change_event_cancelled.to_owned(),
    }
}
