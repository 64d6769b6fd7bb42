//! The rules for a comment's answers to a plan's survey questions.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::validate::FieldError;

/// One answer as sent: the chosen options of one question.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(deserialize_with = "crate::validate::json_int::one")]
    pub question_id: i64,
    #[serde(deserialize_with = "crate::validate::json_int::list")]
    pub option_ids: Vec<i64>,
}

/// A question as the rules need it.
#[derive(Debug, Clone)]
pub struct QuestionRule {
    pub single_choice: bool,
    pub required: bool,
    pub options: BTreeSet<i64>,
}

/// Every problem with `answers` to `questions` (by id); unanswered required questions count only
/// for top-level comments.
pub fn check(
    questions: &BTreeMap<i64, QuestionRule>,
    answers: &[Answer],
    top_level: bool,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, a) in answers.iter().enumerate() {
        let ptr = format!("/answers/{i}");
        let Some(q) = questions.get(&a.question_id) else {
            errors.push(FieldError::new(
                format!("{ptr}/question_id"),
                "not_found",
                "no such question on this plan",
            ));
            continue;
        };
        if !seen.insert(a.question_id) {
            errors.push(FieldError::new(
                format!("{ptr}/question_id"),
                "duplicate",
                "each question may be answered once",
            ));
            continue;
        }
        let chosen: BTreeSet<i64> = a.option_ids.iter().copied().collect();
        let (code, message) = if chosen.len() != a.option_ids.len() {
            ("duplicate", "an option may be chosen once".to_owned())
        } else if chosen.is_empty() {
            ("required", "choose at least one option".to_owned())
        } else if q.single_choice && chosen.len() != 1 {
            ("single_choice", "choose exactly one option".to_owned())
        } else if let Some(bad) = chosen.iter().find(|o| !q.options.contains(o)) {
            (
                "invalid_option",
                format!("option {bad} does not belong to question {}", a.question_id),
            )
        } else {
            continue;
        };
        errors.push(FieldError::new(format!("{ptr}/option_ids"), code, message));
    }
    if top_level {
        for (id, _) in questions
            .iter()
            .filter(|(id, q)| q.required && !seen.contains(*id))
        {
            errors.push(FieldError::new(
                "/answers",
                "required",
                format!("question {id} must be answered"),
            ));
        }
    }
    errors
}
