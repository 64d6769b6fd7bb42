//! A plan's area as staff draw or import it: a GeoJSON Polygon or MultiPolygon in WGS84 inside
//! Finland (about longitude 19–32, latitude 59–71), closed rings whose edges do not cross.

use serde_json::Value;

use crate::error::FieldError;
use crate::geo::BBox;

pub const MAX_VERTICES: usize = 10_000;
const LON: (f64, f64) = (19.0, 32.0);
const LAT: (f64, f64) = (59.0, 71.0);

type Pt = (f64, f64);

fn err(pointer: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(pointer, code, message)
}

/// Checks the area; returns its bounds.
pub fn validate(v: &Value, ptr: &str) -> Result<BBox, FieldError> {
    let kind = v.get("type").and_then(Value::as_str);
    let coords = v
        .get("coordinates")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            err(
                ptr,
                "invalid_geometry",
                "the area must be a GeoJSON Polygon or MultiPolygon with coordinates",
            )
        })?;
    let polygons: Vec<(String, &Vec<Value>)> = match kind {
        Some("Polygon") => vec![(format!("{ptr}/coordinates"), coords)],
        Some("MultiPolygon") => coords
            .iter()
            .enumerate()
            .map(|(i, p)| {
                p.as_array()
                    .map(|rings| (format!("{ptr}/coordinates/{i}"), rings))
                    .ok_or_else(|| {
                        err(
                            &format!("{ptr}/coordinates/{i}"),
                            "invalid_geometry",
                            "a polygon is an array of rings",
                        )
                    })
            })
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(err(
                &format!("{ptr}/type"),
                "invalid_geometry",
                "the area must be a Polygon or a MultiPolygon",
            ))
        }
    };
    if polygons.is_empty() {
        return Err(err(ptr, "invalid_geometry", "the area has no polygon"));
    }
    let mut bbox: Option<BBox> = None;
    let mut vertices = 0usize;
    for (pptr, rings) in polygons {
        if rings.is_empty() {
            return Err(err(
                &pptr,
                "invalid_geometry",
                "a polygon needs an outer ring",
            ));
        }
        for (i, ring) in rings.iter().enumerate() {
            let rptr = format!("{pptr}/{i}");
            let positions = ring
                .as_array()
                .ok_or_else(|| err(&rptr, "invalid_geometry", "a ring is an array of positions"))?;
            vertices += positions.len();
            if vertices > MAX_VERTICES {
                return Err(err(
                    &rptr,
                    "too_many_vertices",
                    format!("an area may have at most {MAX_VERTICES} positions"),
                ));
            }
            let pts = positions
                .iter()
                .enumerate()
                .map(|(j, p)| position(p, &format!("{rptr}/{j}")))
                .collect::<Result<Vec<Pt>, _>>()?;
            if pts.len() < 4 {
                return Err(err(
                    &rptr,
                    "invalid_geometry",
                    "a ring needs at least 4 positions",
                ));
            }
            if pts.first() != pts.last() {
                return Err(err(
                    &rptr,
                    "ring_not_closed",
                    "a ring must end at its first position",
                ));
            }
            if crosses_itself(&pts) {
                return Err(err(
                    &rptr,
                    "self_intersection",
                    "the ring's edges must not cross or touch each other",
                ));
            }
            for &(lon, lat) in &pts {
                let b = bbox.get_or_insert(BBox {
                    west: lon,
                    south: lat,
                    east: lon,
                    north: lat,
                });
                b.west = b.west.min(lon);
                b.east = b.east.max(lon);
                b.south = b.south.min(lat);
                b.north = b.north.max(lat);
            }
        }
    }
    bbox.ok_or_else(|| err(ptr, "invalid_geometry", "the area is empty"))
}

fn position(v: &Value, ptr: &str) -> Result<Pt, FieldError> {
    let a = v
        .as_array()
        .filter(|a| a.len() == 2 || a.len() == 3)
        .ok_or_else(|| {
            err(
                ptr,
                "invalid_geometry",
                "a position is [longitude, latitude]",
            )
        })?;
    let num = |i: usize| {
        a[i].as_f64().filter(|f| f.is_finite()).ok_or_else(|| {
            err(
                &format!("{ptr}/{i}"),
                "invalid_geometry",
                "must be a number",
            )
        })
    };
    let (lon, lat) = (num(0)?, num(1)?);
    if !(LON.0..=LON.1).contains(&lon) || !(LAT.0..=LAT.1).contains(&lat) {
        return Err(err(
            ptr,
            "outside_finland",
            "positions must be in Finland (WGS84 longitude 19–32, latitude 59–71)",
        ));
    }
    Ok((lon, lat))
}

fn orient(a: Pt, b: Pt, c: Pt) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

fn on_segment(a: Pt, b: Pt, p: Pt) -> bool {
    p.0 >= a.0.min(b.0) && p.0 <= a.0.max(b.0) && p.1 >= a.1.min(b.1) && p.1 <= a.1.max(b.1)
}

/// Whether segments `ab` and `cd` share a point.
fn meet(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    if ((o1 > 0.0 && o2 < 0.0) || (o1 < 0.0 && o2 > 0.0))
        && ((o3 > 0.0 && o4 < 0.0) || (o3 < 0.0 && o4 > 0.0))
    {
        return true;
    }
    (o1 == 0.0 && on_segment(a, b, c))
        || (o2 == 0.0 && on_segment(a, b, d))
        || (o3 == 0.0 && on_segment(c, d, a))
        || (o4 == 0.0 && on_segment(c, d, b))
}

/// Whether two edges of a closed ring meet anywhere but at the vertex that neighbours share.
/// Edges are sorted by their west end so that only edges whose longitudes overlap are compared.
fn crosses_itself(ring: &[Pt]) -> bool {
    let n = ring.len() - 1;
    let mut edges: Vec<(usize, f64, f64)> = (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[i + 1]);
            (i, a.0.min(b.0), a.0.max(b.0))
        })
        .collect();
    edges.sort_by(|x, y| x.1.total_cmp(&y.1));
    for (k, &(i, _, east)) in edges.iter().enumerate() {
        for &(j, west, _) in &edges[k + 1..] {
            if west > east {
                break;
            }
            let (lo, hi) = (i.min(j), i.max(j));
            let neighbours = hi == lo + 1 || (lo == 0 && hi == n - 1);
            let (a, b, c, d) = (ring[lo], ring[lo + 1], ring[hi], ring[hi + 1]);
            if neighbours {
                // Neighbours share one vertex; they may not fold back onto each other.
                let shared = if hi == lo + 1 { b } else { a };
                let (p, q) = if hi == lo + 1 { (a, d) } else { (b, c) };
                if orient(p, shared, q) == 0.0
                    && (on_segment(p, shared, q) || on_segment(shared, q, p))
                {
                    return true;
                }
                continue;
            }
            if meet(a, b, c, d) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn poly(ring: Value) -> Value {
        json!({"type": "Polygon", "coordinates": [ring]})
    }

    fn circle(n: usize) -> Value {
        let mut ring: Vec<Value> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                json!([25.0 + 0.01 * a.cos(), 60.0 + 0.01 * a.sin()])
            })
            .collect();
        ring.push(ring[0].clone());
        poly(Value::Array(ring))
    }

    #[test]
    fn accepts_simple_areas() {
        let b = validate(
            &poly(json!([
                [25.0, 60.0],
                [25.1, 60.0],
                [25.1, 60.1],
                [25.0, 60.0]
            ])),
            "/a",
        )
        .unwrap();
        assert_eq!((b.west, b.north), (25.0, 60.1));
        let m = json!({"type": "MultiPolygon", "coordinates": [
            [[[25.0, 60.0], [25.1, 60.0], [25.1, 60.1], [25.0, 60.0]]],
            [[[26.0, 61.0], [26.1, 61.0], [26.1, 61.1], [26.0, 61.1], [26.0, 61.0]]]]});
        assert!(validate(&m, "/a").is_ok());
        // The largest ring allowed is checked quickly (edges sorted by longitude).
        assert!(validate(&circle(9_999), "/a").is_ok());
    }

    #[test]
    fn names_what_is_wrong() {
        let code = |v: Value| validate(&v, "/geometry").unwrap_err();
        let e = code(poly(json!([
            [25.0, 60.0],
            [25.1, 60.0],
            [25.1, 60.1],
            [25.0, 60.1]
        ])));
        assert_eq!(
            (e.code.as_str(), e.pointer.as_str()),
            ("ring_not_closed", "/geometry/coordinates/0")
        );
        let e = code(poly(json!([
            [25.0, 60.0],
            [25.1, 60.1],
            [25.1, 60.0],
            [25.0, 60.1],
            [25.0, 60.0]
        ])));
        assert_eq!(e.code, "self_intersection");
        let e = code(poly(json!([
            [2.0, 48.0],
            [2.1, 48.0],
            [2.1, 48.1],
            [2.0, 48.0]
        ])));
        assert_eq!(
            (e.code.as_str(), e.pointer.as_str()),
            ("outside_finland", "/geometry/coordinates/0/0")
        );
        assert_eq!(
            code(json!({"type": "Point", "coordinates": [25.0, 60.0]})).code,
            "invalid_geometry"
        );
        assert_eq!(code(circle(10_001)).code, "too_many_vertices");
    }
}
