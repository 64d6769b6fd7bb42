//! Bindings leaflet-rs does not have: leaflet.markercluster, and `divIcon` with a class only.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `L.MarkerClusterGroup`: many markers drawn as clusters that split as you zoom in.
    #[wasm_bindgen(extends = leaflet::Layer)]
    #[derive(Debug, Clone)]
    pub(crate) type MarkerClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    pub(crate) fn marker_cluster_group(options: &JsValue) -> MarkerClusterGroup;

    /// `L.divIcon(options)`: an icon drawn with CSS. (leaflet-rs's `DivIcon::new` constructs
    /// an `L.Icon`, which throws "iconUrl not set" as soon as the marker is shown.)
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub(crate) fn div_icon(options: &JsValue) -> leaflet::Icon;

    /// Adds many markers at once (much faster than one by one).
    #[wasm_bindgen(method, js_name = addLayers)]
    pub(crate) fn add_layers(this: &MarkerClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = clearLayers)]
    pub(crate) fn clear_layers(this: &MarkerClusterGroup);

    /// Zooms or spiderfies until `layer` is visible, then calls `callback`.
    #[wasm_bindgen(method, js_name = zoomToShowLayer)]
    pub(crate) fn zoom_to_show_layer(
        this: &MarkerClusterGroup,
        layer: &leaflet::Layer,
        callback: &js_sys::Function,
    );
}
