//! `/plans`: every plan on a map and, as an equal alternative, in a list. Selecting a plan in
//! one highlights it in the other. On a phone the map is a strip the resident can expand; the
//! list is never hidden behind it.

use super::format::{period_text, phase_class, phase_name};
use crate::client;
use crate::components::backend_error::backend_error_text;
use crate::components::near_me::NearMe;
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::domain::{
    centre, distance_m, sort_nearest, Geometry, LatLng, PageQuery, PlanPhase, PlanQuery,
    PlanSummary,
};
use crate::i18n::{fill, use_i18n, Strings};
use crate::map::{MapFeature, MapView};
use crate::router::{Link, Route};
use leptos::prelude::*;

const PHASES: [PlanPhase; 6] = [
    PlanPhase::Initiated,
    PlanPhase::ParticipationPlan,
    PlanPhase::Draft,
    PlanPhase::Proposal,
    PlanPhase::Approved,
    PlanPhase::InForce,
];

fn phase_code(p: PlanPhase) -> &'static str {
    match p {
        PlanPhase::Initiated => "initiated",
        PlanPhase::ParticipationPlan => "participation_plan",
        PlanPhase::Draft => "draft",
        PlanPhase::Proposal => "proposal",
        PlanPhase::Approved => "approved",
        PlanPhase::InForce => "in_force",
    }
}

/// A plan's area on the overview map: its bounding box.
fn area(plan: &PlanSummary) -> Option<Geometry> {
    let (sw, ne) = plan.bounds?;
    let ring = vec![
        sw,
        LatLng::new(sw.lat, ne.lng),
        ne,
        LatLng::new(ne.lat, sw.lng),
        sw,
    ];
    Some(Geometry::Polygon(vec![ring]))
}

type Text = fn(&'static Strings) -> &'static str;

/// The map's colours, one per group of phases.
const LEGEND: [(Option<PlanPhase>, Text); 4] = [
    (Some(PlanPhase::Initiated), |t| t.plans_legend_early),
    (Some(PlanPhase::Draft), |t| t.plans_phase_draft),
    (Some(PlanPhase::Proposal), |t| t.plans_phase_proposal),
    (Some(PlanPhase::Approved), |t| t.plans_legend_approved),
];

#[component]
pub fn PlansPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(backend(Capability::Plans));
    let phase = RwSignal::new(None::<PlanPhase>);
    let open_only = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<String>);
    let map_open = RwSignal::new(false);
    let here = RwSignal::new(None::<LatLng>);

    let plans = LocalResource::new(move || {
        let query = PlanQuery {
            phase: phase.get(),
            open: open_only.get().then_some(true),
            text: Some(text.get()).filter(|t| !t.trim().is_empty()),
            bounds: None,
        };
        let backend = backend.get_value();
        async move {
            let page = PageQuery {
                offset: 0,
                limit: 100,
            };
            client::plans::list(&backend, &query, page).await
        }
    });

    let items = move || {
        let mut items = plans
            .get()
            .and_then(|r| r.ok())
            .map(|p| p.items)
            .unwrap_or_default();
        if let Some(here) = here.get() {
            sort_nearest(&mut items, here, |p| p.bounds.map(centre));
        }
        items
    };
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        items()
            .iter()
            .filter_map(|p| {
                Some(MapFeature {
                    id: p.id.clone(),
                    label: p.title.text(lang).to_string(),
                    geometry: area(p)?,
                })
            })
            .collect::<Vec<_>>()
    });
    // The map frames every plan found.
    let fit = Signal::derive(move || {
        items()
            .iter()
            .filter_map(|p| p.bounds)
            .reduce(|(a_sw, a_ne), (b_sw, b_ne)| {
                (
                    LatLng::new(a_sw.lat.min(b_sw.lat), a_sw.lng.min(b_sw.lng)),
                    LatLng::new(a_ne.lat.max(b_ne.lat), a_ne.lng.max(b_ne.lng)),
                )
            })
    });
    let phases_by_id = Signal::derive(move || {
        items()
            .into_iter()
            .map(|p| (p.id, p.phase))
            .collect::<Vec<_>>()
    });
    let class_of = Callback::new(move |id: String| {
        let phase = phases_by_id
            .with_untracked(|all| all.iter().find(|(i, _)| *i == id).and_then(|(_, p)| *p));
        phase_class(phase).to_string()
    });

    // The list follows the map: the selected plan's card scrolls into view.
    Effect::new(move |_| {
        if let Some(id) = selected.get() {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("os-plan-{id}")))
            {
                el.scroll_into_view_with_bool(false);
            }
        }
    });

    let on_phase = move |ev| {
        let value = event_target_value(&ev);
        phase.set(PHASES.into_iter().find(|p| phase_code(*p) == value));
    };
    let on_text = move |ev| text.set(event_target_value(&ev));

    view! {
        <div class="os-page os-plans">
            <PageTitle text=Signal::derive(move || i18n.t().plans_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.plans_intro)}</p>

            <form class="os-filters" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="os-field">
                    <label for="os-plans-text">{i18n.tr(|t| t.plans_filter_text)}</label>
                    <input id="os-plans-text" type="search" class="os-input"
                        prop:value=text on:change=on_text/>
                </div>
                <div class="os-field">
                    <label for="os-plans-phase">{i18n.tr(|t| t.plans_filter_phase)}</label>
                    <select id="os-plans-phase" class="os-input" on:change=on_phase>
                        <option value="">{i18n.tr(|t| t.plans_filter_all_phases)}</option>
                        {PHASES
                            .into_iter()
                            .map(|p| view! {
                                <option value=phase_code(p)>{move || phase_name(i18n.t(), p)}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="os-field os-field--check">
                    <input id="os-plans-open" type="checkbox"
                        prop:checked=open_only
                        on:change=move |ev| open_only.set(event_target_checked(&ev))/>
                    <label for="os-plans-open">{i18n.tr(|t| t.plans_filter_open)}</label>
                </div>
            </form>
            <NearMe here=here/>

            <div class="os-plans__layout">
                <section class="os-plans__map" class:os-plans__map--open=map_open
                    aria-labelledby="os-plans-map-heading">
                    <div class="os-plans__map-bar">
                        <h2 id="os-plans-map-heading" class="os-plans__map-heading">
                            {i18n.tr(|t| t.plans_map_heading)}
                        </h2>
                        <button type="button" class="os-button os-plans__map-toggle"
                            aria-expanded=move || map_open.get().to_string()
                            aria-controls="os-plans-map"
                            on:click=move |_| map_open.update(|o| *o = !*o)>
                            {move || if map_open.get() { i18n.t().plans_map_collapse } else { i18n.t().plans_map_expand }}
                        </button>
                    </div>
                    <div id="os-plans-map">
                        <MapView features=features selected=selected class_of=class_of fit=fit
                            label=Signal::derive(move || i18n.t().plans_map_label.to_owned())/>
                    </div>
                    <ul class="os-legend" aria-label=i18n.tr(|t| t.plans_legend)>
                        {LEGEND
                            .into_iter()
                            .map(|(p, name)| view! {
                                <li class="os-legend__item">
                                    <span class=format!("os-legend__swatch {}", phase_class(p)) aria-hidden="true"></span>
                                    {i18n.tr(name)}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>

                <section class="os-plans__list" aria-labelledby="os-plans-list-heading">
                    <h2 id="os-plans-list-heading">{i18n.tr(|t| t.plans_list_heading)}</h2>
                    <p class="os-status" role="status" aria-live="polite">
                        {move || match plans.get() {
                            None => i18n.t().plans_loading.to_string(),
                            Some(Ok(p)) => fill(
                                i18n.t().plans_count,
                                &[("count", &p.total.unwrap_or(p.items.len() as u64).to_string())],
                            ),
                            Some(Err(_)) => String::new(),
                        }}
                    </p>
                    {move || match plans.get() {
                        Some(Err(e)) => Some(view! {
                            <div class="os-error" role="alert">
                                <p>{backend_error_text(i18n.t(), &e)}</p>
                                <button type="button" class="os-button" on:click=move |_| plans.refetch()>
                                    {i18n.tr(|t| t.error_retry)}
                                </button>
                            </div>
                        }),
                        _ => None,
                    }}
                    <ul class="os-plan-cards">
                        <For each=items key=|p| (p.id.clone(), p.n_comments, p.updated_at.map(|t| t.unix_seconds())) let:plan>
                            <PlanCard plan=plan selected=selected here=here/>
                        </For>
                    </ul>
                </section>
            </div>
        </div>
    }
}

#[component]
fn PlanCard(
    plan: PlanSummary,
    selected: RwSignal<Option<String>>,
    here: RwSignal<Option<LatLng>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = plan.id.clone();
    let sel_id = StoredValue::new(id.clone());
    let is_selected =
        move || sel_id.with_value(|id| selected.get().as_deref() == Some(id.as_str()));
    let plan = StoredValue::new(plan);
    let title = move || plan.with_value(|p| p.title.text(i18n.lang()).to_string());
    let area_name = move || plan.with_value(|p| p.area_name.text(i18n.lang()).to_string());
    let phase = move || {
        plan.with_value(|p| {
            p.phase
                .map(|ph| phase_name(i18n.t(), ph))
                .unwrap_or_default()
        })
    };
    let period =
        move || plan.with_value(|p| period_text(i18n.t(), p.comment_period.as_ref(), i18n.lang()));
    let comments = move || {
        plan.with_value(|p| {
            fill(
                i18n.t().plans_comment_count,
                &[("count", &p.n_comments.to_string())],
            )
        })
    };
    let has_area = plan.with_value(|p| p.bounds.is_some());
    let distance = move || {
        let d = distance_m(here.get()?, centre(plan.with_value(|p| p.bounds)?));
        Some(fill(
            i18n.t().near_me_distance,
            &[("distance", &crate::format::distance(i18n.lang(), d))],
        ))
    };
    let show_label = move || fill(i18n.t().plans_show_on_map, &[("title", &title())]);
    let route = Route::Plan(id.clone());
    let card_id = format!("os-plan-{id}");
    view! {
        <li id=card_id class="os-card os-plan-card" class:os-plan-card--selected=is_selected>
            <h3 class="os-card__title">
                <Link to=route class="os-card__link">{title}</Link>
            </h3>
            <p class="os-plan-card__meta">
                <span class=move || format!("os-badge {}", plan.with_value(|p| phase_class(p.phase)))>{phase}</span>
                " "
                <span>{area_name}</span>
            </p>
            <p class="os-plan-card__period">{period}</p>
            <p class="os-plan-card__comments">{comments}</p>
            {move || distance().map(|d| view! { <p class="os-card__distance">{d}</p> })}
            {has_area.then(|| {
                let id = id.clone();
                view! {
                    <button type="button" class="os-button os-button--small"
                        aria-pressed=move || is_selected().to_string()
                        aria-label=show_label
                        on:click=move |_| selected.set(Some(id.clone()))>
                        {i18n.tr(|t| t.plans_show_on_map_short)}
                    </button>
                }
            })}
        </li>
    }
}
