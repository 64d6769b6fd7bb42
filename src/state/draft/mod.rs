//! A comment being written: what the resident typed, drew and answered. Saved on every change
//! (see [`crate::web::device`]) and restored after a reload or a crash; cleared only when
//! the server confirmed the comment. The rules here are plain Rust, tested natively.

use crate::domain::{Answer, Geometry, LatLng, NewComment, Question};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest comment the reference server accepts, in characters.
pub const MAX_TEXT: usize = 5000;
/// The longest nickname the reference server accepts, in characters.
pub const MAX_NICKNAME: usize = 80;
/// The most vertices a drawn line or area may have (the server's limit).
pub const MAX_VERTICES: usize = 1000;

/// What is being drawn on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SketchKind {
    Point,
    Line,
    Area,
}

/// A location in progress: vertices as `(lat, lng)`, in the order they were tapped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sketch {
    pub kind: SketchKind,
    pub vertices: Vec<(f64, f64)>,
}

/// Why a sketch is not yet a usable location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SketchProblem {
    /// A point needs one tap, a line two and an area three.
    TooFewVertices {
        needed: usize,
    },
    TooManyVertices,
}

impl Sketch {
    pub fn new(kind: SketchKind) -> Self {
        Self {
            kind,
            vertices: Vec::new(),
        }
    }

    /// Adds a vertex; a point keeps only the latest tap.
    pub fn add(&mut self, at: LatLng) {
        if self.kind == SketchKind::Point {
            self.vertices.clear();
        }
        if self.vertices.len() < MAX_VERTICES {
            self.vertices.push((at.lat, at.lng));
        }
    }

    /// Removes the latest vertex.
    pub fn undo(&mut self) {
        self.vertices.pop();
    }

    fn needed(&self) -> usize {
        match self.kind {
            SketchKind::Point => 1,
            SketchKind::Line => 2,
            SketchKind::Area => 3,
        }
    }

    /// The finished geometry, or why it is not finished. An area's ring is closed here.
    pub fn geometry(&self) -> Result<Geometry, SketchProblem> {
        let needed = self.needed();
        if self.vertices.len() < needed {
            return Err(SketchProblem::TooFewVertices { needed });
        }
        if self.vertices.len() > MAX_VERTICES - 1 {
            return Err(SketchProblem::TooManyVertices);
        }
        let points: Vec<LatLng> = self
            .vertices
            .iter()
            .map(|&(lat, lng)| LatLng::new(lat, lng))
            .collect();
        Ok(match self.kind {
            SketchKind::Point => Geometry::Point(points[0]),
            SketchKind::Line => Geometry::LineString(points),
            SketchKind::Area => {
                let mut ring = points;
                ring.push(ring[0]);
                Geometry::Polygon(vec![ring])
            }
        })
    }

    /// What the map draws while the resident is still tapping: the points so far as a line
    /// (or the single point), so every tap is visible.
    pub fn preview(&self) -> Option<Geometry> {
        let points: Vec<LatLng> = self
            .vertices
            .iter()
            .map(|&(lat, lng)| LatLng::new(lat, lng))
            .collect();
        match points.len() {
            0 => None,
            1 => Some(Geometry::Point(points[0])),
            _ => self.geometry().ok().or(Some(Geometry::LineString(points))),
        }
    }
}

/// Everything the resident has put into a comment so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CommentDraft {
    pub text: String,
    pub nickname: String,
    pub sketch: Option<Sketch>,
    /// Chosen option ids per question id.
    pub answers: BTreeMap<u64, Vec<u64>>,
    pub parent: Option<u64>,
}

/// A field of the comment form, for putting an error next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Text,
    Nickname,
    Location,
    Question(u64),
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong { max: usize },
    Location(SketchProblem),
}

impl CommentDraft {
    /// True when nothing worth keeping was entered.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.nickname.trim().is_empty()
            && self.sketch.as_ref().is_none_or(|s| s.vertices.is_empty())
            && self.answers.values().all(Vec::is_empty)
    }

    /// Sets the answer to a single-choice question, or toggles an option of a multiple-choice one.
    pub fn choose(&mut self, question: &Question, option: u64) {
        let chosen = self.answers.entry(question.id).or_default();
        match question.kind {
            crate::domain::QuestionKind::SingleChoice => *chosen = vec![option],
            crate::domain::QuestionKind::MultipleChoice => {
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
    pub fn problems(&self, questions: &[Question]) -> Vec<(Field, Problem)> {
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
    pub fn to_new_comment(&self) -> NewComment {
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
}

/// Where a draft is kept: one per backend, plan and (for replies) parent comment.
pub fn storage_key(base_url: &str, plan_id: &str, parent: Option<u64>) -> String {
    match parent {
        Some(p) => format!("draft.{base_url}.{plan_id}.reply.{p}"),
        None => format!("draft.{base_url}.{plan_id}"),
    }
}

#[cfg(test)]
mod tests;
