//! The vote button of a comment: pressed once voted; its name says whose comment and how
//! many votes.

use crate::backend::BackendError;
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::domain::{Comment, VoteState};
use crate::i18n::{fill, use_i18n};
use crate::pages::plans::context::PlanContext;
use crate::web::device;
use leptos::prelude::*;

/// Where this device remembers its vote: Kerrokantasi does not say whether it voted.
fn voted_key(ctx: &PlanContext, id: u64) -> String {
    format!(
        "voted.{}.{id}",
        ctx.backend.with_value(|b| b.base_url.clone())
    )
}

#[component]
pub(super) fn VoteButton(
    ctx: PlanContext,
    comment: StoredValue<Comment>,
    /// The comment's author as shown, for the button's name.
    #[prop(into)]
    author: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let caps = ctx.capabilities;
    let id = comment.with_value(|c| c.id);
    let votes = RwSignal::new(comment.with_value(|c| c.votes));
    let voted = RwSignal::new(comment.with_value(|c| {
        c.voted_by_me
            .unwrap_or_else(|| device::get(&voted_key(&ctx, c.id)).is_some())
    }));
    let vote = Action::new_local(move |up: &bool| {
        let up = *up;
        let (backend, plan) = (ctx.backend.get_value(), ctx.plan.get_value());
        let comment = comment.get_value();
        async move { (up, client::plans::vote(&backend, &plan, &comment, up).await) }
    });
    let error = RwSignal::new(None::<BackendError>);
    Effect::new(move |_| {
        let Some((up, result)) = vote.value().get() else {
            return;
        };
        match result {
            Ok(VoteState {
                votes: n,
                voted: now,
            }) => {
                error.set(None);
                voted.set(now);
                match n {
                    Some(n) => votes.set(n),
                    None => votes.update(|n| *n = if up { *n + 1 } else { n.saturating_sub(1) }),
                }
                if now {
                    device::set(&voted_key(&ctx, id), "1");
                } else {
                    device::remove(&voted_key(&ctx, id));
                }
            }
            Err(e) => error.set(Some(e)),
        }
    });
    let blocked = move || vote.pending().get() || (voted.get() && !caps.can_unvote);
    let on_click = move |_| {
        if !blocked() {
            vote.dispatch(!voted.get_untracked());
        }
    };
    let label = move || {
        let t = i18n.t();
        let template = if voted.get() {
            t.plans_vote_remove
        } else {
            t.plans_vote
        };
        fill(
            template,
            &[
                ("author", &author.get()),
                ("count", &votes.get().to_string()),
            ],
        )
    };
    view! {
        <button type="button" class="os-button os-button--small os-vote"
            aria-pressed=move || voted.get().to_string()
            aria-label=label
            aria-disabled=move || blocked().to_string()
            on:click=on_click>
            <span aria-hidden="true">{move || if voted.get() { "▲ " } else { "△ " }}{move || votes.get()}</span>
        </button>
        {move || error.get().map(|e| view! {
            <p class="os-field__error" role="alert">{move || backend_error_text(i18n.t(), &e)}</p>
        })}
    }
}
