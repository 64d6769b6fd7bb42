//! A plan with everything its page shows.

use super::{PhaseStep, PlanSummary};
use crate::domain::geometry::Geometry;
use crate::domain::localized::Localized;
use crate::domain::survey::Question;

/// Rich text (HTML) from a backend, per language. Never insert it unsanitised: the UI
/// passes it through its sanitiser first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichText(pub Localized);

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
    /// The plan's parts, each with its own text and questions (Kerrokantasi's part sections);
    /// empty where the backend has none.
    pub parts: Vec<PlanPart>,
}

/// A part of a plan (an area or a topic) with its own text, images and questions.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanPart {
    /// Backend id; comments answering its questions go there.
    pub id: String,
    /// Its name.
    pub title: Localized,
    /// One paragraph about it (plain text).
    pub summary: Localized,
    /// Its text, rich.
    pub content: RichText,
    /// Pictures of it.
    pub images: Vec<Image>,
    /// Its own questions, answered together with a comment on the part.
    pub questions: Vec<Question>,
    /// Who may comment on it.
    pub commenting: Access,
}

/// A picture with its text alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Where to get it.
    pub url: String,
    /// What it shows, for those who cannot see it.
    pub alt: Localized,
    /// The caption under it.
    pub caption: Localized,
}
