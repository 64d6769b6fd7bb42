//! Writing on a plan page: the comment form (text, nickname, a location drawn on the map or
//! placed with the keyboard, answers to the plan's questions), replies and reports, and the
//! [sender](crate::state::comment_sender) that delivers them. Drafts are saved on every change
//! and restored on return; an error never clears what was typed.
//!
//! The plan page reaches this module only through [`writing`], a table of plain functions,
//! so the whole of it can become a chunk of its own, loaded when the resident starts writing.

mod comment_fields;
mod comment_form;
mod draft_fields;
mod entry;
mod location_field;
mod part_form;
mod problems;
mod question_field;
mod reply_form;
mod report_form;
mod retry_countdown;
mod send_status;

pub(crate) use entry::{writing, Writing};
