//! The map of the plan page: the plan area, located comments and the location being drawn.

use crate::domain::{Geometry, LatLng};
use crate::i18n::{fill, use_i18n};
use crate::map::{MapFeature, MapView};
use crate::pages::plans::context::{comment_feature, use_plan};
use crate::web::dom;
use leptos::prelude::*;

#[component]
pub(super) fn PlanMap() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let plan = ctx.plan;
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        let t = i18n.t();
        let mut out = Vec::new();
        plan.with_value(|p| {
            if let Some(g) = &p.geometry {
                out.push(MapFeature {
                    id: "plan".into(),
                    label: p.summary.title.text(lang).to_string(),
                    geometry: g.clone(),
                });
            }
        });
        ctx.located.with(|all| {
            out.extend(all.iter().map(|l| MapFeature {
                id: comment_feature(l.id),
                label: fill(t.plans_comment_marker, &[("text", &l.label)]),
                geometry: l.geometry.clone(),
            }))
        });
        out
    });
    let fit = Signal::derive(move || {
        plan.with_value(|p| {
            p.geometry
                .as_ref()
                .and_then(Geometry::bounds)
                .or(p.summary.bounds)
        })
    });
    let sketch = Signal::derive(move || ctx.sketch.with(|s| s.as_ref().and_then(|s| s.preview())));
    let on_tap = Callback::new(move |at: LatLng| {
        if ctx.drawing.get_untracked() {
            ctx.sketch.update(|s| {
                if let Some(s) = s.as_mut() {
                    s.add(at);
                }
            });
        }
    });
    let class_of = Callback::new(|id: String| {
        if id == "plan" {
            "os-map-area--plan"
        } else {
            "os-map-area--comment"
        }
        .to_string()
    });
    // A comment selected on the map is scrolled to in the list.
    Effect::new(move |_| {
        if let Some(id) = ctx
            .selected
            .get()
            .as_deref()
            .and_then(|s| s.strip_prefix('c'))
        {
            dom::scroll_to_id(&format!("os-comment-{id}"));
        }
    });
    let label = Signal::derive(move || {
        let title = plan.with_value(|p| p.summary.title.text(i18n.lang()).to_owned());
        fill(i18n.t().plans_plan_map_label, &[("title", &title)])
    });
    view! {
        <section id="os-plan-map" class="os-plan__map" aria-labelledby="os-plan-map-heading">
            <h2 id="os-plan-map-heading">{i18n.tr(|t| t.plans_plan_map_heading)}</h2>
            <MapView features=features selected=ctx.selected class_of=class_of fit=fit
                sketch=sketch on_tap=on_tap centre=ctx.centre
                crosshair=Signal::derive(move || ctx.drawing.get()) label=label/>
        </section>
    }
}
