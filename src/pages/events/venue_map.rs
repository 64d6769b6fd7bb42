//! Venues of the listed events on a map; the list below is the equal alternative.

use super::event_card::EventCard;
use super::event_list::Listed;
use crate::components::load::Loader;
use crate::domain::Geometry;
use crate::i18n::use_i18n;
use crate::map::{MapFeature, MapView};
use leptos::prelude::*;

/// The map of the events page, with the chosen venue's event as a card under it.
#[component]
pub(crate) fn VenueMap(list: Loader<Listed>) -> impl IntoView {
    let i18n = use_i18n();
    let selected = RwSignal::new(None::<String>);
    let features = Signal::derive(move || {
        let lang = i18n.lang();
        list.with(|l| {
            l.map(|l| {
                l.items
                    .iter()
                    .filter_map(|e| {
                        let loc = e.venue.as_ref()?.location?;
                        Some(MapFeature {
                            id: e.id.clone(),
                            label: e.title.text(lang).to_owned(),
                            geometry: Geometry::Point(loc),
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    let chosen = move || {
        let id = selected.get()?;
        list.with(|l| l?.items.iter().find(|e| e.id == id).cloned())
    };
    view! {
        <section class="os-ev-map" aria-labelledby="os-ev-map-title">
            <h2 id="os-ev-map-title" class="os-ev-map__title">{i18n.tr(|t| t.ev_map_title)}</h2>
            <p class="os-ev-map__hint">{i18n.tr(|t| t.ev_map_hint)}</p>
            <MapView features=features selected=selected label=Signal::derive(move || i18n.t().ev_map_title.to_owned())/>
            <div aria-live="polite">
                {move || chosen().map(|e| view! {
                    <ul class="os-ev-list os-ev-map__chosen"><EventCard event=e selected=true/></ul>
                })}
            </div>
        </section>
    }
}
