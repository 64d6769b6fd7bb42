//! The Leaflet objects of one mounted map and what the component asks of them.

use super::bindings::{marker_cluster_group, MarkerClusterGroup};
use super::layers::{build, draw_sketch, lat_lng, MapFeature};
use crate::config::MapConfig;
use crate::domain::{Geometry, LatLng};
use crate::web::js;
use leaflet::{LayerGroup, Map};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The Leaflet objects of one mounted map.
pub(super) struct LeafletMap {
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

impl LeafletMap {
    /// A map in `el` with the configured view and tiles.
    pub(crate) fn create(
        el: &web_sys::HtmlElement,
        settings: &MapConfig,
        class_of: Option<Callback<String, String>>,
    ) -> Result<LeafletMap, String> {
        let max_zoom = settings.tiles.as_ref().map_or(19, |t| t.max_zoom);
        let map_options = js::object(&[("maxZoom", max_zoom.into()), ("keyboard", true.into())]);
        let map =
            Map::new_with_element(el, map_options.unchecked_ref()).map_err(|e| format!("{e:?}"))?;
        map.set_view(
            &leaflet::LatLng::new(settings.center.0, settings.center.1),
            settings.zoom.into(),
        );
        if let Some(tiles) = &settings.tiles {
            let tile_options = js::object(&[
                ("maxZoom", tiles.max_zoom.into()),
                ("attribution", tiles.attribution.as_str().into()),
            ]);
            leaflet::TileLayer::new_options(&tiles.url, tile_options.unchecked_ref()).add_to(&map);
        }
        let clusters = marker_cluster_group(&js::object(&[("showCoverageOnHover", false.into())]));
        clusters.add_to(&map);
        let vectors = LayerGroup::new();
        vectors.add_to(&map);
        let sketch = LayerGroup::new();
        sketch.add_to(&map);
        Ok(LeafletMap {
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

    /// Wires taps on the map and the centre signal.
    pub(crate) fn listen(
        &mut self,
        on_tap: Option<Callback<LatLng>>,
        centre: Option<RwSignal<Option<LatLng>>>,
    ) {
        let evented = self.map.unchecked_ref::<leaflet::Evented>();
        if let Some(on_tap) = on_tap {
            let tap = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let Some(at) = js::get(&event, "latlng") else {
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
                centre.set(Some(LatLng::new(c.lat(), c.lng())));
            });
            evented.on("moveend", moved.as_ref());
            let c = self.map.get_center();
            centre.set(Some(LatLng::new(c.lat(), c.lng())));
            self.map_handlers.push(moved);
        }
    }

    /// While a location is drawn, taps belong to the drawing: markers step aside (they would
    /// catch taps) and a quick second tap adds a vertex instead of zooming in.
    pub(crate) fn set_drawing(&self, drawing: bool) {
        if let Some(handler) = js::get(&self.map, "doubleClickZoom") {
            js::call(&handler, if drawing { "disable" } else { "enable" }, &[]);
        }
        if drawing {
            self.map.remove_layer(self.clusters.unchecked_ref());
        } else if !self.map.has_layer(self.clusters.unchecked_ref()) {
            self.clusters.add_to(&self.map);
        }
    }

    /// Frames the box `sw`–`ne`.
    pub(crate) fn frame(&self, sw: LatLng, ne: LatLng) {
        let bounds = leaflet::LatLngBounds::new(&lat_lng(&sw), &lat_lng(&ne));
        // Framing is not animated: a map removed mid-animation (the resident navigates on at
        // once) makes Leaflet throw from its transition handler.
        self.map
            .fit_bounds_with_options(&bounds, &js::object(&[("animate", false.into())]));
    }

    /// Draws the location being drawn.
    pub(crate) fn draw_sketch(&self, geometry: Option<&Geometry>) {
        draw_sketch(&self.sketch, geometry);
    }

    /// Replaces what the map shows with `list`; clicking a feature selects it.
    pub(crate) fn show(&mut self, list: &[MapFeature], selected: RwSignal<Option<String>>) {
        self.clusters.clear_layers();
        self.vectors.clear_layers();
        self.layers.clear();
        self.handlers.clear();
        let markers = js_sys::Array::new();
        for f in list {
            let mut parts = Vec::new();
            let class = self.class_of.map(|c| c.run(f.id.clone()));
            build(
                &f.geometry,
                &f.label,
                class.as_deref(),
                &self.vectors,
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

    /// Brings the feature `id` into view.
    pub(crate) fn reveal(&self, id: &str) {
        let Some(layer) = self.layers.get(id) else {
            return;
        };
        // Markers have `getLatLng`, lines and areas `getBounds` (checked on the object itself:
        // `dyn_ref` would test `instanceof` against a global Leaflet does not define).
        let has = |name: &str| js::get(layer, name).is_some_and(|f| f.is_function());
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

    /// Removes the map (a running pan is stopped first, so no animation frame runs on a
    /// removed map).
    pub(crate) fn remove(self) {
        js::call(&self.map, "stop", &[]);
        self.map.remove();
    }
}
