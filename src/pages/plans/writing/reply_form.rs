//! A reply under a comment: its text, kept as a draft like the comment form's.

use super::draft_fields::DraftFields;
use super::problems::problem_text;
use super::send_status::SendStatus;
use crate::components::form::{Field, TextArea};
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::state::comment_sender::{is_pending, CommentSender};
use crate::state::draft::Field as Part;
use crate::state::outbox::State;
use leptos::prelude::*;

#[component]
pub(super) fn ReplyForm(parent: u64) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let sender = expect_context::<CommentSender>();
    let fields = DraftFields::restore(ctx, Some(parent), None);
    let mine = Signal::derive(move || sender.latest(Some(parent), None));
    let busy = move || mine.with(|m| m.as_ref().is_some_and(|s| is_pending(&s.state)));
    // A reply the server confirmed empties the form.
    Effect::new(move |_| {
        if let Some(s) = mine.get().filter(|s| s.state == State::Sent) {
            fields.clear_if_sent(&s.draft);
        }
    });
    let problem = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        let d = fields.draft_untracked();
        match d.problems(&[]).into_iter().find(|(f, _)| *f == Part::Text) {
            Some((_, p)) => problem.set(Some(problem_text(i18n.t(), p))),
            None => {
                problem.set(None);
                sender.submit(d);
            }
        }
    };
    view! {
        <form class="os-form os-reply-form" novalidate on:submit=on_submit>
            <Field id=format!("os-reply-{parent}-text") label=i18n.tr(|t| t.plans_reply_label) error=problem>
                <TextArea value=fields.text rows=3/>
            </Field>
            <button type="submit" class="os-button os-button--primary" aria-disabled=move || busy().to_string()>
                {i18n.tr(|t| t.plans_reply_send)}
            </button>
            <SendStatus item=mine/>
        </form>
    }
}
