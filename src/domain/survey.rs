//! Survey questions answered together with a comment.

use super::Localized;

/// Single or multiple choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Exactly one option.
    SingleChoice,
    /// One or more options.
    MultipleChoice,
}

/// An option of a survey question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionOption {
    /// Backend id, sent back in answers.
    pub id: u64,
    /// Label.
    pub text: Localized,
    /// How many answers chose it so far.
    pub n_answers: u64,
}

/// A survey question answered together with a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Backend id, sent back in answers.
    pub id: u64,
    /// Single or multiple choice.
    pub kind: QuestionKind,
    /// The question.
    pub text: Localized,
    /// Whether a top-level comment must answer it.
    pub required: bool,
    /// The options, in order.
    pub options: Vec<QuestionOption>,
    /// The part of the plan that takes comments answering this question, where the backend
    /// splits plans into parts (a Kerrokantasi section id); `None` when the plan itself does.
    pub section: Option<String>,
}
