//! GeoJSON (RFC 7946, `[lng, lat]`) ↔ domain geometry, shared by the adapters because the
//! format is a standard rather than one backend's wire shape.

use crate::domain::{Geometry, LatLng};
use serde_json::{json, Value};

fn position(v: &Value) -> Result<LatLng, String> {
    let arr = v.as_array().ok_or("a position must be an array")?;
    if !(2..=3).contains(&arr.len()) {
        return Err("a position has 2 or 3 numbers".into());
    }
    let num = |i: usize| arr[i].as_f64().ok_or("coordinates must be numbers");
    Ok(LatLng::new(num(1)?, num(0)?))
}

fn list<T>(v: &Value, item: impl Fn(&Value) -> Result<T, String>) -> Result<Vec<T>, String> {
    v.as_array()
        .ok_or_else(|| "coordinates must be arrays".to_string())?
        .iter()
        .map(item)
        .collect()
}

fn rings(v: &Value) -> Result<Vec<Vec<LatLng>>, String> {
    list(v, |ring| list(ring, position))
}

/// Reads a bare geometry, a Feature or a FeatureCollection. `null` (or a Feature without a
/// geometry, or an empty collection) is `None`. Every polygon ring is kept.
pub(crate) fn parse(v: &Value) -> Result<Option<Geometry>, String> {
    if v.is_null() {
        return Ok(None);
    }
    let kind = v
        .get("type")
        .and_then(Value::as_str)
        .ok_or("GeoJSON needs a type")?;
    let coords = || v.get("coordinates").ok_or("geometry needs coordinates");
    let geometry = match kind {
        "Feature" => return parse(v.get("geometry").unwrap_or(&Value::Null)),
        "FeatureCollection" => {
            let parts = list(v.get("features").unwrap_or(&Value::Null), parse)?;
            collect(parts.into_iter().flatten().collect())
        }
        "GeometryCollection" => {
            let parts = list(v.get("geometries").unwrap_or(&Value::Null), parse)?;
            collect(parts.into_iter().flatten().collect())
        }
        "Point" => Some(Geometry::Point(position(coords()?)?)),
        "LineString" => Some(Geometry::LineString(list(coords()?, position)?)),
        "Polygon" => Some(Geometry::Polygon(rings(coords()?)?)),
        "MultiPolygon" => Some(Geometry::MultiPolygon(list(coords()?, rings)?)),
        "MultiPoint" => collect(
            list(coords()?, position)?
                .into_iter()
                .map(Geometry::Point)
                .collect(),
        ),
        "MultiLineString" => collect(
            list(coords()?, |l| list(l, position))?
                .into_iter()
                .map(Geometry::LineString)
                .collect(),
        ),
        other => return Err(format!("unknown GeoJSON type {other}")),
    };
    Ok(geometry)
}

/// One shape stays itself; several polygons become a multipolygon; anything else a collection.
fn collect(mut parts: Vec<Geometry>) -> Option<Geometry> {
    if parts.len() <= 1 {
        return parts.pop();
    }
    if parts.iter().all(|p| matches!(p, Geometry::Polygon(_))) {
        let polys = parts
            .into_iter()
            .filter_map(|p| match p {
                Geometry::Polygon(rings) => Some(rings),
                _ => None,
            })
            .collect();
        return Some(Geometry::MultiPolygon(polys));
    }
    Some(Geometry::Collection(parts))
}

fn pos(p: &LatLng) -> Value {
    json!([p.lng, p.lat])
}

fn line(points: &[LatLng]) -> Value {
    Value::Array(points.iter().map(pos).collect())
}

fn polygon(rings: &[Vec<LatLng>]) -> Value {
    Value::Array(rings.iter().map(|r| line(r)).collect())
}

/// Writes a bare GeoJSON geometry; a collection becomes a `GeometryCollection`.
pub(crate) fn write(g: &Geometry) -> Value {
    match g {
        Geometry::Point(p) => json!({"type": "Point", "coordinates": pos(p)}),
        Geometry::LineString(l) => json!({"type": "LineString", "coordinates": line(l)}),
        Geometry::Polygon(r) => json!({"type": "Polygon", "coordinates": polygon(r)}),
        Geometry::MultiPolygon(p) => json!({
            "type": "MultiPolygon",
            "coordinates": p.iter().map(|r| polygon(r)).collect::<Vec<_>>(),
        }),
        Geometry::Collection(parts) => json!({
            "type": "GeometryCollection",
            "geometries": parts.iter().map(write).collect::<Vec<_>>(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_read_longitude_first() {
        let g = parse(&json!({"type": "Point", "coordinates": [24.9414, 60.1699]})).unwrap();
        assert_eq!(g, Some(Geometry::Point(LatLng::new(60.1699, 24.9414))));
        assert_eq!(
            write(&g.unwrap()),
            json!({"type": "Point", "coordinates": [24.9414, 60.1699]})
        );
    }

    #[test]
    fn bad_coordinates_and_unknown_types_are_errors_not_missing_places() {
        assert!(parse(&json!({"type": "Point", "coordinates": "not-a-coordinate"})).is_err());
        assert!(parse(&json!({"type": "Circle", "radius": 5})).is_err());
        assert!(parse(&json!({"type": "Point", "coordinates": [1]})).is_err());
        assert_eq!(parse(&Value::Null), Ok(None));
    }

    #[test]
    fn a_collection_of_polygons_becomes_one_multipolygon_and_single_features_unwrap() {
        let square = json!([[
            [24.93, 60.165],
            [24.96, 60.165],
            [24.96, 60.175],
            [24.93, 60.165]
        ]]);
        let fc = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": square}},
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": square}},
        ]});
        match parse(&fc).unwrap() {
            Some(Geometry::MultiPolygon(p)) => assert_eq!(p.len(), 2),
            other => panic!("{other:?}"),
        }
        let single = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": square}},
        ]});
        assert!(matches!(parse(&single), Ok(Some(Geometry::Polygon(_)))));
    }
}
