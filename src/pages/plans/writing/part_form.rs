//! A comment on one part of the plan, answering that part's own questions.

use super::draft_fields::{nickname_hint, DraftFields};
use super::problems::problem_text;
use super::question_field::QuestionField;
use super::send_status::SendStatus;
use crate::components::form::{Field, Input, TextArea};
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::state::comment_sender::{is_pending, CommentSender};
use crate::state::draft::{Field as Part, Problem};
use crate::state::outbox::State;
use crate::web::dom;
use leptos::prelude::*;

/// The form of the plan's part number `index`.
#[component]
pub(super) fn PartForm(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let sender = expect_context::<CommentSender>();
    let (section, questions) = ctx.plan.with_value(|p| {
        let part = &p.parts[index];
        (part.id.clone(), part.questions.clone())
    });
    let fields = DraftFields::restore(ctx, None, Some(section.clone()));
    let section = StoredValue::new(section);
    let questions = StoredValue::new(questions);
    let mine = Signal::derive(move || section.with_value(|s| sender.latest(None, Some(s))));
    let busy = move || mine.with(|m| m.as_ref().is_some_and(|s| is_pending(&s.state)));
    Effect::new(move |_| {
        if let Some(s) = mine.get().filter(|s| s.state == State::Sent) {
            fields.clear_if_sent(&s.draft);
        }
    });
    let shown = RwSignal::new(Vec::<(Part, Problem)>::new());
    Effect::new(move |_| {
        let d = fields.draft();
        if !shown.with_untracked(Vec::is_empty) {
            shown.set(questions.with_value(|q| d.problems(q)));
        }
    });
    let error_of = move |part: Part| {
        shown.with(|all| {
            all.iter()
                .find(|(p, _)| *p == part)
                .map(|(_, p)| problem_text(i18n.t(), *p))
        })
    };
    let text_id = format!("os-part-{index}-text");
    let on_submit = {
        let text_id = text_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy() {
                return;
            }
            let d = fields.draft_untracked();
            let problems = questions.with_value(|q| d.problems(q));
            if let Some((first, _)) = problems.first() {
                let id = match first {
                    Part::Question(q) => format!("os-question-{q}"),
                    Part::Nickname => format!("os-part-{index}-nickname"),
                    _ => text_id.clone(),
                };
                shown.set(problems);
                dom::focus_id(&id);
                return;
            }
            shown.set(Vec::new());
            sender.submit(d);
        }
    };
    view! {
        <form class="os-form os-part-form" novalidate on:submit=on_submit>
            {questions.get_value().into_iter().map(|q| {
                let qid = q.id;
                view! { <QuestionField question=q answers=fields.answers error=Signal::derive(move || error_of(Part::Question(qid)))/> }
            }).collect_view()}
            <Field id=text_id label=i18n.tr(|t| t.plans_part_text) required=true
                error=Signal::derive(move || error_of(Part::Text))>
                <TextArea value=fields.text rows=3/>
            </Field>
            // The name goes with the comment, so it is shown (and can be changed) here too.
            <Field id=format!("os-part-{index}-nickname") label=i18n.tr(|t| t.plans_form_nickname)
                hint=move || nickname_hint(i18n.t()) error=Signal::derive(move || error_of(Part::Nickname))>
                <Input value=fields.nickname autocomplete="nickname"/>
            </Field>
            <button type="submit" class="os-button os-button--primary" aria-disabled=move || busy().to_string()>
                {i18n.tr(|t| t.plans_part_send)}
            </button>
            <SendStatus item=mine/>
        </form>
    }
}
