//! The map component.

use super::layers::MapFeature;
use super::leaflet_map::LeafletMap;
use super::loader::ensure_leaflet;
use crate::config::use_config;
use crate::domain::{Geometry, LatLng};
use leptos::html;
use leptos::prelude::*;

/// What the map component shows while Leaflet loads or when it cannot.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// A Leaflet map of `features`, the single owner of its Leaflet map: created once on its
/// container, removed when the component unmounts. Clicking a feature sets `selected`;
/// setting `selected` from outside (a list) pans to the feature. Every map action must also
/// be possible without the map; this component is never the only way.
///
/// Optional: `class_of` gives a feature's CSS class (colour by kind); `fit` frames an area
/// when it changes; `sketch` is drawn above the rest (a location being drawn); `on_tap`
/// receives taps on the map itself; `centre` follows the map's centre (for "pin at the
/// centre", the keyboard way to place a point); `crosshair` says taps are for drawing.
#[component]
pub fn MapView(
    #[prop(into)] features: Signal<Vec<MapFeature>>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] class_of: Option<Callback<String, String>>,
    #[prop(optional, into)] fit: Option<Signal<Option<(LatLng, LatLng)>>>,
    #[prop(optional, into)] sketch: Option<Signal<Option<Geometry>>>,
    #[prop(optional)] on_tap: Option<Callback<LatLng>>,
    #[prop(optional)] centre: Option<RwSignal<Option<LatLng>>>,
    #[prop(optional, into)] crosshair: Option<Signal<bool>>,
) -> impl IntoView {
    let settings = use_config().with_value(|c| c.map.clone());
    let container = NodeRef::<html::Div>::new();
    let state = StoredValue::new_local(None::<LeafletMap>);
    let status = RwSignal::new(Status::Loading);

    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        let settings = settings.clone();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let loaded = ensure_leaflet(&crate::web::assets::public_url()).await;
            if !el.is_connected() {
                return;
            }
            match loaded.and_then(|()| LeafletMap::create(&el, &settings, class_of)) {
                Ok(mut map) => {
                    map.listen(on_tap, centre);
                    state.set_value(Some(map));
                    status.set(Status::Ready);
                }
                Err(e) => status.set(Status::Failed(e)),
            }
        });
    });
    // Runs `f` on the map once it is ready, each time what `read` reads changes.
    let when_ready = move |f: Box<dyn Fn(&mut LeafletMap)>| {
        Effect::new(move |_| {
            if status.get() == Status::Ready {
                state.update_value(|m| {
                    if let Some(m) = m {
                        f(m);
                    }
                });
            }
        });
    };
    when_ready(Box::new(move |m| m.show(&features.get(), selected)));
    when_ready(Box::new(move |m| {
        if let Some((sw, ne)) = fit.and_then(|f| f.get()) {
            m.frame(sw, ne);
        }
    }));
    when_ready(Box::new(move |m| {
        m.draw_sketch(sketch.and_then(|g| g.get()).as_ref())
    }));
    when_ready(Box::new(move |m| {
        if let Some(id) = selected.get() {
            m.reveal(&id);
        }
    }));
    let crosshair = move || crosshair.is_some_and(|c| c.get());
    when_ready(Box::new(move |m| m.set_drawing(crosshair())));
    on_cleanup(move || {
        if let Some(map) = state.try_update_value(Option::take).flatten() {
            map.remove();
        }
    });

    view! {
        <div class="os-map" class:os-map--crosshair=crosshair>
            <div class="os-map__canvas" node_ref=container role="region" aria-label=label></div>
            {move || match status.get() {
                Status::Failed(e) => Some(view! { <p class="os-map__status" role="status">{e}</p> }),
                _ => None,
            }}
        </div>
    }
}
