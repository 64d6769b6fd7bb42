//! `/plans`: the filters, "nearest first", the map and the list.

use super::plan_card::PlanCard;
use super::plan_filters::{query_from_address, PlanFilters};
use super::plans_map::PlansMap;
use crate::client;
use crate::components::load::{LoadStatus, Loader};
use crate::components::near_me::NearMe;
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::domain::{centre, sort_nearest, LatLng, PageQuery, PlanSummary};
use crate::i18n::{fill, use_i18n};
use crate::router::use_router;
use leptos::prelude::*;

#[component]
pub(crate) fn PlansPage() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let backend = StoredValue::new(backend(Capability::Plans));
    let phases = backend
        .with_value(client::plans::capabilities)
        .has_plan_phases;
    let plans = Loader::new(
        move || query_from_address(router),
        move |query| {
            let backend = backend.get_value();
            let page = PageQuery {
                offset: 0,
                limit: 100,
            };
            async move { client::plans::list(&backend, &query, page).await }
        },
    );
    let here = RwSignal::new(None::<LatLng>);
    let selected = RwSignal::new(None::<String>);
    let items = Memo::new(move |_| {
        let mut items: Vec<PlanSummary> =
            plans.with(|p| p.map(|p| p.items.clone()).unwrap_or_default());
        if let Some(here) = here.get() {
            sort_nearest(&mut items, here, |p| p.bounds.map(centre));
        }
        items
    });
    let count = Signal::derive(move || {
        plans.with(|p| {
            p.map(|p| {
                let n = p.total.unwrap_or(p.items.len() as u64);
                fill(i18n.t().plans_count, &[("count", &n.to_string())])
            })
        })
    });
    let has_value = Signal::derive(move || plans.with(|p| p.is_some()));

    view! {
        <div class="os-page os-plans">
            <PageTitle text=Signal::derive(move || i18n.t().plans_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.plans_intro)}</p>
            <PlanFilters count=count phases=phases/>
            <NearMe here=here/>
            <div class="os-plans__layout">
                <PlansMap items=items selected=selected phases=phases/>
                <section class="os-plans__list" aria-labelledby="os-plans-list-heading">
                    <h2 id="os-plans-list-heading">{i18n.tr(|t| t.plans_list_heading)}</h2>
                    <LoadStatus status=plans.status_signal() has_value retry=plans.retry()/>
                    <ul class="os-plan-cards">
                        <For each=move || items.get() key=|p| (p.id.clone(), p.n_comments, p.updated_at.map(|t| t.unix_seconds())) let:plan>
                            <PlanCard plan=plan selected=selected here=here/>
                        </For>
                    </ul>
                </section>
            </div>
        </div>
    }
}
