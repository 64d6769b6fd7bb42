//! The plan's comments, a page at a time, newest or most voted first; the comments sent in
//! this visit come first.

use super::comment_card::CommentCard;
use super::comment_places::load_places;
use crate::client;
use crate::components::form::{Field, Select};
use crate::components::load::{LoadStatus, Loader, Status};
use crate::domain::{Comment, CommentSort, PageQuery};
use crate::i18n::{fill, use_i18n};
use crate::pages::plans::context::use_plan;
use leptos::prelude::*;

const PAGE: u64 = 20;

#[component]
pub(crate) fn CommentList() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    // The order and the offset of the page to load; another order starts from its first page.
    let sort_code = RwSignal::new("newest".to_string());
    let at = RwSignal::new((CommentSort::Newest, 0u64));
    Effect::new(move |_| {
        let sort = match sort_code.get().as_str() {
            "votes" => CommentSort::Votes,
            _ => CommentSort::Newest,
        };
        if at.get_untracked().0 != sort {
            at.set((sort, 0));
        }
    });
    let page = Loader::new(
        move || at.get(),
        move |(sort, offset)| {
            let (backend, plan) = (ctx.backend.get_value(), ctx.plan.get_value());
            let page = PageQuery {
                offset,
                limit: PAGE,
            };
            async move { client::plans::comments(&backend, &plan, sort, None, page).await }
        },
    );
    let loaded = RwSignal::new(Vec::<Comment>::new());
    let has_page = Signal::derive(move || page.with(|p| p.is_some()));
    Effect::new(move |_| {
        let Some(p) = page.get() else { return };
        for c in &p.items {
            ctx.locate(c);
        }
        let first = at.get_untracked().1 == 0;
        loaded.update(|all| {
            if first {
                all.clear();
            }
            for c in p.items {
                if !all.iter().any(|x| x.id == c.id) {
                    all.push(c);
                }
            }
        });
    });
    load_places(ctx, has_page);

    let sent_here = move || {
        ctx.sent
            .with(|s| s.iter().filter(|c| c.parent.is_none()).count())
    };
    // Comments sent in this visit come first, then the loaded pages.
    let shown = move || {
        let mut list: Vec<Comment> = ctx.sent.with(|s| {
            s.iter()
                .filter(|c| c.parent.is_none())
                .rev()
                .cloned()
                .collect()
        });
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
        let total = page.with(|p| p.and_then(|p| p.total)).unwrap_or(0) as usize;
        fill(
            i18n.t().plans_comments_count,
            &[("count", &(total + sent_here()).to_string())],
        )
    };
    let next = move || page.with(|p| p.and_then(|p| p.next));
    let more = move || {
        if page.status() == Status::Loading && has_page.get() {
            Some(view! { <p role="status">{i18n.tr(|t| t.plans_loading)}</p> }.into_any())
        } else {
            next().map(|n| view! {
                <button type="button" class="os-button" on:click=move |_| at.update(|a| a.1 = n.offset)>
                    {i18n.tr(|t| t.plans_load_more)}
                </button>
            }.into_any())
        }
    };

    view! {
        <section class="os-comments" aria-labelledby="os-comments-heading">
            <h2 id="os-comments-heading">{i18n.tr(|t| t.plans_comments_heading)}</h2>
            <div class="os-comments__bar">
                <p class="os-comments__count">{count}</p>
                <Field id="os-comments-sort" label=i18n.tr(|t| t.plans_sort)>
                    <Select value=sort_code>
                        <option value="newest">{i18n.tr(|t| t.plans_sort_newest)}</option>
                        <option value="votes">{i18n.tr(|t| t.plans_sort_votes)}</option>
                    </Select>
                </Field>
            </div>
            <ul class="os-comment-list">
                <For each=shown key=|c| c.id let:comment>
                    <CommentCard comment=comment/>
                </For>
            </ul>
            <div class="os-comments__more" aria-live="polite">
                <LoadStatus status=page.status_signal() has_value=has_page retry=page.retry()/>
                {more}
            </div>
        </section>
    }
}
