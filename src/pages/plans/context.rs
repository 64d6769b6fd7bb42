//! What the parts of a plan page share: the plan, its backend, the map's state, the location
//! being drawn and the comments sent in this visit.

use crate::config::Backend;
use crate::domain::{Capabilities, Comment, CommentPlace, Geometry, LatLng, Plan};
use crate::state::draft::Sketch;
use leptos::prelude::*;

/// A comment on the map: its id, its place and a label for its marker.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Located {
    pub(crate) id: u64,
    pub(crate) geometry: Geometry,
    /// The start of its text (or `#id` while only its place is known).
    pub(crate) label: String,
}

/// What the parts of the plan page share (provided by the plan view).
#[derive(Clone, Copy)]
pub(crate) struct PlanContext {
    pub(crate) plan: StoredValue<Plan>,
    pub(crate) backend: StoredValue<Backend>,
    pub(crate) capabilities: Capabilities,
    /// The location the resident is drawing for the main comment form.
    pub(crate) sketch: RwSignal<Option<Sketch>>,
    /// Map taps add vertices to the sketch while true.
    pub(crate) drawing: RwSignal<bool>,
    /// Map centre, for "add a point at the centre" (the keyboard way).
    pub(crate) centre: RwSignal<Option<LatLng>>,
    /// The selected map feature: `plan` or `c<comment id>` ([`comment_feature`]).
    pub(crate) selected: RwSignal<Option<String>>,
    /// Located comments known to the page (loaded pages, the places list, sent comments).
    pub(crate) located: RwSignal<Vec<Located>>,
    /// Comments the server confirmed in this visit (newest last), for the list.
    pub(crate) sent: RwSignal<Vec<Comment>>,
}

/// The plan page's context. Panics outside a plan page (a programming error).
pub(crate) fn use_plan() -> PlanContext {
    expect_context::<PlanContext>()
}

/// Feature id of a comment on the map.
pub(crate) fn comment_feature(id: u64) -> String {
    format!("c{id}")
}

impl PlanContext {
    /// A fresh context for `plan`, provided to the view being built.
    pub(crate) fn provide(plan: Plan, backend: Backend, capabilities: Capabilities) -> Self {
        let ctx = PlanContext {
            plan: StoredValue::new(plan),
            backend: StoredValue::new(backend),
            capabilities,
            sketch: RwSignal::new(None),
            drawing: RwSignal::new(false),
            centre: RwSignal::new(None),
            selected: RwSignal::new(None),
            located: RwSignal::new(Vec::new()),
            sent: RwSignal::new(Vec::new()),
        };
        provide_context(ctx);
        ctx
    }

    /// Puts `comment` on the map (if located) with its whole shape and an excerpt, replacing
    /// the bare position the places list gave.
    pub(crate) fn locate(&self, comment: &Comment) {
        let Some(geometry) = &comment.geometry else {
            return;
        };
        let label: String = comment
            .text
            .as_deref()
            .unwrap_or_default()
            .chars()
            .take(60)
            .collect();
        let entry = Located {
            id: comment.id,
            geometry: geometry.clone(),
            label,
        };
        self.located
            .update(|all| match all.iter_mut().find(|l| l.id == comment.id) {
                Some(known) if *known == entry => {}
                Some(known) => *known = entry,
                None => all.push(entry),
            });
    }

    /// Adds the positions of comments not yet on the map (from the backend's places list).
    pub(crate) fn add_places(&self, places: Vec<CommentPlace>) {
        self.located.update(|all| {
            let known: std::collections::HashSet<u64> = all.iter().map(|l| l.id).collect();
            all.extend(
                places
                    .into_iter()
                    .filter(|p| !known.contains(&p.id))
                    .map(|p| Located {
                        id: p.id,
                        geometry: Geometry::Point(p.at),
                        label: format!("#{}", p.id),
                    }),
            );
        });
    }

    /// Where drafts of this plan are kept: the backend's address and the plan's id.
    pub(crate) fn ids(&self) -> (String, String) {
        (
            self.backend.with_value(|b| b.base_url.clone()),
            self.plan.with_value(|p| p.summary.id.clone()),
        )
    }
}
