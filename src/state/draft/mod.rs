//! A comment being written: what the resident typed, drew and answered. Saved on every change
//! (see [`crate::web::device`]) and restored after a reload or a crash; cleared only when
//! the server confirmed the comment. The rules here are plain Rust, tested natively.

mod comment_draft;
mod saved;
mod sketch;

pub(crate) use comment_draft::{CommentDraft, Field, Problem, MAX_NICKNAME, MAX_TEXT};
pub(crate) use saved::{forget, load, remember_nickname, remembered_nickname, save};
pub(crate) use sketch::{Sketch, SketchKind, SketchProblem};

#[cfg(test)]
mod tests;
