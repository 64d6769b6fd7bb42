//! Following projects, plans and events, and the changes a follower is told about.

use super::{Localized, PlanPhase, Timestamp};

/// What kind of thing is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FollowKind {
    /// A municipal project.
    Project,
    /// A zoning plan.
    Plan,
    /// An event.
    Event,
}

impl FollowKind {
    /// Every kind, in the order the followed page groups them.
    pub const ALL: [FollowKind; 3] = [FollowKind::Project, FollowKind::Plan, FollowKind::Event];

    /// A stable short code (`project`, `plan`, `event`), for storage keys.
    pub fn code(self) -> &'static str {
        match self {
            FollowKind::Project => "project",
            FollowKind::Plan => "plan",
            FollowKind::Event => "event",
        }
    }

    /// The kind for a [`FollowKind::code`].
    pub fn from_code(code: &str) -> Option<FollowKind> {
        FollowKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One followed item's identity on the device: items are keyed by backend too, so a project on
/// the reference server and a hearing on Kerrokantasi with the same id never mix.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemKey {
    /// The backend's base URL, as configured.
    pub backend: String,
    /// Project, plan or event.
    pub kind: FollowKind,
    /// The backend's id.
    pub id: String,
}

impl ItemKey {
    /// A key.
    pub fn new(backend: impl Into<String>, kind: FollowKind, id: impl Into<String>) -> Self {
        ItemKey {
            backend: backend.into(),
            kind,
            id: id.into(),
        }
    }
}

/// One followed item as the backend lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed {
    /// Its kind.
    pub kind: FollowKind,
    /// Backend id.
    pub id: String,
    /// When following began.
    pub since: Timestamp,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// A project published an update (with its title).
    ProjectUpdate {
        /// Update id.
        update_id: String,
        /// Update headline.
        title: Localized,
    },
    /// A plan moved to a new phase.
    PlanPhase(Option<PlanPhase>),
    /// A plan's comment period opens soon, at `due`.
    CommentsOpening {
        /// When it opens.
        due: Timestamp,
    },
    /// A plan's comment period closes soon, at `due`.
    CommentsClosing {
        /// When it closes.
        due: Timestamp,
    },
    /// Someone replied to the participant's own comment.
    Reply {
        /// The reply's id.
        comment_id: String,
    },
    /// An event changed.
    EventChanged,
    /// An event was cancelled.
    EventCancelled,
}

/// One change in something followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// When it happened.
    pub at: Timestamp,
    /// What happened.
    pub kind: ChangeKind,
    /// The kind of the item it belongs to.
    pub item_kind: FollowKind,
    /// The item's backend id.
    pub item_id: String,
    /// The item's title.
    pub item_title: Localized,
}

/// The answer to "what changed since": the changes and the server time they reach up to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// Newest first.
    pub items: Vec<Change>,
    /// The server's "now" (the next query can start here).
    pub until: Timestamp,
}
