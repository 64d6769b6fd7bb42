use super::bindings::{marker_cluster_group, options, MarkerClusterGroup};
use super::loader::ensure_leaflet;
use crate::app::use_config;
use crate::config::MapConfig;
use crate::domain::{Geometry, LatLng};
use leaflet::{LayerGroup, Map};
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One thing drawn on the map: points go into clusters, lines and areas are vectors.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFeature {
    pub id: String,
    /// Accessible name of a point marker (its tooltip and `title`).
    pub label: String,
    pub geometry: Geometry,
}

/// What the map component shows while Leaflet loads or when it cannot.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// The Leaflet objects of one mounted map.
struct MapState {
    map: Map,
    clusters: MarkerClusterGroup,
    vectors: LayerGroup,
    layers: HashMap<String, leaflet::Layer>,
    // Kept alive as long as the map: Leaflet calls them on clicks.
    handlers: Vec<Closure<dyn Fn()>>,
}

/// A Leaflet map of `features`, the single owner of its Leaflet map: created once on its
/// container, removed when the component unmounts. Clicking a feature sets `selected`;
/// setting `selected` from outside (a list) pans to the feature. Every map action must also
/// be possible without the map; this component is never the only way.
#[component]
pub fn MapView(
    #[prop(into)] features: Signal<Vec<MapFeature>>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let settings = use_config().with_value(|c| c.map.clone());
    let container = NodeRef::<html::Div>::new();
    let state = StoredValue::new_local(None::<MapState>);
    let status = RwSignal::new(Status::Loading);

    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        let settings = settings.clone();
        leptos::task::spawn_local(async move {
            match ensure_leaflet(&crate::boot::public_url()).await {
                Ok(()) if el.is_connected() => match create(&el, &settings) {
                    Ok(s) => {
                        let _ = state.try_update_value(|slot| *slot = Some(s));
                        status.try_set(Status::Ready);
                    }
                    Err(e) => _ = status.try_set(Status::Failed(e)),
                },
                Ok(()) => {}
                Err(e) => _ = status.try_set(Status::Failed(e)),
            }
        });
    });

    Effect::new(move |_| {
        let list = features.get();
        if status.get() == Status::Ready {
            state.update_value(|s| {
                if let Some(s) = s {
                    s.show(&list, selected);
                }
            });
        }
    });

    Effect::new(move |_| {
        let id = selected.get();
        if status.get() == Status::Ready {
            state.with_value(|s| {
                if let (Some(s), Some(id)) = (s, id) {
                    s.reveal(&id);
                }
            });
        }
    });

    on_cleanup(move || {
        let _ = state.try_update_value(|slot| {
            if let Some(s) = slot.take() {
                s.map.remove();
            }
        });
    });

    view! {
        <div class="os-map">
            <div class="os-map__canvas" node_ref=container role="region" aria-label=label></div>
            {move || match status.get() {
                Status::Failed(e) => Some(view! { <p class="os-map__status" role="status">{e}</p> }),
                _ => None,
            }}
        </div>
    }
}

fn lat_lng(p: &LatLng) -> leaflet::LatLng {
    leaflet::LatLng::new(p.lat, p.lng)
}

fn ring(points: &[LatLng]) -> js_sys::Array {
    points.iter().map(|p| JsValue::from(lat_lng(p))).collect()
}

fn create(el: &web_sys::HtmlElement, settings: &MapConfig) -> Result<MapState, String> {
    let max_zoom = settings.tiles.as_ref().map_or(19, |t| t.max_zoom);
    let map_options = options(&[("maxZoom", max_zoom.into()), ("keyboard", true.into())]);
    let map =
        Map::new_with_element(el, map_options.unchecked_ref()).map_err(|e| format!("{e:?}"))?;
    map.set_view(
        &leaflet::LatLng::new(settings.center.0, settings.center.1),
        settings.zoom.into(),
    );
    if let Some(tiles) = &settings.tiles {
        let tile_options = options(&[
            ("maxZoom", tiles.max_zoom.into()),
            ("attribution", tiles.attribution.as_str().into()),
        ]);
        leaflet::TileLayer::new_options(&tiles.url, tile_options.unchecked_ref()).add_to(&map);
    }
    let clusters = marker_cluster_group(&options(&[("showCoverageOnHover", false.into())]));
    clusters.add_to(&map);
    let vectors = LayerGroup::new();
    vectors.add_to(&map);
    Ok(MapState {
        map,
        clusters,
        vectors,
        layers: HashMap::new(),
        handlers: Vec::new(),
    })
}

impl MapState {
    /// Replaces what the map shows with `list`.
    fn show(&mut self, list: &[MapFeature], selected: RwSignal<Option<String>>) {
        self.clusters.clear_layers();
        self.vectors.clear_layers();
        self.layers.clear();
        self.handlers.clear();
        let markers = js_sys::Array::new();
        for f in list {
            let mut parts = Vec::new();
            self.build(&f.geometry, &f.label, &markers, &mut parts);
            let id = f.id.clone();
            let handler = Closure::<dyn Fn()>::new(move || selected.set(Some(id.clone())));
            for layer in &parts {
                layer
                    .unchecked_ref::<leaflet::Evented>()
                    .on("click", handler.as_ref());
            }
            self.handlers.push(handler);
            if let Some(first) = parts.into_iter().next() {
                self.layers.insert(f.id.clone(), first);
            }
        }
        self.clusters.add_layers(&markers);
    }

    /// Leaflet layers for `geometry`: points become cluster markers (collected in `markers`),
    /// lines and areas vectors.
    fn build(
        &self,
        geometry: &Geometry,
        label: &str,
        markers: &js_sys::Array,
        out: &mut Vec<leaflet::Layer>,
    ) {
        let vector = |class: &str| options(&[("className", class.into())]);
        match geometry {
            Geometry::Point(p) => {
                let size = js_sys::Array::of2(&24.into(), &24.into());
                let icon = super::bindings::div_icon(&options(&[
                    ("className", "os-map-pin".into()),
                    ("iconSize", size.into()),
                ]));
                let marker_options = options(&[
                    ("title", label.into()),
                    ("alt", label.into()),
                    ("icon", icon.into()),
                ]);
                let marker =
                    leaflet::Marker::new_with_options(&lat_lng(p), marker_options.unchecked_ref());
                markers.push(&marker);
                out.push(marker.unchecked_into());
            }
            Geometry::LineString(points) => {
                let line = leaflet::Polyline::new_with_options(
                    &ring(points),
                    vector("os-map-line").unchecked_ref(),
                );
                self.vectors.add_layer(&line);
                out.push(line.unchecked_into());
            }
            Geometry::Polygon(rings) => {
                let all: js_sys::Array = rings.iter().map(|r| JsValue::from(ring(r))).collect();
                let area =
                    leaflet::Polygon::new_with_options(&all, vector("os-map-area").unchecked_ref());
                self.vectors.add_layer(&area);
                out.push(area.unchecked_into());
            }
            Geometry::MultiPolygon(polygons) => {
                let all: js_sys::Array = polygons
                    .iter()
                    .map(|rings| {
                        JsValue::from(
                            rings
                                .iter()
                                .map(|r| JsValue::from(ring(r)))
                                .collect::<js_sys::Array>(),
                        )
                    })
                    .collect();
                let area =
                    leaflet::Polygon::new_with_options(&all, vector("os-map-area").unchecked_ref());
                self.vectors.add_layer(&area);
                out.push(area.unchecked_into());
            }
            Geometry::Collection(parts) => {
                for part in parts {
                    self.build(part, label, markers, out);
                }
            }
        }
    }

    /// Brings the feature `id` into view.
    fn reveal(&self, id: &str) {
        let Some(layer) = self.layers.get(id) else {
            return;
        };
        if let Some(marker) = layer.dyn_ref::<leaflet::Marker>() {
            let noop = js_sys::Function::new_no_args("");
            self.clusters.zoom_to_show_layer(layer, &noop);
            self.map.pan_to(&marker.get_lat_lng());
        } else if let Some(path) = layer.dyn_ref::<leaflet::Polyline>() {
            self.map.fit_bounds(&path.get_bounds());
        }
    }
}
