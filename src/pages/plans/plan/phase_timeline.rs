//! The plan's phases on a timeline, the current one marked.

use crate::domain::PhaseStatus;
use crate::format::day;
use crate::i18n::use_i18n;
use crate::pages::plans::context::use_plan;
use crate::pages::plans::text::phase_name;
use leptos::prelude::*;

#[component]
pub(super) fn PhaseTimeline() -> impl IntoView {
    let i18n = use_i18n();
    let phases = use_plan().plan.with_value(|p| p.phases.clone());
    (!phases.is_empty()).then(|| view! {
        <section class="os-plan__phases" aria-labelledby="os-plan-phases-heading">
            <h2 id="os-plan-phases-heading">{i18n.tr(|t| t.plans_phases)}</h2>
            <ol class="os-timeline">
                {phases.into_iter().map(|step| {
                    let status = step.status;
                    let current = (status == PhaseStatus::Current).then_some("step");
                    let class = match status {
                        PhaseStatus::Completed => "os-timeline__step os-timeline__step--done",
                        PhaseStatus::Current => "os-timeline__step os-timeline__step--current",
                        PhaseStatus::Upcoming => "os-timeline__step",
                    };
                    let dates = move || {
                        let lang = i18n.lang();
                        match step.ends_on {
                            Some(end) => format!("{} – {}", day(lang, step.starts_on), day(lang, end)),
                            None => day(lang, step.starts_on),
                        }
                    };
                    let state = move || {
                        let t = i18n.t();
                        match status {
                            PhaseStatus::Completed => t.plans_phase_completed,
                            PhaseStatus::Current => t.plans_phase_current,
                            PhaseStatus::Upcoming => t.plans_phase_upcoming,
                        }
                    };
                    view! {
                        <li class=class aria-current=current>
                            <span class="os-timeline__name">{move || phase_name(i18n.t(), step.phase)}</span>
                            <span class="os-timeline__dates">{dates}</span>
                            <span class="os-timeline__status">{state}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    })
}
