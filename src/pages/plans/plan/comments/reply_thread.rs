//! The replies under a comment, oldest first, with the replies sent in this visit.

use crate::client;
use crate::components::load::{LoadStatus, Loader};
use crate::domain::{Comment, CommentSort, PageQuery};
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use leptos::prelude::*;

/// `item` draws one reply (a comment card: comments and replies nest).
#[component]
pub(super) fn ReplyThread(parent: u64, item: fn(Comment) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let replies = Loader::new(
        || (),
        move |()| {
            let (backend, plan) = (ctx.backend.get_value(), ctx.plan.get_value());
            let page = PageQuery {
                offset: 0,
                limit: 100,
            };
            async move {
                client::plans::comments(&backend, &plan, CommentSort::Oldest, Some(parent), page)
                    .await
            }
        },
    );
    let list = move || {
        let mut all: Vec<Comment> =
            replies.with(|r| r.map(|p| p.items.clone()).unwrap_or_default());
        all.sort_by_key(|c| c.created);
        ctx.sent.with(|sent| {
            for s in sent.iter().filter(|c| c.parent == Some(parent)) {
                if !all.iter().any(|c| c.id == s.id) {
                    all.push(s.clone());
                }
            }
        });
        all
    };
    let has_value = Signal::derive(move || replies.with(|r| r.is_some()));
    view! {
        <div class="os-replies">
            <LoadStatus status=replies.status_signal() has_value retry=replies.retry()/>
            <ul class="os-comment-list os-comment-list--replies" aria-label=i18n.tr(|t| t.plans_replies_label)>
                <For each=list key=|c| c.id let:reply>
                    {item(reply)}
                </For>
            </ul>
        </div>
    }
}
