//! The main comment form: text, nickname, location, answers; the problems to fix; sending.

use super::draft_fields::{nickname_hint, DraftFields};
use super::location_field::LocationField;
use super::problems::{field_id, problem_text, server_problems};
use super::question_field::QuestionField;
use super::send_status::SendStatus;
use crate::components::form::{ErrorSummary, Field, Input, Problem as Shown, TextArea};
use crate::i18n::{fill, use_i18n};
use crate::pages::plans::context::use_plan;
use crate::state::comment_sender::{is_pending, CommentSender};
use crate::state::draft::{Field as Part, Problem, MAX_TEXT};
use crate::state::outbox::State;
use crate::web::dom;
use leptos::prelude::*;

#[component]
pub(super) fn CommentFields() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let sender = expect_context::<CommentSender>();
    let fields = DraftFields::restore(ctx, None, None);
    let questions = StoredValue::new(ctx.plan.with_value(|p| p.questions.clone()));
    let mine = Signal::derive(move || sender.latest(None, None));
    let busy = move || mine.with(|m| m.as_ref().is_some_and(|s| is_pending(&s.state)));

    // A comment the server confirmed empties the form (unless the resident wrote on).
    Effect::new(move |_| {
        if let Some(s) = mine.get().filter(|s| s.state == State::Sent) {
            fields.clear_if_sent(&s.draft);
            ctx.drawing.set(false);
        }
    });

    // Problems are shown once the resident tried to send, and follow their fixes from then on.
    let shown = RwSignal::new(Vec::<(Part, Problem)>::new());
    Effect::new(move |_| {
        let d = fields.draft();
        if !shown.with_untracked(Vec::is_empty) {
            shown.set(questions.with_value(|q| d.problems(q)));
        }
    });
    let refused = move || {
        server_problems(
            mine.with(|m| m.as_ref().and_then(|s| s.error.clone()))
                .as_ref(),
        )
    };
    let error_of = move |part: Part| {
        let t = i18n.t();
        shown
            .with(|all| {
                all.iter()
                    .find(|(p, _)| *p == part)
                    .map(|(_, problem)| problem_text(t, *problem))
            })
            .or_else(|| {
                refused()
                    .contains(&part)
                    .then(|| t.backend_error_invalid.to_string())
            })
    };
    let summary = Signal::derive(move || {
        let t = i18n.t();
        let mut list: Vec<Shown> = shown.with(|all| {
            all.iter()
                .map(|(part, problem)| Shown {
                    field: field_id(*part),
                    message: problem_text(t, *problem),
                })
                .collect()
        });
        for part in refused() {
            if !list.iter().any(|p| p.field == field_id(part)) {
                list.push(Shown {
                    field: field_id(part),
                    message: t.backend_error_invalid.to_string(),
                });
            }
        }
        list
    });
    // A refusal from the server takes the focus to the summary of what to fix.
    let to_summary = Trigger::new();
    Effect::new(move |_| {
        if mine.with(|m| {
            m.as_ref()
                .is_some_and(|s| matches!(s.state, State::Rejected { .. }))
        }) {
            to_summary.notify();
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        let d = fields.draft_untracked();
        let problems = questions.with_value(|q| d.problems(q));
        if let Some((first, _)) = problems.first() {
            let id = match first {
                Part::Location => "os-comment-location-none".to_string(),
                other => field_id(*other),
            };
            shown.set(problems);
            dom::focus_id(&id);
            return;
        }
        shown.set(Vec::new());
        sender.submit(d);
    };

    let count = move || fields.text.with(|t| t.chars().count());
    let counter = move || {
        fill(
            i18n.t().plans_form_counter,
            &[
                ("count", &count().to_string()),
                ("max", &MAX_TEXT.to_string()),
            ],
        )
    };
    let nickname_hint = move || nickname_hint(i18n.t());
    let draft_saved = Signal::derive(move || {
        fields
            .saved
            .get()
            .then(|| i18n.t().plans_form_draft_saved.to_string())
    });

    view! {
        <form class="os-form" novalidate on:submit=on_submit>
            <ErrorSummary lead=Signal::stored(None::<String>) problems=summary focus=to_summary/>
            <Field id="os-comment-text" label=i18n.tr(|t| t.plans_form_text) required=true
                hint=counter error=Signal::derive(move || error_of(Part::Text))>
                <TextArea value=fields.text rows=6/>
                {move || (count() > MAX_TEXT).then(|| view! {
                    <p class="os-field__hint os-field__hint--over" aria-live="polite">
                        {fill(i18n.t().plans_form_too_long, &[("max", &MAX_TEXT.to_string())])}
                    </p>
                })}
            </Field>
            <Field id="os-comment-nickname" label=i18n.tr(|t| t.plans_form_nickname)
                hint=nickname_hint error=Signal::derive(move || error_of(Part::Nickname))>
                <Input value=fields.nickname autocomplete="nickname"/>
            </Field>
            <LocationField error=Signal::derive(move || error_of(Part::Location))/>
            {questions.get_value().into_iter().map(|q| {
                let qid = q.id;
                view! { <QuestionField question=q answers=fields.answers error=Signal::derive(move || error_of(Part::Question(qid)))/> }
            }).collect_view()}
            <div class="os-form__actions">
                <button type="submit" class="os-button os-button--primary" aria-disabled=move || busy().to_string()>
                    {i18n.tr(|t| t.plans_form_send)}
                </button>
            </div>
            <SendStatus item=mine idle=draft_saved/>
            {move || mine.get().filter(|s| matches!(s.state, State::Rejected { .. })).map(|s| view! {
                <p class="os-error" role="alert">
                    {i18n.tr(|t| t.plans_send_fix_and_resend)}
                    " "
                    <button type="button" class="os-button os-button--small" on:click=move |_| sender.dismiss(&s.key)>
                        {i18n.tr(|t| t.plans_send_dismiss)}
                    </button>
                </p>
            })}
        </form>
    }
}
