//! The map of every plan found: each plan's area coloured by its phase.

use super::phase_legend::PhaseLegend;
use crate::domain::{Geometry, LatLng, PlanPhase, PlanSummary};
use crate::i18n::use_i18n;
use crate::map::{MapFeature, MapView};
use crate::web::dom;
use leptos::prelude::*;

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

#[component]
pub(super) fn PlansMap(
    items: Memo<Vec<PlanSummary>>,
    selected: RwSignal<Option<String>>,
    /// Whether plans have phases to colour by (and so a legend).
    phases: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        items.with(|all| {
            all.iter()
                .filter_map(|p| {
                    Some(MapFeature {
                        id: p.id.clone(),
                        label: p.title.text(lang).to_string(),
                        geometry: area(p)?,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // The map frames every plan found.
    let fit = Signal::derive(move || {
        items.with(|all| {
            all.iter()
                .filter_map(|p| p.bounds)
                .reduce(|(a_sw, a_ne), (b_sw, b_ne)| {
                    (
                        LatLng::new(a_sw.lat.min(b_sw.lat), a_sw.lng.min(b_sw.lng)),
                        LatLng::new(a_ne.lat.max(b_ne.lat), a_ne.lng.max(b_ne.lng)),
                    )
                })
        })
    });
    let class_of = Callback::new(move |id: String| {
        let phase =
            items.with_untracked(|all| all.iter().find(|p| p.id == id).and_then(|p| p.phase));
        PlanPhase::class(phase).to_string()
    });
    // The list follows the map: the selected plan's card scrolls into view.
    Effect::new(move |_| {
        if let Some(id) = selected.get() {
            dom::scroll_to_id(&format!("os-plan-{id}"));
        }
    });
    view! {
        <section class="os-plans__map" class:os-plans__map--open=open aria-labelledby="os-plans-map-heading">
            <div class="os-plans__map-bar">
                <h2 id="os-plans-map-heading" class="os-plans__map-heading">{i18n.tr(|t| t.plans_map_heading)}</h2>
                <button type="button" class="os-button os-plans__map-toggle"
                    aria-expanded=move || open.get().to_string() aria-controls="os-plans-map"
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { i18n.t().plans_map_collapse } else { i18n.t().plans_map_expand }}
                </button>
            </div>
            <div id="os-plans-map">
                <MapView features=features selected=selected class_of=class_of fit=fit
                    label=Signal::derive(move || i18n.t().plans_map_label.to_owned())/>
            </div>
            {phases.then(|| view! { <PhaseLegend/> })}
        </section>
    }
}
