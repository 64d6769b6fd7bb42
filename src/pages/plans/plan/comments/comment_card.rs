//! One comment (or reply): author, time, text or the moderators' note, and what can be done
//! with it: vote, show on the map, reply, report; its replies underneath.

use super::reply_thread::ReplyThread;
use super::vote_button::VoteButton;
use crate::domain::{Comment, Moderation};
use crate::format::date_time;
use crate::i18n::{fill, use_i18n};
use crate::pages::plans::context::{comment_feature, use_plan};
use crate::pages::plans::writing::Writing;
use leptos::prelude::*;

/// Which form is open under the comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Reply,
    Report,
}

/// A comment card as a plain function, for the reply thread (cards nest).
fn card(comment: Comment) -> AnyView {
    view! { <CommentCard comment=comment/> }.into_any()
}

#[component]
pub(super) fn CommentCard(comment: Comment) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let writing = expect_context::<Writing>();
    let caps = ctx.capabilities;
    let id = comment.id;
    let hidden = matches!(comment.moderation, Moderation::Hidden { .. });
    let is_reply = comment.parent.is_some();
    let located = comment.geometry.is_some();
    let reply_count = comment.reply_count;
    let c = StoredValue::new(comment);
    let open = RwSignal::new(None::<Open>);
    let replies_open = RwSignal::new(false);
    let is_selected = move || ctx.selected.get() == Some(comment_feature(id));
    let author = Signal::derive(move || {
        c.with_value(|c| c.nickname.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| i18n.t().plans_anonymous.to_string())
    });
    let sent_replies = move || {
        ctx.sent
            .with(|s| s.iter().filter(|r| r.parent == Some(id)).count() as u64)
    };
    let toggle =
        move |form: Open| open.update(|o| *o = if *o == Some(form) { None } else { Some(form) });
    let by_id = format!("os-comment-{id}-by");

    view! {
        <li id=format!("os-comment-{id}") class="os-comment" class:os-comment--selected=is_selected
            class:os-comment--hidden=hidden tabindex="-1">
            <article aria-labelledby=format!("os-comment-{id}-by")>
                <header class="os-comment__header">
                    <strong id=by_id class="os-comment__author"><bdi>{author}</bdi></strong>
                    " "
                    <time class="os-comment__time" datetime=c.with_value(|c| c.created.to_string())>
                        {move || c.with_value(|c| date_time(i18n.lang(), c.created))}
                    </time>
                </header>
                {if hidden {
                    let note = move || c.with_value(|c| match &c.moderation {
                        Moderation::Hidden { reason: Some(r) } => fill(i18n.t().plans_comment_hidden_reason, &[("reason", r)]),
                        _ => i18n.t().plans_comment_hidden.to_string(),
                    });
                    view! { <p class="os-comment__moderated">{note}</p> }.into_any()
                } else {
                    view! { <p class="os-comment__text">{c.with_value(|c| c.text.clone().unwrap_or_default())}</p> }.into_any()
                }}
                <div class="os-comment__actions">
                    {(!hidden).then(|| view! { <VoteButton ctx=ctx comment=c author=author/> })}
                    {located.then(|| view! {
                        <button type="button" class="os-button os-button--small"
                            aria-pressed=move || is_selected().to_string()
                            on:click=move |_| ctx.selected.set(Some(comment_feature(id)))>
                            {i18n.tr(|t| t.plans_show_comment_on_map)}
                        </button>
                    })}
                    {(caps.has_replies && !is_reply && !hidden).then(|| view! {
                        <button type="button" class="os-button os-button--small"
                            aria-expanded=move || (open.get() == Some(Open::Reply)).to_string()
                            on:click=move |_| toggle(Open::Reply)>
                            {i18n.tr(|t| t.plans_reply)}
                        </button>
                    })}
                    {(caps.can_report_comments && !hidden).then(|| view! {
                        <button type="button" class="os-button os-button--small"
                            aria-expanded=move || (open.get() == Some(Open::Report)).to_string()
                            on:click=move |_| toggle(Open::Report)>
                            {i18n.tr(|t| t.plans_report)}
                        </button>
                    })}
                </div>
                {move || match open.get() {
                    Some(Open::Reply) => Some((writing.reply_form)(id)),
                    Some(Open::Report) => Some((writing.report_form)(id, Callback::new(move |()| open.set(None)))),
                    None => None,
                }}
                {move || (reply_count + sent_replies() > 0 && !is_reply).then(|| view! {
                    <button type="button" class="os-button os-button--link"
                        aria-expanded=move || replies_open.get().to_string()
                        on:click=move |_| replies_open.update(|o| *o = !*o)>
                        {move || fill(
                            if replies_open.get() { i18n.t().plans_replies_hide } else { i18n.t().plans_replies_show },
                            &[("count", &(reply_count + sent_replies()).to_string())],
                        )}
                    </button>
                })}
                {move || (replies_open.get() || (sent_replies() > 0 && reply_count == 0))
                    .then(|| view! { <ReplyThread parent=id item=card/> })}
            </article>
        </li>
    }
}
