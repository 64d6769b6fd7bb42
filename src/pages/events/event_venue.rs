//! The venue section of the event page: name, area, accessibility and a small map.

use super::labels::place_text;
use crate::domain::{Event, Geometry};
use crate::i18n::use_i18n;
use crate::map::{MapFeature, MapView};
use leptos::prelude::*;

/// Where the event is held, and how accessible the place is.
#[component]
pub(crate) fn EventVenue(event: Event) -> impl IntoView {
    let i18n = use_i18n();
    let venue = event.summary.venue.clone();
    let area = venue.as_ref().and_then(|v| v.area.clone());
    let accessibility = venue.as_ref().and_then(|v| v.accessibility.clone());
    let feature = venue.as_ref().and_then(|v| {
        v.location.map(|loc| MapFeature {
            id: event.summary.id.clone(),
            label: v.name.text(untrack(|| i18n.lang())).to_owned(),
            geometry: Geometry::Point(loc),
        })
    });
    let summary = event.summary;
    let place = move || place_text(i18n.t(), i18n.lang(), &summary);
    view! {
        <section class="os-ev-venue" aria-labelledby="os-ev-venue-title">
            <h2 id="os-ev-venue-title">{i18n.tr(|t| t.ev_venue_title)}</h2>
            <p>{place}</p>
            {area.map(|a| view! {
                <p class="os-ev-venue__area">{i18n.tr(|t| t.ev_filter_area)}": "{move || a.text(i18n.lang()).to_owned()}</p>
            })}
            <h3>{i18n.tr(|t| t.ev_accessibility)}</h3>
            <p data-testid="ev-accessibility">
                {move || match &accessibility {
                    Some(a) => a.text(i18n.lang()).to_owned(),
                    None => i18n.t().ev_accessibility_unknown.to_owned(),
                }}
            </p>
            {feature.map(|f| {
                let selected = RwSignal::new(Some(f.id.clone()));
                let features = Signal::derive(move || vec![f.clone()]);
                view! {
                    <div class="os-ev-venue__map">
                        <MapView features=features selected=selected
                            label=Signal::derive(move || i18n.t().ev_venue_map.to_owned())/>
                    </div>
                }
            })}
        </section>
    }
}
