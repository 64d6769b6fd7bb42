use super::bindings::{div_icon, marker_cluster_group, options, MarkerClusterGroup};
use super::loader::ensure_leaflet;
use crate::config::use_config;
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
    /// What the resident is drawing (above everything else).
    sketch: LayerGroup,
    layers: HashMap<String, leaflet::Layer>,
    // Kept alive as long as the map: Leaflet calls them on clicks.
    handlers: Vec<Closure<dyn Fn()>>,
    map_handlers: Vec<Closure<dyn Fn(JsValue)>>,
    /// Optional CSS class per feature id, e.g. a plan phase's colour.
    class_of: Option<Callback<String, String>>,
}

/// A Leaflet map of `features`, the single owner of its Leaflet map: created once on its
/// container, removed when the component unmounts. Clicking a feature sets `selected`;
/// setting `selected` from outside (a list) pans to the feature. Every map action must also
/// be possible without the map; this component is never the only way.
///
/// Optional: `class_of` gives a feature's CSS class (colour by kind); `fit` frames an area
/// when it changes; `sketch` is drawn above the rest (a location being drawn); `on_tap`
/// receives taps on the map itself; `centre` follows the map's centre (for "pin at the
/// centre", the keyboard way to place a point).
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
    let state = StoredValue::new_local(None::<MapState>);
    let status = RwSignal::new(Status::Loading);

    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        let settings = settings.clone();
        leptos::task::spawn_local(async move {
            match ensure_leaflet(&crate::web::assets::public_url()).await {
                Ok(()) if el.is_connected() => match create(&el, &settings, class_of) {
                    Ok(mut s) => {
                        s.listen(on_tap, centre);
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
        let bounds = fit.and_then(|f| f.get());
        if status.get() == Status::Ready {
            state.with_value(|s| {
                if let (Some(s), Some((sw, ne))) = (s, bounds) {
                    s.frame(sw, ne);
                }
            });
        }
    });

    Effect::new(move |_| {
        let drawn = sketch.and_then(|g| g.get());
        if status.get() == Status::Ready {
            state.with_value(|s| {
                if let Some(s) = s {
                    s.draw_sketch(drawn.as_ref());
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
                // Stop a running pan first, so no animation frame runs on a removed map.
                if let Ok(stop) = js_sys::Reflect::get(&s.map, &"stop".into()) {
                    let _ = stop.unchecked_ref::<js_sys::Function>().call0(&s.map);
                }
                s.map.remove();
            }
        });
    });

    // While a location is drawn, taps belong to the drawing: comment markers step aside (they
    // would catch taps) and a quick second tap adds a vertex instead of zooming in.
    Effect::new(move |_| {
        let drawing = crosshair.is_some_and(|c| c.get());
        if status.get() == Status::Ready {
            state.with_value(|s| {
                if let Some(s) = s {
                    s.set_drawing(drawing);
                }
            });
        }
    });
    let crosshair = move || crosshair.is_some_and(|c| c.get());
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

fn lat_lng(p: &LatLng) -> leaflet::LatLng {
    leaflet::LatLng::new(p.lat, p.lng)
}

fn ring(points: &[LatLng]) -> js_sys::Array {
    points.iter().map(|p| JsValue::from(lat_lng(p))).collect()
}

fn create(
    el: &web_sys::HtmlElement,
    settings: &MapConfig,
    class_of: Option<Callback<String, String>>,
) -> Result<MapState, String> {
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
    let sketch = LayerGroup::new();
    sketch.add_to(&map);
    Ok(MapState {
        map,
        clusters,
        vectors,
        sketch,
        layers: HashMap::new(),
        handlers: Vec::new(),
        map_handlers: Vec::new(),
        class_of,
    })
}

impl MapState {
    /// Wires taps on the map and the centre signal.
    fn listen(
        &mut self,
        on_tap: Option<Callback<LatLng>>,
        centre: Option<RwSignal<Option<LatLng>>>,
    ) {
        let evented = self.map.unchecked_ref::<leaflet::Evented>();
        if let Some(on_tap) = on_tap {
            let tap = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let Ok(at) = js_sys::Reflect::get(&event, &"latlng".into()) else {
                    return;
                };
                let at: leaflet::LatLng = at.unchecked_into();
                on_tap.run(LatLng::new(at.lat(), at.lng()));
            });
            evented.on("click", tap.as_ref());
            self.map_handlers.push(tap);
        }
        if let Some(centre) = centre {
            let map = self.map.clone();
            let moved = Closure::<dyn Fn(JsValue)>::new(move |_| {
                let c = map.get_center();
                let _ = centre.try_set(Some(LatLng::new(c.lat(), c.lng())));
            });
            evented.on("moveend", moved.as_ref());
            let c = self.map.get_center();
            let _ = centre.try_set(Some(LatLng::new(c.lat(), c.lng())));
            self.map_handlers.push(moved);
        }
    }

    fn set_drawing(&self, drawing: bool) {
        let handler = js_sys::Reflect::get(&self.map, &"doubleClickZoom".into()).ok();
        let method = if drawing { "disable" } else { "enable" };
        if let Some(handler) = handler.filter(|h| h.is_object()) {
            if let Ok(f) = js_sys::Reflect::get(&handler, &method.into()) {
                let _ = f.unchecked_ref::<js_sys::Function>().call0(&handler);
            }
        }
        if drawing {
            self.map.remove_layer(self.clusters.unchecked_ref());
        } else if !self.map.has_layer(self.clusters.unchecked_ref()) {
            self.clusters.add_to(&self.map);
        }
    }

    /// Frames the box `sw`–`ne`.
    fn frame(&self, sw: LatLng, ne: LatLng) {
        let bounds = leaflet::LatLngBounds::new(&lat_lng(&sw), &lat_lng(&ne));
        // Framing is not animated: a map removed mid-animation (the resident navigates on at
        // once) makes Leaflet throw from its transition handler.
        self.map
            .fit_bounds_with_options(&bounds, &options(&[("animate", false.into())]));
    }

    /// Draws the location being drawn: its shape plus a dot on every vertex.
    fn draw_sketch(&self, geometry: Option<&Geometry>) {
        self.sketch.clear_layers();
        let Some(geometry) = geometry else { return };
        let dashed =
            |class: &str| options(&[("className", class.into()), ("interactive", false.into())]);
        let vertices: Vec<LatLng> = match geometry {
            Geometry::Point(p) => vec![*p],
            Geometry::LineString(points) => {
                let line = leaflet::Polyline::new_with_options(
                    &ring(points),
                    dashed("os-map-sketch").unchecked_ref(),
                );
                self.sketch.add_layer(&line);
                points.clone()
            }
            Geometry::Polygon(rings) => {
                let all: js_sys::Array = rings.iter().map(|r| JsValue::from(ring(r))).collect();
                let area = leaflet::Polygon::new_with_options(
                    &all,
                    dashed("os-map-sketch os-map-sketch--area").unchecked_ref(),
                );
                self.sketch.add_layer(&area);
                // The closing position repeats the first: one dot per vertex.
                let mut ring = rings.first().cloned().unwrap_or_default();
                if ring.len() > 1 && ring.first() == ring.last() {
                    ring.pop();
                }
                ring
            }
            _ => Vec::new(),
        };
        for v in vertices {
            let dot = leaflet::CircleMarker::new_with_options(
                &lat_lng(&v),
                options(&[
                    ("radius", 7.into()),
                    ("className", "os-map-vertex".into()),
                    ("interactive", false.into()),
                ])
                .unchecked_ref(),
            );
            self.sketch.add_layer(&dot);
        }
    }

    /// Replaces what the map shows with `list`.
    fn show(&mut self, list: &[MapFeature], selected: RwSignal<Option<String>>) {
        self.clusters.clear_layers();
        self.vectors.clear_layers();
        self.layers.clear();
        self.handlers.clear();
        let markers = js_sys::Array::new();
        for f in list {
            let mut parts = Vec::new();
            let class = self.class_of.map(|c| c.run(f.id.clone()));
            self.build(
                &f.geometry,
                &f.label,
                class.as_deref(),
                &markers,
                &mut parts,
            );
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
        extra: Option<&str>,
        markers: &js_sys::Array,
        out: &mut Vec<leaflet::Layer>,
    ) {
        let vector = |class: &str| {
            let class = match extra {
                Some(extra) => format!("{class} {extra}"),
                None => class.to_string(),
            };
            options(&[("className", class.into())])
        };
        match geometry {
            Geometry::Point(p) => {
                let size = js_sys::Array::of2(&24.into(), &24.into());
                let icon = div_icon(&options(&[
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
                    self.build(part, label, extra, markers, out);
                }
            }
        }
    }

    /// Brings the feature `id` into view.
    fn reveal(&self, id: &str) {
        let Some(layer) = self.layers.get(id) else {
            return;
        };
        // Markers have `getLatLng`, lines and areas `getBounds` (checked on the object itself:
        // `dyn_ref` would test `instanceof` against a global Leaflet does not define).
        let has =
            |name: &str| js_sys::Reflect::get(layer, &name.into()).is_ok_and(|f| f.is_function());
        if has("getLatLng") && !has("getBounds") {
            if self.map.has_layer(self.clusters.unchecked_ref()) {
                // Zooms in (or spiderfies) until the marker is out of its cluster, then centres it.
                let map = self.map.clone();
                let at = layer.unchecked_ref::<leaflet::Marker>().get_lat_lng();
                let centre = Closure::once_into_js(move || map.pan_to(&at));
                self.clusters
                    .zoom_to_show_layer(layer, centre.unchecked_ref());
            }
        } else if has("getBounds") {
            self.map
                .fit_bounds(&layer.unchecked_ref::<leaflet::Polyline>().get_bounds());
        }
    }
}
