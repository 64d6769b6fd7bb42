//! Every located comment's position for the map, from the backend's places list.

use crate::client;
use crate::components::load::Loader;
use crate::pages::plans::context::PlanContext;
use leptos::prelude::*;

/// Adds every located comment's position to the map once `wanted` turns true. For a plan with
/// thousands of comments this is the largest answer the page loads, so the comment list asks
/// for it after its first page. Where the backend has no such list, or it fails, the map shows
/// the loaded comments only.
pub(super) fn load_places(ctx: PlanContext, wanted: Signal<bool>) {
    let places = Loader::new(
        move || wanted.get(),
        move |wanted| {
            let (backend, plan) = (ctx.backend.get_value(), ctx.plan.get_value());
            async move {
                if !wanted {
                    return Ok(None);
                }
                client::plans::places(&backend, &plan).await
            }
        },
    );
    Effect::new(move |_| {
        if let Some(Some(list)) = places.get() {
            ctx.add_places(list);
        }
    });
}
