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

/// How much earlier than the first attempt a stored copy may look, for [`NewComment::same_as`]:
/// the server's clock and the device's differ.
const CLOCK_SLACK_MICROS: i64 = 15 * 60 * 1_000_000;

impl NewComment {
    /// Whether `stored` is this comment, stored by an attempt whose answer was lost: the same
    /// text, name, place and parent, written no earlier than the first attempt at `sent_at`
    /// (allowing for a server clock a few minutes behind). For backends that take no
    /// Idempotency-Key, so a retry can look before it posts again.
    pub fn same_as(&self, stored: &Comment, sent_at: Timestamp) -> bool {
        stored.text.as_deref().map(str::trim) == Some(self.text.trim())
            && stored.nickname.as_deref() == self.nickname.as_deref()
            && stored.parent == self.parent
            && stored.geometry == self.geometry
            && stored.created.unix_micros() >= sent_at.unix_micros() - CLOCK_SLACK_MICROS
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LatLng;

    fn stored(text: &str, nickname: Option<&str>, created: &str) -> Comment {
        Comment {
            id: 7,
            section: Some("s1".into()),
            parent: None,
            text: Some(text.into()),
            nickname: nickname.map(Into::into),
            created: Timestamp::parse(created).unwrap(),
            votes: 0,
            voted_by_me: None,
            geometry: Some(Geometry::Point(LatLng::new(60.39, 25.66))),
            answers: Vec::new(),
            reply_count: 0,
            moderation: Moderation::Visible,
        }
    }

    #[test]
    fn a_stored_copy_is_recognised_by_text_name_place_parent_and_time() {
        let new = NewComment {
            text: "Lisää penkkejä ".into(),
            nickname: Some("Aino".into()),
            geometry: Some(Geometry::Point(LatLng::new(60.39, 25.66))),
            answers: Vec::new(),
            parent: None,
        };
        let sent = Timestamp::parse("2026-12-03T10:00:00Z").unwrap();
        let copy = stored(
            "Lisää penkkejä",
            Some("Aino"),
            "2026-12-03T10:00:01.250000Z",
        );
        assert!(new.same_as(&copy, sent));
        // A server clock a few minutes behind the device's.
        assert!(new.same_as(
            &stored("Lisää penkkejä", Some("Aino"), "2026-12-03T09:50:00Z"),
            sent
        ));
        // Someone else's comment, another name, an older one, another place, a reply.
        assert!(!new.same_as(
            &stored("Lisää penkkejä!", Some("Aino"), "2026-12-03T10:00:01Z"),
            sent
        ));
        assert!(!new.same_as(
            &stored("Lisää penkkejä", None, "2026-12-03T10:00:01Z"),
            sent
        ));
        assert!(!new.same_as(
            &stored("Lisää penkkejä", Some("Aino"), "2026-12-03T09:00:00Z"),
            sent
        ));
        let mut elsewhere = copy.clone();
        elsewhere.geometry = None;
        assert!(!new.same_as(&elsewhere, sent));
        let mut reply = copy.clone();
        reply.parent = Some(3);
        assert!(!new.same_as(&reply, sent));
        let mut hidden = copy;
        hidden.text = None;
        assert!(!new.same_as(&hidden, sent));
    }
}
