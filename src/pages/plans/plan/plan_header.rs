//! The top of the plan page: title, phase and area, summary, follow and "leave a comment",
//! and the comment period.

use crate::components::follow_button::FollowButton;
use crate::components::page_title::PageTitle;
use crate::domain::{FollowKind, PlanPhase};
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::pages::plans::text::{localized, period_text, phase_name};
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

#[component]
pub(super) fn PlanHeader() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let plan = ctx.plan;
    let (backend, id, title) = (
        ctx.backend.get_value(),
        plan.with_value(|p| p.summary.id.clone()),
        plan.with_value(|p| p.summary.title.clone()),
    );
    // Opening the page marks what is new about the plan as seen.
    let key = crate::client::projects::key(&backend, FollowKind::Plan, &id);
    use_follows().mark_seen(&key, Some(title.clone()));

    // Each text with its own `lang` where it falls back to another language.
    let heading = Memo::new(move |_| plan.with_value(|p| localized(&p.summary.title, i18n.lang())));
    let area =
        Memo::new(move |_| plan.with_value(|p| localized(&p.summary.area_name, i18n.lang())));
    let summary =
        Memo::new(move |_| plan.with_value(|p| localized(&p.summary.summary, i18n.lang())));
    let phase = plan.with_value(|p| p.summary.phase);
    let period = move || {
        plan.with_value(|p| period_text(i18n.t(), p.summary.comment_period.as_ref(), i18n.lang()))
    };
    view! {
        <PageTitle text=Signal::derive(move || heading.get().0) lang=Signal::derive(move || heading.get().1)/>
        <p class="os-plan__meta">
            {phase.map(|ph| view! {
                <span class=format!("os-badge {}", PlanPhase::class(Some(ph)))>{move || phase_name(i18n.t(), ph)}</span>
            })}
            " "
            <span lang=move || area.get().1>{move || area.get().0}</span>
        </p>
        <p class="os-page__intro" lang=move || summary.get().1>{move || summary.get().0}</p>
        <div class="os-plan__actions">
            <FollowButton kind=FollowKind::Plan backend=backend id=id title=Signal::stored(title)/>
            // On a phone the form is far below: a way straight to it.
            <a class="os-button os-button--primary" href="#os-comment-form">{i18n.tr(|t| t.plans_form_heading)}</a>
        </div>
        <p class="os-plan__period os-notice">{period}</p>
    }
}
