//! The legend of the plans map: one colour per group of phases.

use crate::domain::PlanPhase;
use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;

/// The name of the colour group that `phase` stands for in [`PlanPhase::LEGEND`].
fn group_name(t: &'static Strings, phase: PlanPhase) -> &'static str {
    match phase {
        PlanPhase::Initiated | PlanPhase::ParticipationPlan => t.plans_legend_early,
        PlanPhase::Draft => t.plans_phase_draft,
        PlanPhase::Proposal => t.plans_phase_proposal,
        PlanPhase::Approved | PlanPhase::InForce => t.plans_legend_approved,
    }
}

#[component]
pub(super) fn PhaseLegend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="os-legend" aria-label=i18n.tr(|t| t.plans_legend)>
            {PlanPhase::LEGEND.into_iter().map(|p| view! {
                <li class="os-legend__item">
                    <span class=format!("os-legend__swatch {}", PlanPhase::class(Some(p))) aria-hidden="true"></span>
                    {move || group_name(i18n.t(), p)}
                </li>
            }).collect_view()}
        </ul>
    }
}
