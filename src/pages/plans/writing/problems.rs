//! What is wrong with a comment, in words, and which field it belongs to.

use crate::backend::BackendError;
use crate::i18n::{fill, Strings};
use crate::state::draft::{Field, Problem, SketchProblem};

/// The message for a problem with a field.
pub(super) fn problem_text(t: &'static Strings, problem: Problem) -> String {
    match problem {
        Problem::Required => t.plans_form_required.to_string(),
        Problem::TooLong { max } => fill(t.plans_form_too_long, &[("max", &max.to_string())]),
        Problem::Location(SketchProblem::TooFewVertices { needed }) => fill(
            t.plans_form_location_points,
            &[("count", &needed.to_string())],
        ),
        Problem::Location(SketchProblem::TooManyVertices) => {
            t.plans_form_location_too_many.to_string()
        }
    }
}

/// The server's field errors (`/text`, `/nickname`, `/geometry`) as form fields.
pub(super) fn server_problems(error: Option<&BackendError>) -> Vec<Field> {
    let Some(BackendError::Validation { fields }) = error else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|(path, _)| {
            Some(match path.trim_start_matches('/').split('/').next()? {
                "text" => Field::Text,
                "nickname" => Field::Nickname,
                "geometry" => Field::Location,
                _ => return None,
            })
        })
        .collect()
}

/// The id of the element that holds `field` in the main comment form (focus goes there).
pub(super) fn field_id(field: Field) -> String {
    match field {
        Field::Text => "os-comment-text".into(),
        Field::Nickname => "os-comment-nickname".into(),
        Field::Location => "os-comment-location".into(),
        Field::Question(q) => format!("os-question-{q}"),
    }
}
