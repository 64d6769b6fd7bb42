//! What a backend can do, so the UI hides what it cannot instead of failing.

/// Features of a plans, projects or events backend. `false` means the UI must not offer it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// Residents can report a comment to moderators.
    pub can_report_comments: bool,
    /// Votes work without signing in.
    pub can_vote_anonymously: bool,
    /// A vote can be taken back.
    pub can_unvote: bool,
    /// The backend tells whether the current participant voted for a comment.
    pub knows_own_votes: bool,
    /// Comments can carry a line or an area, not only a point.
    pub has_comment_areas: bool,
    /// Replies to comments.
    pub has_replies: bool,
    /// Plans have a statutory phase timeline.
    pub has_plan_phases: bool,
    /// Plans, projects or hearings can be followed.
    pub can_follow: bool,
    /// Following works without signing in.
    pub can_follow_anonymously: bool,
    /// The backend serves an iCalendar file per event.
    pub has_ics: bool,
    /// Events can be joined through the app.
    pub has_registration: bool,
    /// Joining works without signing in (or with an anonymous token).
    pub can_register_anonymously: bool,
    /// A full event puts new registrations on a waitlist.
    pub has_waitlist: bool,
    /// The backend tells the position on the waitlist.
    pub has_waitlist_position: bool,
    /// Registrations can be cancelled later with a code, from any device.
    pub can_cancel_with_code: bool,
    /// Projects and their updates.
    pub has_projects: bool,
}
