//! GeoJSON geometry validation (RFC 7946, WGS84 `[lon, lat]`).

use serde_json::Value;

use crate::error::FieldError;

pub const MAX_VERTICES: usize = 1000;

/// Axis-aligned bounds `[west, south, east, north]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BBox {
    fn extend(&mut self, lon: f64, lat: f64) {
        self.west = self.west.min(lon);
        self.east = self.east.max(lon);
        self.south = self.south.min(lat);
        self.north = self.north.max(lat);
    }

    /// Parses `west,south,east,north`.
    pub fn parse(s: &str) -> Result<BBox, String> {
        let plain = |p: &str| {
            let digits = p.strip_prefix('-').unwrap_or(p);
            let (int, frac) = match digits.split_once('.') {
                Some((i, f)) => (i, Some(f)),
                None => (digits, None),
            };
            !int.is_empty()
                && int.bytes().all(|c| c.is_ascii_digit())
                && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()))
        };
        if !s.split(',').all(plain) {
            return Err("bbox must be four decimal numbers: west,south,east,north".into());
        }
        let parts: Vec<f64> = s
            .split(',')
            .map(|p| p.parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| "bbox must be four numbers: west,south,east,north".to_owned())?;
        let [west, south, east, north] = parts[..] else {
            return Err("bbox must be four numbers: west,south,east,north".into());
        };
        let lon_ok = |v: f64| (-180.0..=180.0).contains(&v);
        let lat_ok = |v: f64| (-90.0..=90.0).contains(&v);
        if !(lon_ok(west) && lon_ok(east) && lat_ok(south) && lat_ok(north)) {
            return Err("bbox coordinates out of range".into());
        }
        if west > east || south > north {
            return Err("bbox must have west <= east and south <= north".into());
        }
        Ok(BBox {
            west,
            south,
            east,
            north,
        })
    }
}

/// Allowed geometry types for a given use.
#[derive(Clone, Copy)]
pub enum Allowed {
    /// Point, LineString or Polygon (comments).
    Comment,
    /// Polygon or MultiPolygon (plan areas).
    Area,
}

fn err(pointer: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(pointer, code, message)
}

struct Walk {
    bbox: Option<BBox>,
    vertices: usize,
}

impl Walk {
    fn position(&mut self, v: &Value, ptr: &str) -> Result<(f64, f64), FieldError> {
        let arr = v.as_array().ok_or_else(|| {
            err(
                ptr,
                "invalid_geometry",
                "a position must be an array [lon, lat]",
            )
        })?;
        if arr.len() < 2 || arr.len() > 3 {
            return Err(err(
                ptr,
                "invalid_geometry",
                "a position has 2 or 3 numbers",
            ));
        }
        let num = |i: usize| {
            arr[i].as_f64().filter(|f| f.is_finite()).ok_or_else(|| {
                err(
                    &format!("{ptr}/{i}"),
                    "invalid_geometry",
                    "coordinates must be numbers",
                )
            })
        };
        let lon = num(0)?;
        let lat = num(1)?;
        if arr.len() == 3 {
            num(2)?;
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(err(
                &format!("{ptr}/0"),
                "out_of_range",
                "longitude must be between -180 and 180",
            ));
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(err(
                &format!("{ptr}/1"),
                "out_of_range",
                "latitude must be between -90 and 90",
            ));
        }
        self.vertices += 1;
        if self.vertices > MAX_VERTICES {
            return Err(err(
                ptr,
                "too_many_vertices",
                format!("a geometry may have at most {MAX_VERTICES} vertices"),
            ));
        }
        match &mut self.bbox {
            Some(b) => b.extend(lon, lat),
            None => {
                self.bbox = Some(BBox {
                    west: lon,
                    south: lat,
                    east: lon,
                    north: lat,
                });
            }
        }
        Ok((lon, lat))
    }

    fn line(&mut self, v: &Value, ptr: &str, min: usize) -> Result<Vec<(f64, f64)>, FieldError> {
        let arr = v
            .as_array()
            .ok_or_else(|| err(ptr, "invalid_geometry", "expected an array of positions"))?;
        if arr.len() > MAX_VERTICES {
            return Err(err(
                ptr,
                "too_many_vertices",
                format!("a geometry may have at most {MAX_VERTICES} vertices"),
            ));
        }
        if arr.len() < min {
            return Err(err(
                ptr,
                "invalid_geometry",
                format!("needs at least {min} positions"),
            ));
        }
        arr.iter()
            .enumerate()
            .map(|(i, p)| self.position(p, &format!("{ptr}/{i}")))
            .collect()
    }

    fn polygon(&mut self, v: &Value, ptr: &str) -> Result<(), FieldError> {
        let rings = v.as_array().ok_or_else(|| {
            err(
                ptr,
                "invalid_geometry",
                "a polygon is an array of linear rings",
            )
        })?;
        if rings.is_empty() {
            return Err(err(
                ptr,
                "invalid_geometry",
                "a polygon needs an exterior ring",
            ));
        }
        if rings.len() > MAX_VERTICES {
            return Err(err(ptr, "too_many_vertices", "too many rings"));
        }
        for (i, ring) in rings.iter().enumerate() {
            let rptr = format!("{ptr}/{i}");
            let pts = self.line(ring, &rptr, 4)?;
            if pts.first() != pts.last() {
                return Err(err(
                    &rptr,
                    "ring_not_closed",
                    "a linear ring must end at its first position",
                ));
            }
        }
        Ok(())
    }
}

/// Validates a bare GeoJSON geometry object; returns its bounds.
/// `ptr` is the JSON Pointer of the geometry inside the request body.
pub fn validate(v: &Value, allowed: Allowed, ptr: &str) -> Result<BBox, FieldError> {
    let obj = v.as_object().ok_or_else(|| {
        err(
            ptr,
            "invalid_geometry",
            "geometry must be a GeoJSON geometry object",
        )
    })?;
    let kind = obj.get("type").and_then(Value::as_str).ok_or_else(|| {
        err(
            &format!("{ptr}/type"),
            "invalid_geometry",
            "geometry needs a type",
        )
    })?;
    let coords = obj.get("coordinates").ok_or_else(|| {
        err(
            &format!("{ptr}/coordinates"),
            "invalid_geometry",
            "geometry needs coordinates",
        )
    })?;
    let cptr = format!("{ptr}/coordinates");
    let mut w = Walk {
        bbox: None,
        vertices: 0,
    };
    let ok_types: &[&str] = match allowed {
        Allowed::Comment => &["Point", "LineString", "Polygon"],
        Allowed::Area => &["Polygon", "MultiPolygon"],
    };
    if !ok_types.contains(&kind) {
        return Err(err(
            &format!("{ptr}/type"),
            "invalid_geometry",
            format!("geometry type must be one of {}", ok_types.join(", ")),
        ));
    }
    for k in obj.keys() {
        if k != "type" && k != "coordinates" {
            return Err(err(
                &format!("{ptr}/{k}"),
                "unknown_field",
                format!("unknown geometry member `{k}`"),
            ));
        }
    }
    match kind {
        "Point" => {
            w.position(coords, &cptr)?;
        }
        "LineString" => {
            w.line(coords, &cptr, 2)?;
        }
        "Polygon" => w.polygon(coords, &cptr)?,
        _ => {
            let polys = coords.as_array().filter(|a| !a.is_empty()).ok_or_else(|| {
                err(
                    &cptr,
                    "invalid_geometry",
                    "a MultiPolygon is a non-empty array of polygons",
                )
            })?;
            for (i, p) in polys.iter().enumerate() {
                w.polygon(p, &format!("{cptr}/{i}"))?;
            }
        }
    }
    w.bbox
        .ok_or_else(|| err(&cptr, "invalid_geometry", "geometry has no positions"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_valid_geometries() {
        let b = validate(
            &json!({"type": "Point", "coordinates": [25.66, 60.39]}),
            Allowed::Comment,
            "/geometry",
        )
        .unwrap();
        assert_eq!(b.west, 25.66);
        let poly = json!({"type": "Polygon", "coordinates": [[[25.0, 60.0], [25.1, 60.0], [25.1, 60.1], [25.0, 60.0]]]});
        let b = validate(&poly, Allowed::Area, "/g").unwrap();
        assert_eq!((b.west, b.south, b.east, b.north), (25.0, 60.0, 25.1, 60.1));
        validate(
            &json!({"type": "LineString", "coordinates": [[25.0, 60.0], [25.1, 60.1]]}),
            Allowed::Comment,
            "",
        )
        .unwrap();
    }

    #[test]
    fn rejects_bad_geometries() {
        let code = |v: Value, a| validate(&v, a, "/geometry").unwrap_err();
        let e = code(
            json!({"type": "Point", "coordinates": [181.0, 60.0]}),
            Allowed::Comment,
        );
        assert_eq!(
            (e.code.as_str(), e.pointer.as_str()),
            ("out_of_range", "/geometry/coordinates/0")
        );
        let e = code(
            json!({"type": "Point", "coordinates": [25.0, -91.0]}),
            Allowed::Comment,
        );
        assert_eq!(e.code, "out_of_range");
        let e = code(
            json!({"type": "Polygon", "coordinates": [[[25.0, 60.0], [25.1, 60.0], [25.1, 60.1], [25.0, 60.2]]]}),
            Allowed::Comment,
        );
        assert_eq!(e.code, "ring_not_closed");
        let e = code(
            json!({"type": "Circle", "coordinates": [25.0, 60.0]}),
            Allowed::Comment,
        );
        assert_eq!(e.code, "invalid_geometry");
        let e = code(
            json!({"type": "Point", "coordinates": [25.0, 60.0], "crs": {}}),
            Allowed::Comment,
        );
        assert_eq!(e.code, "unknown_field");
        let e = code(
            json!({"type": "Point", "coordinates": ["25", 60.0]}),
            Allowed::Comment,
        );
        assert_eq!(e.code, "invalid_geometry");
        let mut ring: Vec<Value> = (0..1500)
            .map(|i| json!([25.0 + i as f64 * 1e-5, 60.0]))
            .collect();
        ring.push(json!([25.0, 60.0]));
        let e = code(
            json!({"type": "Polygon", "coordinates": [ring]}),
            Allowed::Comment,
        );
        assert_eq!(e.code, "too_many_vertices");
        let e = code(
            json!({"type": "Point", "coordinates": [25.0, 60.0]}),
            Allowed::Area,
        );
        assert_eq!(e.code, "invalid_geometry");
    }

    #[test]
    fn bbox_parsing() {
        assert!(BBox::parse("25.0,60.0,25.2,60.5").is_ok());
        assert!(BBox::parse("25.0,60.0,25.2").is_err());
        assert!(BBox::parse("25.3,60.0,25.2,60.5").is_err());
        assert!(BBox::parse("200,60,201,61").is_err());
        assert!(BBox::parse("a,b,c,d").is_err());
        assert!(BBox::parse("+25,60,26,61").is_err());
        assert!(BBox::parse(" 25,60,26,61").is_err());
        assert!(BBox::parse("2e1,60,26,61").is_err());
        assert!(BBox::parse("-25.5,-60,26,61").is_ok());
    }
}
