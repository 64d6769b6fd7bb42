//! The venue section of the event page: name, area, accessibility and a small map. An online
//! event has no venue, and no section.

use crate::components::local_text::LocalText;
use crate::domain::{Event, Geometry};
use crate::i18n::use_i18n;
use crate::map::{MapFeature, MapView};
use leptos::prelude::*;

/// Where the event is held, and how accessible the place is.
#[component]
pub(crate) fn EventVenue(event: Event) -> impl IntoView {
    let i18n = use_i18n();
    let venue = event.summary.venue?;
    let feature = venue.location.map(|loc| MapFeature {
        id: event.summary.id.clone(),
        label: venue.name.text(untrack(|| i18n.lang())).to_owned(),
        geometry: Geometry::Point(loc),
    });
    let accessibility = match venue.accessibility {
        Some(a) => view! { <LocalText text=a/> }.into_any(),
        None => view! { {i18n.tr(|t| t.ev_accessibility_unknown)} }.into_any(),
    };
    Some(view! {
        <section class="os-ev-venue" aria-labelledby="os-ev-venue-title">
            <h2 id="os-ev-venue-title">{i18n.tr(|t| t.ev_venue_title)}</h2>
            <p><LocalText text=venue.name/>{event.summary.online.then(|| view! { " · "{i18n.tr(|t| t.ev_online)} })}</p>
            {venue.area.map(|a| view! {
                <p class="os-ev-venue__area">{i18n.tr(|t| t.ev_filter_area)}": "<LocalText text=a/></p>
            })}
            <h3>{i18n.tr(|t| t.ev_accessibility)}</h3>
            <p data-testid="ev-accessibility">{accessibility}</p>
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
    })
}
