//! The one way into the writing module.

use super::comment_form::CommentForm;
use super::part_form::PartForm;
use super::reply_form::ReplyForm;
use super::report_form::ReportForm;
use crate::domain::Comment;
use crate::pages::plans::context::PlanContext;
use crate::state::comment_sender::CommentSender;
use leptos::prelude::*;

/// What the plan page needs from the writing module, as plain functions.
#[derive(Clone, Copy)]
pub(crate) struct Writing {
    /// Starts the page's comment sender (it sends what an earlier visit left unsent), under
    /// the plan view's owner; the forms below need it.
    pub(crate) start: fn(PlanContext),
    /// The main comment form, or why comments are not taken.
    pub(crate) comment_form: fn() -> AnyView,
    /// The reply form under the comment with this id.
    pub(crate) reply_form: fn(u64) -> AnyView,
    /// The report form of the comment with this id; the callback closes it.
    pub(crate) report_form: fn(u64, Callback<()>) -> AnyView,
    /// The form of the plan's part with this index (its own questions).
    pub(crate) part_form: fn(usize) -> AnyView,
}

/// The writing module's functions.
pub(crate) fn writing() -> Writing {
    Writing {
        start,
        comment_form: || view! { <CommentForm/> }.into_any(),
        reply_form: |parent| view! { <ReplyForm parent=parent/> }.into_any(),
        report_form: |comment, on_done| {
            view! { <ReportForm comment=comment on_done=on_done/> }.into_any()
        },
        part_form: |index| view! { <PartForm index=index/> }.into_any(),
    }
}

fn start(ctx: PlanContext) {
    // A delivered comment goes on the map and to the top of the list; one on a part of the
    // plan is not in the plan's list (its section has its own).
    let on_delivered = Callback::new(move |comment: Comment| {
        ctx.locate(&comment);
        let listed = ctx
            .plan
            .with_value(|p| comment.section.is_none() || comment.section == p.comment_section);
        if listed {
            ctx.sent.update(|s| s.push(comment));
        }
    });
    let sender = CommentSender::start(ctx.backend.get_value(), ctx.plan.get_value(), on_delivered);
    provide_context(sender);
}
