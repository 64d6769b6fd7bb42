//! One plan in the list: title, phase and area, comment period, comments, distance, and
//! "show on map".

use crate::domain::{centre, distance_m, LatLng, PlanPhase, PlanSummary};
use crate::format::distance;
use crate::i18n::{fill, use_i18n};
use crate::pages::plans::text::{localized, period_text, phase_name};
use crate::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub(super) fn PlanCard(
    plan: PlanSummary,
    selected: RwSignal<Option<String>>,
    here: RwSignal<Option<LatLng>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = plan.id.clone();
    let has_area = plan.bounds.is_some();
    let phase = plan.phase;
    let plan = StoredValue::new(plan);
    let is_selected =
        move || plan.with_value(|p| selected.with(|s| s.as_deref() == Some(p.id.as_str())));
    // Each text with its own `lang` where it falls back to another language.
    let title = Memo::new(move |_| plan.with_value(|p| localized(&p.title, i18n.lang())));
    let area = Memo::new(move |_| plan.with_value(|p| localized(&p.area_name, i18n.lang())));
    let period =
        move || plan.with_value(|p| period_text(i18n.t(), p.comment_period.as_ref(), i18n.lang()));
    let comments = move || {
        let n = plan.with_value(|p| p.n_comments);
        fill(i18n.t().plans_comment_count, &[("count", &n.to_string())])
    };
    let how_far = move || {
        let d = distance_m(here.get()?, centre(plan.with_value(|p| p.bounds)?));
        Some(fill(
            i18n.t().near_me_distance,
            &[("distance", &distance(i18n.lang(), d))],
        ))
    };
    let show_label = move || fill(i18n.t().plans_show_on_map, &[("title", &title.get().0)]);
    let card_id = format!("os-plan-{id}");
    let route = Route::Plan(id.clone());
    view! {
        <li id=card_id class="os-card os-plan-card" class:os-plan-card--selected=is_selected>
            <h3 class="os-card__title">
                <Link to=route class="os-card__link"><span lang=move || title.get().1>{move || title.get().0}</span></Link>
            </h3>
            <p class="os-plan-card__meta">
                {phase.map(|p| view! {
                    <span class=format!("os-badge {}", PlanPhase::class(Some(p)))>{move || phase_name(i18n.t(), p)}</span>
                    " "
                })}
                <span lang=move || area.get().1>{move || area.get().0}</span>
            </p>
            <p class="os-plan-card__period">{period}</p>
            <p class="os-plan-card__comments">{comments}</p>
            {move || how_far().map(|d| view! { <p class="os-card__distance">{d}</p> })}
            {has_area.then(|| view! {
                <button type="button" class="os-button os-button--small"
                    aria-pressed=move || is_selected().to_string()
                    aria-label=show_label
                    on:click=move |_| selected.set(Some(id.clone()))>
                    {i18n.tr(|t| t.plans_show_on_map_short)}
                </button>
            })}
        </li>
    }
}
