//! What the resident has put into a comment so far, and what is wrong with it.

use super::sketch::{Sketch, SketchProblem};
use crate::domain::{Answer, NewComment, Question, QuestionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest comment the reference server accepts, in characters.
pub(crate) const MAX_TEXT: usize = 5000;
/// The longest nickname the reference server accepts, in characters.
pub(crate) const MAX_NICKNAME: usize = 80;

/// Everything the resident has put into a comment so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct CommentDraft {
    pub(crate) text: String,
    pub(crate) nickname: String,
    pub(crate) sketch: Option<Sketch>,
    /// Chosen option ids per question id.
    pub(crate) answers: BTreeMap<u64, Vec<u64>>,
    pub(crate) parent: Option<u64>,
    /// The part of the plan it is about (its own form), where the plan has parts.
    #[serde(default)]
    pub(crate) section: Option<String>,
}

/// A field of the comment form, for putting an error next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Field {
    Text,
    Nickname,
    Location,
    Question(u64),
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    Required,
    TooLong { max: usize },
    Location(SketchProblem),
}

impl CommentDraft {
    /// True when nothing worth keeping was entered.
    pub(crate) fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.nickname.trim().is_empty()
            && self.sketch.as_ref().is_none_or(|s| s.vertices.is_empty())
            && self.answers.values().all(Vec::is_empty)
    }

    /// Sets the answer to a single-choice question, or toggles an option of a multiple-choice one.
    pub(crate) fn choose(&mut self, question: &Question, option: u64) {
        let chosen = self.answers.entry(question.id).or_default();
        match question.kind {
            QuestionKind::SingleChoice => *chosen = vec![option],
            QuestionKind::MultipleChoice => {
                if let Some(i) = chosen.iter().position(|&o| o == option) {
                    chosen.remove(i);
                } else {
                    chosen.push(option);
                    chosen.sort_unstable();
                }
            }
        }
    }

    /// Every problem, in the order of the form's fields. Replies have no location or answers.
    pub(crate) fn problems(&self, questions: &[Question]) -> Vec<(Field, Problem)> {
        let mut out = Vec::new();
        let text = self.text.chars().count();
        if self.text.trim().is_empty() {
            out.push((Field::Text, Problem::Required));
        } else if text > MAX_TEXT {
            out.push((Field::Text, Problem::TooLong { max: MAX_TEXT }));
        }
        if self.nickname.chars().count() > MAX_NICKNAME {
            out.push((Field::Nickname, Problem::TooLong { max: MAX_NICKNAME }));
        }
        if self.parent.is_some() {
            return out;
        }
        if let Some(Err(p)) = self.sketch.as_ref().map(Sketch::geometry) {
            out.push((Field::Location, Problem::Location(p)));
        }
        for q in questions.iter().filter(|q| q.required) {
            if self.answers.get(&q.id).is_none_or(Vec::is_empty) {
                out.push((Field::Question(q.id), Problem::Required));
            }
        }
        out
    }

    /// The comment to send. Call only when [`CommentDraft::problems`] is empty.
    pub(crate) fn to_new_comment(&self) -> NewComment {
        let nickname = self.nickname.trim();
        NewComment {
            text: self.text.trim().to_string(),
            nickname: (!nickname.is_empty()).then(|| nickname.to_string()),
            geometry: self
                .sketch
                .as_ref()
                .filter(|_| self.parent.is_none())
                .and_then(|s| s.geometry().ok()),
            answers: self
                .answers
                .iter()
                .filter(|(_, options)| !options.is_empty() && self.parent.is_none())
                .map(|(&question, options)| Answer {
                    question,
                    options: options.clone(),
                })
                .collect(),
            parent: self.parent,
        }
    }

    /// Whether `other` is the same comment: text, place, answers and parent (the nickname
    /// aside, which the form fills in from the device).
    pub(crate) fn same_comment(&self, other: &CommentDraft) -> bool {
        self.text == other.text
            && self.sketch == other.sketch
            && self.answers == other.answers
            && self.parent == other.parent
            && self.section == other.section
    }

    /// What stays in the form once the server has the comment: nothing but the nickname,
    /// which the resident is told is remembered on the device (`keep_nickname` false on a
    /// shared kiosk, where nothing is remembered).
    pub(crate) fn after_sending(&self, keep_nickname: bool) -> CommentDraft {
        CommentDraft {
            nickname: if keep_nickname {
                self.nickname.clone()
            } else {
                String::new()
            },
            parent: self.parent,
            section: self.section.clone(),
            ..Default::default()
        }
    }

    /// Where this draft is kept: one per backend, plan and (for replies) parent comment.
    pub(crate) fn storage_key(&self, base_url: &str, plan_id: &str) -> String {
        match (self.parent, &self.section) {
            (Some(p), _) => format!("draft.{base_url}.{plan_id}.reply.{p}"),
            (None, Some(s)) => format!("draft.{base_url}.{plan_id}.part.{s}"),
            (None, None) => format!("draft.{base_url}.{plan_id}"),
        }
    }
}
