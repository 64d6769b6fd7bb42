//! Where the comment is about: no specific place, a point, a line or an area. Drawn by tapping
//! the map, or with the keyboard: move the map and add points at its centre.

use crate::components::form::{Choice, ChoiceGroup};
use crate::i18n::{fill, use_i18n, Strings};
use crate::pages::plans::context::use_plan;
use crate::state::draft::{Sketch, SketchKind};
use crate::web::dom;
use leptos::prelude::*;

/// A way to locate a comment: the kind drawn (none for "no specific place"), its code, its name.
type LocationChoice = (
    Option<SketchKind>,
    &'static str,
    fn(&'static Strings) -> &'static str,
);

const CHOICES: [LocationChoice; 4] = [
    (None, "none", |t| t.plans_location_none),
    (Some(SketchKind::Point), "point", |t| t.plans_location_point),
    (Some(SketchKind::Line), "line", |t| t.plans_location_line),
    (Some(SketchKind::Area), "area", |t| t.plans_location_area),
];

fn kind_of(code: &str) -> Option<SketchKind> {
    CHOICES
        .iter()
        .find(|(_, c, _)| *c == code)
        .and_then(|(k, _, _)| *k)
}

#[component]
pub(super) fn LocationField(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_plan();
    let sketch = ctx.sketch;
    let areas = ctx.capabilities.has_comment_areas;
    let kind = move || sketch.with(|s| s.as_ref().map(|s| s.kind));
    let choose = move |code: String| {
        let k = kind_of(&code);
        if kind() != k {
            sketch.set(k.map(Sketch::new));
        }
        ctx.drawing.set(k.is_some());
        if k.is_some() {
            // The map is where the resident taps next: bring it into view.
            dom::scroll_to_id("os-plan-map");
        }
    };
    let choices = CHOICES
        .into_iter()
        .filter(|(k, _, _)| areas || matches!(k, None | Some(SketchKind::Point)))
        .map(|(_, code, name)| Choice {
            value: code.to_string(),
            label: TextProp::from(i18n.tr(name)),
        })
        .collect();
    let selected = move |code: String| kind() == kind_of(&code);
    let vertices = move || sketch.with(|s| s.as_ref().map_or(0, |s| s.vertices.len()));
    let add_at_centre = move |_| {
        if let Some(c) = ctx.centre.get_untracked() {
            sketch.update(|s| {
                if let Some(s) = s.as_mut() {
                    s.add(c);
                }
            });
            ctx.drawing.set(true);
        }
    };
    let instructions = move || {
        let t = i18n.t();
        match kind() {
            None => String::new(),
            Some(SketchKind::Point) if vertices() > 0 => t.plans_location_point_set.to_string(),
            Some(SketchKind::Point) => t.plans_location_point_help.to_string(),
            Some(_) => fill(
                t.plans_location_shape_help,
                &[("count", &vertices().to_string())],
            ),
        }
    };
    let edit = move |f: fn(&mut Sketch)| sketch.update(|s| s.as_mut().into_iter().for_each(f));
    view! {
        <ChoiceGroup id="os-comment-location" legend=i18n.tr(|t| t.plans_location_legend)
            choices=choices selected=selected on_choose=choose error=error>
            {move || kind().map(|_| view! {
                <div class="os-sketch-tools">
                    <p class="os-field__hint" aria-live="polite">{instructions}</p>
                    <div class="os-sketch-tools__buttons">
                        <button type="button" class="os-button os-button--small" on:click=add_at_centre>
                            {i18n.tr(|t| t.plans_location_add_centre)}
                        </button>
                        <button type="button" class="os-button os-button--small"
                            aria-disabled=move || (vertices() == 0).to_string()
                            on:click=move |_| edit(Sketch::undo)>
                            {i18n.tr(|t| t.plans_location_undo)}
                        </button>
                        <button type="button" class="os-button os-button--small"
                            aria-pressed=move || (!ctx.drawing.get()).to_string()
                            on:click=move |_| ctx.drawing.update(|d| *d = !*d)>
                            {move || if ctx.drawing.get() { i18n.t().plans_location_finish } else { i18n.t().plans_location_edit }}
                        </button>
                        <button type="button" class="os-button os-button--small"
                            on:click=move |_| edit(|s| s.vertices.clear())>
                            {i18n.tr(|t| t.plans_location_clear)}
                        </button>
                    </div>
                </div>
            })}
        </ChoiceGroup>
    }
}
