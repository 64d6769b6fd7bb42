//! Reading comments: newest or most voted first, loaded a page at a time; replies threaded
//! under their comment; vote, report, reply, and "show on map". Comment text is always text.

use super::detail::{comment_feature, use_plan, PlanContext};
use super::form::{problem_text, sending_text};
use super::sender::is_pending;
use crate::backend::BackendError;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::domain::{Comment, CommentSort, Moderation, NewReport, PageQuery, ReportReason};
use crate::format::date_time;
use crate::i18n::{fill, use_i18n, Strings};
use crate::state::draft::{self, CommentDraft, Field};
use crate::state::outbox::State;
use crate::web::device;
use leptos::prelude::*;

const PAGE: u64 = 20;

#[component]
pub fn CommentsSection() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let sort = RwSignal::new(CommentSort::Newest);
    let loaded = RwSignal::new(Vec::<Comment>::new());
    let next = RwSignal::new(Some(PageQuery {
        offset: 0,
        limit: PAGE,
    }));
    let total = RwSignal::new(None::<u64>);
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<BackendError>);

    let load = move |reset: bool| {
        if reset {
            loaded.set(Vec::new());
            next.set(Some(PageQuery {
                offset: 0,
                limit: PAGE,
            }));
        }
        let Some(page) = next.get_untracked() else {
            return;
        };
        loading.set(true);
        error.set(None);
        let sort = sort.get_untracked();
        leptos::task::spawn_local(async move {
            let backend = ctx.backend.get_value();
            let plan = ctx.plan.get_value();
            let result = client::plans::comments(&backend, &plan, sort, None, page).await;
            if loading.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(p) => {
                    ctx.load_places();
                    for c in &p.items {
                        ctx.locate(c);
                    }
                    total.set(p.total);
                    next.set(p.next);
                    loaded.update(|all| {
                        for c in p.items {
                            if !all.iter().any(|x| x.id == c.id) {
                                all.push(c);
                            }
                        }
                    });
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    load(true);

    // Comments sent in this visit come first, then the loaded pages.
    let shown = move || {
        let mut list: Vec<Comment> = ctx
            .sender
            .sent
            .get()
            .into_iter()
            .filter(|c| c.parent.is_none())
            .rev()
            .collect();
        loaded.with(|l| {
            let extra: Vec<Comment> = l
                .iter()
                .filter(|c| !list.iter().any(|x| x.id == c.id))
                .cloned()
                .collect();
            list.extend(extra);
        });
        list
    };
    let count = move || {
        let t = i18n.t();
        let n = total.get().unwrap_or(0) as usize
            + ctx
                .sender
                .sent
                .with(|s| s.iter().filter(|c| c.parent.is_none()).count());
        fill(t.plans_comments_count, &[("count", &n.to_string())])
    };

    view! {
        <section class="os-comments" aria-labelledby="os-comments-heading">
            <h2 id="os-comments-heading">{i18n.tr(|t| t.plans_comments_heading)}</h2>
            <div class="os-comments__bar">
                <p class="os-comments__count">{count}</p>
                <div class="os-field os-field--inline">
                    <label for="os-comments-sort">{i18n.tr(|t| t.plans_sort)}</label>
                    <select id="os-comments-sort" class="os-input" on:change=move |ev| {
                        sort.set(if event_target_value(&ev) == "votes" { CommentSort::Votes } else { CommentSort::Newest });
                        load(true);
                    }>
                        <option value="newest">{i18n.tr(|t| t.plans_sort_newest)}</option>
                        <option value="votes">{i18n.tr(|t| t.plans_sort_votes)}</option>
                    </select>
                </div>
            </div>
            <ul class="os-comment-list">
                <For each=shown key=|c| c.id let:comment>
                    <CommentItem comment=comment ctx=ctx/>
                </For>
            </ul>
            <div class="os-comments__more" aria-live="polite">
                {move || error.get().map(|e| view! {
                    <p class="os-error" role="alert">{move || backend_error_text(i18n.t(), &e)}</p>
                })}
                {move || if loading.get() {
                    Some(view! { <p role="status">{i18n.tr(|t| t.plans_loading)}</p> }.into_any())
                } else if next.get().is_some() {
                    Some(view! {
                        <button type="button" class="os-button" on:click=move |_| load(false)>
                            {i18n.tr(|t| t.plans_load_more)}
                        </button>
                    }.into_any())
                } else {
                    None
                }}
            </div>
        </section>
    }
}

fn author(t: &'static Strings, c: &Comment) -> String {
    c.nickname
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| t.plans_anonymous.to_string())
}

/// Kerrokantasi does not say whether this device voted; remember it here.
fn voted_key(ctx: &PlanContext, id: u64) -> String {
    format!(
        "voted.{}.{id}",
        ctx.backend.with_value(|b| b.base_url.clone())
    )
}

#[component]
fn CommentItem(comment: Comment, ctx: PlanContext) -> impl IntoView {
    let i18n = use_i18n();
    let id = comment.id;
    let hidden = matches!(comment.moderation, Moderation::Hidden { .. });
    let c = StoredValue::new(comment);
    let votes = RwSignal::new(c.with_value(|c| c.votes));
    let voted = RwSignal::new(c.with_value(|c| {
        c.voted_by_me
            .unwrap_or_else(|| device::get(&voted_key(&ctx, c.id)).is_some())
    }));
    let vote_error = RwSignal::new(None::<BackendError>);
    let voting = RwSignal::new(false);
    let open = RwSignal::new(None::<&'static str>); // "reply" | "report"
    let replies_open = RwSignal::new(false);
    let is_selected = move || ctx.selected.get() == Some(comment_feature(id));
    let caps = ctx.capabilities;

    let vote = move |_| {
        if voting.get_untracked() {
            return;
        }
        let up = !voted.get_untracked();
        if !up && !caps.can_unvote {
            return;
        }
        voting.set(true);
        vote_error.set(None);
        leptos::task::spawn_local(async move {
            let backend = ctx.backend.get_value();
            let plan = ctx.plan.get_value();
            let result = client::plans::vote(&backend, &plan, &c.get_value(), up).await;
            if voting.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(state) => {
                    voted.set(state.voted);
                    match state.votes {
                        Some(n) => votes.set(n),
                        None => {
                            votes.update(|n| *n = if up { *n + 1 } else { n.saturating_sub(1) })
                        }
                    }
                    if state.voted {
                        device::set(&voted_key(&ctx, id), "1");
                    } else {
                        device::remove(&voted_key(&ctx, id));
                    }
                }
                Err(e) => vote_error.set(Some(e)),
            }
        });
    };

    let by = move || c.with_value(|c| author(i18n.t(), c));
    let vote_label = move || {
        let t = i18n.t();
        let template = if voted.get() {
            t.plans_vote_remove
        } else {
            t.plans_vote
        };
        fill(
            template,
            &[("author", &by()), ("count", &votes.get().to_string())],
        )
    };
    let located = c.with_value(|c| c.geometry.is_some());
    let reply_count = c.with_value(|c| c.reply_count);
    let sent_replies = move || {
        ctx.sender
            .sent
            .get()
            .into_iter()
            .filter(|r| r.parent == Some(id))
            .count() as u64
    };
    let is_reply = c.with_value(|c| c.parent.is_some());
    let can_report = caps.can_report_comments && !hidden;

    view! {
        <li id=format!("os-comment-{id}") class="os-comment" class:os-comment--selected=is_selected
            class:os-comment--hidden=hidden tabindex="-1">
            <article aria-labelledby=format!("os-comment-{id}-by")>
                <header class="os-comment__header">
                    <strong id=format!("os-comment-{id}-by") class="os-comment__author">{by}</strong>
                    " "
                    <time class="os-comment__time"
                        datetime=c.with_value(|c| c.created.to_string())>
                        {move || c.with_value(|c| date_time(i18n.lang(), c.created))}
                    </time>
                </header>
                {if hidden {
                    view! {
                        <p class="os-comment__moderated">
                            {move || c.with_value(|c| match &c.moderation {
                                Moderation::Hidden { reason: Some(r) } => fill(i18n.t().plans_comment_hidden_reason, &[("reason", r)]),
                                _ => i18n.t().plans_comment_hidden.to_string(),
                            })}
                        </p>
                    }.into_any()
                } else {
                    view! { <p class="os-comment__text">{c.with_value(|c| c.text.clone().unwrap_or_default())}</p> }.into_any()
                }}
                <div class="os-comment__actions">
                    {(!hidden).then(|| view! {
                        <button type="button" class="os-button os-button--small os-vote"
                            aria-pressed=move || voted.get().to_string()
                            aria-label=vote_label
                            aria-disabled=move || (voting.get() || (voted.get() && !caps.can_unvote)).to_string()
                            on:click=vote>
                            <span aria-hidden="true">{move || if voted.get() { "▲ " } else { "△ " }}{move || votes.get()}</span>
                        </button>
                    })}
                    {located.then(|| view! {
                        <button type="button" class="os-button os-button--small"
                            aria-pressed=move || is_selected().to_string()
                            on:click=move |_| ctx.selected.set(Some(comment_feature(id)))>
                            {i18n.tr(|t| t.plans_show_comment_on_map)}
                        </button>
                    })}
                    {(caps.has_replies && !is_reply && !hidden).then(|| view! {
                        <button type="button" class="os-button os-button--small"
                            aria-expanded=move || (open.get() == Some("reply")).to_string()
                            on:click=move |_| open.update(|o| *o = if *o == Some("reply") { None } else { Some("reply") })>
                            {i18n.tr(|t| t.plans_reply)}
                        </button>
                    })}
                    {can_report.then(|| view! {
                        <button type="button" class="os-button os-button--small"
                            aria-expanded=move || (open.get() == Some("report")).to_string()
                            on:click=move |_| open.update(|o| *o = if *o == Some("report") { None } else { Some("report") })>
                            {i18n.tr(|t| t.plans_report)}
                        </button>
                    })}
                </div>
                {move || vote_error.get().map(|e| view! {
                    <p class="os-field__error" role="alert">{move || backend_error_text(i18n.t(), &e)}</p>
                })}
                {move || match open.get() {
                    Some("reply") => Some(view! { <ReplyForm parent=id ctx=ctx/> }.into_any()),
                    Some("report") => Some(view! { <ReportForm comment=id ctx=ctx on_done=Callback::new(move |_| open.set(None))/> }.into_any()),
                    _ => None,
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
                {move || (replies_open.get() || (sent_replies() > 0 && reply_count == 0)).then(|| replies(id, ctx))}
            </article>
        </li>
    }
}

/// The thread under a comment (a function returning `AnyView`: comments and replies nest).
fn replies(parent: u64, ctx: PlanContext) -> AnyView {
    let i18n = use_i18n();
    let replies = LocalResource::new(move || async move {
        let backend = ctx.backend.get_value();
        let plan = ctx.plan.get_value();
        let page = PageQuery {
            offset: 0,
            limit: 100,
        };
        client::plans::comments(&backend, &plan, CommentSort::Oldest, Some(parent), page).await
    });
    let list = move || {
        let mut all: Vec<Comment> = replies
            .get()
            .and_then(|r| r.ok())
            .map(|p| p.items)
            .unwrap_or_default();
        all.sort_by_key(|c| c.created);
        for s in ctx
            .sender
            .sent
            .get()
            .into_iter()
            .filter(|c| c.parent == Some(parent))
        {
            if !all.iter().any(|c| c.id == s.id) {
                all.push(s);
            }
        }
        all
    };
    view! {
        <div class="os-replies">
            {move || match replies.get() {
                None => Some(view! { <p role="status">{i18n.tr(|t| t.plans_loading)}</p> }.into_any()),
                Some(Err(e)) => Some(view! { <p class="os-error" role="alert">{backend_error_text(i18n.t(), &e)}</p> }.into_any()),
                Some(Ok(_)) => None,
            }}
            <ul class="os-comment-list os-comment-list--replies" aria-label=move || fill(i18n.t().plans_replies_label, &[])>
                <For each=list key=|c| c.id let:reply>
                    {CommentItem(CommentItemProps { comment: reply, ctx }).into_any()}
                </For>
            </ul>
        </div>
    }
    .into_any()
}

#[component]
fn ReplyForm(parent: u64, ctx: PlanContext) -> impl IntoView {
    let i18n = use_i18n();
    let key = ctx.with_storage_key(Some(parent));
    let saved: CommentDraft = device::get_json(&key).unwrap_or_else(|| CommentDraft {
        nickname: if device::is_kiosk() {
            String::new()
        } else {
            device::get("nickname").unwrap_or_default()
        },
        ..Default::default()
    });
    let draft = RwSignal::new(CommentDraft {
        parent: Some(parent),
        ..saved
    });
    Effect::new({
        let key = key.clone();
        move |_| {
            let d = draft.get();
            if d.text.trim().is_empty() {
                device::remove(&key);
            } else {
                device::set_json(&key, &d);
            }
        }
    });
    let problem = RwSignal::new(None::<String>);
    let mine = move || {
        ctx.sender
            .items
            .get()
            .into_iter()
            .rfind(|s| s.parent == Some(parent))
    };
    let busy = move || mine().is_some_and(|s| is_pending(&s.state));
    // A reply the server confirmed empties the form.
    Effect::new(move |_| {
        if ctx
            .sender
            .sent
            .with(|s| s.iter().any(|c| c.parent == Some(parent)))
            && mine().is_some_and(|s| s.state == State::Sent)
        {
            draft.update(|d| d.text.clear());
        }
    });
    let text_id = format!("os-reply-{parent}-text");
    let error_id = format!("os-reply-{parent}-error");
    view! {
        <form class="os-form os-reply-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if busy() { return; }
            let d = draft.get_untracked();
            match d.problems(&[]).into_iter().find(|(f, _)| *f == Field::Text) {
                Some((_, p)) => problem.set(Some(problem_text(i18n.t(), p))),
                None => {
                    problem.set(None);
                    ctx.sender.submit(ctx, d);
                }
            }
        }>
            <div class="os-field" class:os-field--invalid=move || problem.get().is_some()>
                <label for=text_id.clone()>{move || fill(i18n.t().plans_reply_label, &[])}</label>
                <textarea id=text_id class="os-input os-textarea" rows="3"
                    aria-describedby=error_id.clone()
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev))></textarea>
                <p id=error_id class="os-field__error">{move || problem.get()}</p>
            </div>
            <button type="submit" class="os-button os-button--primary" aria-disabled=move || busy().to_string()>
                {i18n.tr(|t| t.plans_reply_send)}
            </button>
            <p class="os-form__status" role="status" aria-live="polite">
                {move || mine().map(|s| sending_text(i18n.t(), &s, i18n.lang())).unwrap_or_default()}
            </p>
        </form>
    }
}

const REASONS: [(ReportReason, &str); 5] = [
    (ReportReason::Spam, "spam"),
    (ReportReason::Offensive, "offensive"),
    (ReportReason::PersonalData, "personal_data"),
    (ReportReason::OffTopic, "off_topic"),
    (ReportReason::Other, "other"),
];

fn reason_text(t: &'static Strings, r: ReportReason) -> &'static str {
    match r {
        ReportReason::Spam => t.plans_report_spam,
        ReportReason::Offensive => t.plans_report_offensive,
        ReportReason::PersonalData => t.plans_report_personal_data,
        ReportReason::OffTopic => t.plans_report_off_topic,
        ReportReason::Other => t.plans_report_other,
    }
}

#[component]
fn ReportForm(comment: u64, ctx: PlanContext, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(None::<ReportReason>);
    let details = RwSignal::new(String::new());
    let state = RwSignal::new(None::<Result<(), BackendError>>);
    let sending = RwSignal::new(false);
    let missing = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let Some(r) = reason.get_untracked() else {
            missing.set(true);
            return;
        };
        missing.set(false);
        sending.set(true);
        let report = NewReport {
            reason: r,
            details: Some(details.get_untracked()),
        };
        leptos::task::spawn_local(async move {
            let backend = ctx.backend.get_value();
            let result = client::plans::report(&backend, comment, &report).await;
            if sending.try_set(false).is_none() {
                state.set(Some(result));
            }
        });
    };
    let name = format!("os-report-{comment}");
    view! {
        {move || match state.get() {
            Some(Ok(())) => view! {
                <p class="os-notice" role="status">
                    {i18n.tr(|t| t.plans_report_thanks)} " "
                    <button type="button" class="os-button os-button--small" on:click=move |_| on_done.run(())>
                        {i18n.tr(|t| t.plans_report_close)}
                    </button>
                </p>
            }.into_any(),
            other => {
                let name = name.clone();
                view! {
                    <form class="os-form os-report-form" novalidate on:submit=submit>
                        <fieldset class="os-fieldset" class:os-field--invalid=move || missing.get()>
                            <legend>{i18n.tr(|t| t.plans_report_reason)}</legend>
                            {REASONS.into_iter().map(|(r, code)| {
                                let id = format!("{name}-{code}");
                                view! {
                                    <div class="os-choice">
                                        <input type="radio" name=name.clone() id=id.clone()
                                            prop:checked=move || reason.get() == Some(r)
                                            on:change=move |_| reason.set(Some(r))/>
                                        <label for=id>{move || reason_text(i18n.t(), r)}</label>
                                    </div>
                                }
                            }).collect_view()}
                            {move || missing.get().then(|| view! { <p class="os-field__error">{i18n.tr(|t| t.plans_form_required)}</p> })}
                        </fieldset>
                        <div class="os-field">
                            <label for=format!("{name}-details")>{i18n.tr(|t| t.plans_report_details)}</label>
                            <textarea id=format!("{name}-details") class="os-input os-textarea" rows="2"
                                prop:value=details on:input=move |ev| details.set(event_target_value(&ev))></textarea>
                        </div>
                        <button type="submit" class="os-button os-button--primary" aria-disabled=move || sending.get().to_string()>
                            {i18n.tr(|t| t.plans_report_send)}
                        </button>
                        {other.and_then(|r| r.err()).map(|e| view! {
                            <p class="os-error" role="alert">{move || backend_error_text(i18n.t(), &e)}</p>
                        })}
                    </form>
                }.into_any()
            }
        }}
    }
}

impl PlanContext {
    /// Where the draft of the main form (`None`) or of a reply is kept.
    pub fn with_storage_key(&self, parent: Option<u64>) -> String {
        let base = self.backend.with_value(|b| b.base_url.clone());
        let plan = self.plan.with_value(|p| p.summary.id.clone());
        draft::storage_key(&base, &plan, parent)
    }
}
