//! "Leave a comment": the form, or why comments are not taken now.

use super::comment_fields::CommentFields;
use crate::domain::{Access, PeriodState};
use crate::format::date_time;
use crate::i18n::{fill, use_i18n};
use crate::pages::plans::context::use_plan;
use crate::web::clock::now;
use leptos::prelude::*;

#[component]
pub(super) fn CommentForm() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let (period, commenting) = ctx
        .plan
        .with_value(|p| (p.summary.comment_period, p.commenting));
    let state = period.map(|p| p.state_at(now()));
    let message = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        match (state, period) {
            _ if commenting == Access::Nobody => Some(t.plans_form_not_allowed.to_string()),
            (Some(PeriodState::NotYetOpen), Some(p)) => Some(fill(
                t.plans_form_opens,
                &[("date", &date_time(lang, p.opens))],
            )),
            (Some(PeriodState::Closed), Some(p)) => {
                let closed = p.closes.map(|c| date_time(lang, c)).unwrap_or_default();
                Some(fill(t.plans_form_closed, &[("date", &closed)]))
            }
            (None, _) => Some(t.plans_form_no_period.to_string()),
            _ if matches!(commenting, Access::SignedIn | Access::StrongAuth) => {
                Some(t.backend_error_registered_only.to_string())
            }
            _ => None,
        }
    };
    // Whether the form is shown does not change with the language: only its words do.
    let open = untrack(message).is_none();
    view! {
        <section id="os-comment-form" class="os-comment-form" aria-labelledby="os-comment-form-heading" tabindex="-1">
            <h2 id="os-comment-form-heading">{i18n.tr(|t| t.plans_form_heading)}</h2>
            {if open {
                view! { <CommentFields/> }.into_any()
            } else {
                view! { <p class="os-notice">{message}</p> }.into_any()
            }}
        </section>
    }
}
