//! Comments on plans, and what a resident writes.

use super::{Geometry, Timestamp};

/// A resident's answer to one survey question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The question's id.
    pub question: u64,
    /// The chosen options' ids.
    pub options: Vec<u64>,
}

/// Whether a comment can be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Moderation {
    /// Shown normally.
    Visible,
    /// Hidden by moderators or reports; its text is withheld.
    Hidden {
        /// Why, when the backend says.
        reason: Option<String>,
    },
}

/// A comment or a reply on a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    /// Backend id.
    pub id: u64,
    /// The plan part it belongs to, where the backend has parts (a Kerrokantasi section).
    pub section: Option<String>,
    /// The comment this one replies to.
    pub parent: Option<u64>,
    /// Plain text; render as text, never as HTML. `None` when hidden or deleted.
    pub text: Option<String>,
    /// Name the writer chose to show, if any.
    pub nickname: Option<String>,
    /// When it was written.
    pub created: Timestamp,
    /// Number of votes.
    pub votes: u64,
    /// Whether the current participant voted for it; `None` when the backend does not say.
    pub voted_by_me: Option<bool>,
    /// The place it is about.
    pub geometry: Option<Geometry>,
    /// Survey answers given with it.
    pub answers: Vec<Answer>,
    /// Number of replies.
    pub reply_count: u64,
    /// Visible or hidden.
    pub moderation: Moderation,
}

/// A comment to send.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewComment {
    /// Plain text.
    pub text: String,
    /// Optional name to show.
    pub nickname: Option<String>,
    /// Optional place.
    pub geometry: Option<Geometry>,
    /// Survey answers (top-level comments only).
    pub answers: Vec<Answer>,
    /// Set to reply to a top-level comment.
    pub parent: Option<u64>,
}

/// Order of a comment list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CommentSort {
    /// Newest first.
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// Most votes first.
    Votes,
}

/// Why a resident reports a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportReason {
    /// Advertising or junk.
    Spam,
    /// Insulting or hateful.
    Offensive,
    /// Names or other personal data.
    PersonalData,
    /// Not about the plan.
    OffTopic,
    /// Something else (explain in the details).
    Other,
}

/// A report to the moderators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReport {
    /// Why.
    pub reason: ReportReason,
    /// Optional explanation.
    pub details: Option<String>,
}

/// The vote state after voting or unvoting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteState {
    /// Votes now, when the backend says.
    pub votes: Option<u64>,
    /// Whether the participant's vote stands.
    pub voted: bool,
}
