//! Leaflet layers for the app's geometries: features (points into clusters, lines and areas as
//! vectors) and the sketch being drawn.

use super::bindings::div_icon;
use crate::domain::{Geometry, LatLng};
use crate::web::js::object;
use leaflet::LayerGroup;
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

pub(super) fn lat_lng(p: &LatLng) -> leaflet::LatLng {
    leaflet::LatLng::new(p.lat, p.lng)
}

fn ring(points: &[LatLng]) -> js_sys::Array {
    points.iter().map(|p| JsValue::from(lat_lng(p))).collect()
}

fn rings(all: &[Vec<LatLng>]) -> js_sys::Array {
    all.iter().map(|r| JsValue::from(ring(r))).collect()
}

/// Layers for `geometry`: points become cluster markers (collected in `markers`), lines and
/// areas vectors in `vectors`. Each top-level layer is pushed to `out`, for click handlers.
/// `extra` is a CSS class added to vectors (a phase's colour).
pub(super) fn build(
    geometry: &Geometry,
    label: &str,
    extra: Option<&str>,
    vectors: &LayerGroup,
    markers: &js_sys::Array,
    out: &mut Vec<leaflet::Layer>,
) {
    let vector = |class: &str| {
        let class = match extra {
            Some(extra) => format!("{class} {extra}"),
            None => class.to_string(),
        };
        object(&[("className", class.into())])
    };
    match geometry {
        Geometry::Point(p) => {
            let size = js_sys::Array::of2(&24.into(), &24.into());
            let icon = div_icon(&object(&[
                ("className", "os-map-pin".into()),
                ("iconSize", size.into()),
            ]));
            let marker_options = object(&[
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
            vectors.add_layer(&line);
            out.push(line.unchecked_into());
        }
        Geometry::Polygon(all) => {
            let area = leaflet::Polygon::new_with_options(
                &rings(all),
                vector("os-map-area").unchecked_ref(),
            );
            vectors.add_layer(&area);
            out.push(area.unchecked_into());
        }
        Geometry::MultiPolygon(polygons) => {
            let all: js_sys::Array = polygons.iter().map(|p| JsValue::from(rings(p))).collect();
            let area =
                leaflet::Polygon::new_with_options(&all, vector("os-map-area").unchecked_ref());
            vectors.add_layer(&area);
            out.push(area.unchecked_into());
        }
        Geometry::Collection(parts) => {
            for part in parts {
                build(part, label, extra, vectors, markers, out);
            }
        }
    }
}

/// Draws the location being drawn into `sketch` (cleared first): its shape plus a dot on
/// every vertex.
pub(super) fn draw_sketch(sketch: &LayerGroup, geometry: Option<&Geometry>) {
    sketch.clear_layers();
    let Some(geometry) = geometry else { return };
    let dashed =
        |class: &str| object(&[("className", class.into()), ("interactive", false.into())]);
    let vertices: Vec<LatLng> = match geometry {
        Geometry::Point(p) => vec![*p],
        Geometry::LineString(points) => {
            let line = leaflet::Polyline::new_with_options(
                &ring(points),
                dashed("os-map-sketch").unchecked_ref(),
            );
            sketch.add_layer(&line);
            points.clone()
        }
        Geometry::Polygon(all) => {
            let area = leaflet::Polygon::new_with_options(
                &rings(all),
                dashed("os-map-sketch os-map-sketch--area").unchecked_ref(),
            );
            sketch.add_layer(&area);
            // The closing position repeats the first: one dot per vertex.
            let mut ring = all.first().cloned().unwrap_or_default();
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            ring
        }
        _ => Vec::new(),
    };
    for v in vertices {
        let options = object(&[
            ("radius", 7.into()),
            ("className", "os-map-vertex".into()),
            ("interactive", false.into()),
        ]);
        let dot = leaflet::CircleMarker::new_with_options(&lat_lng(&v), options.unchecked_ref());
        sketch.add_layer(&dot);
    }
}
