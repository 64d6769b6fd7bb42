//! One of the plan's questions, answered with the comment.

use crate::components::form::{Choice, ChoiceGroup};
use crate::domain::{Question, QuestionKind};
use crate::i18n::use_i18n;
use crate::state::draft::CommentDraft;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub(super) fn QuestionField(
    question: Question,
    /// Chosen option ids per question id.
    answers: RwSignal<BTreeMap<u64, Vec<u64>>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let multiple = question.kind == QuestionKind::MultipleChoice;
    let (qid, required) = (question.id, question.required);
    let choices = question
        .options
        .iter()
        .map(|o| {
            let text = o.text.clone();
            Choice {
                value: o.id.to_string(),
                label: TextProp::from(move || text.text(i18n.lang()).to_owned()),
            }
        })
        .collect();
    let text = question.text.clone();
    let question = StoredValue::new(question);
    let selected = move |option: String| {
        let option = option.parse::<u64>().ok();
        answers.with(|a| {
            a.get(&qid)
                .is_some_and(|chosen| option.is_some_and(|o| chosen.contains(&o)))
        })
    };
    let choose = move |option: String| {
        let Ok(option) = option.parse::<u64>() else {
            return;
        };
        answers.update(|a| {
            // The draft's rule: one option, or toggling one of many.
            let mut d = CommentDraft {
                answers: std::mem::take(a),
                ..Default::default()
            };
            question.with_value(|q| d.choose(q, option));
            *a = d.answers;
        });
    };
    let legend = move || text.text(i18n.lang()).to_owned();
    let id = format!("os-question-{qid}");
    if multiple {
        view! {
            <ChoiceGroup id=id legend=legend choices=choices selected=selected on_choose=choose
                multiple=true required=required hint=i18n.tr(|t| t.plans_form_choose_many) error=error/>
        }
        .into_any()
    } else {
        view! {
            <ChoiceGroup id=id legend=legend choices=choices selected=selected on_choose=choose
                required=required error=error/>
        }
        .into_any()
    }
}
