//! Map geometry in WGS84, with the rules the reference server enforces on comment places.

use std::fmt;

/// Most positions one geometry may have (all rings together), as on the reference server.
pub const MAX_VERTICES: usize = 1000;

/// A WGS84 position. Wire formats write it `[lng, lat]`; here the names say which is which.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLng {
    /// Latitude in degrees, −90…90.
    pub lat: f64,
    /// Longitude in degrees, −180…180.
    pub lng: f64,
}

impl LatLng {
    /// A position from latitude and longitude (note the order).
    pub fn new(lat: f64, lng: f64) -> Self {
        Self { lat, lng }
    }
}

/// A place on the map: a point, a line, an area with holes, or several areas.
#[derive(Clone, Debug, PartialEq)]
pub enum Geometry {
    /// One position.
    Point(LatLng),
    /// A line through two or more positions.
    LineString(Vec<LatLng>),
    /// An area: the first ring is the outline, any further rings are holes. Each ring is
    /// closed (its last position repeats the first).
    Polygon(Vec<Vec<LatLng>>),
    /// Several areas, each as in [`Geometry::Polygon`] (plan areas can come in parts).
    MultiPolygon(Vec<Vec<Vec<LatLng>>>),
    /// Several shapes of any kind (a Kerrokantasi comment may mark a route and its stops).
    Collection(Vec<Geometry>),
}

/// Why a geometry breaks the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeometryError {
    /// A latitude or longitude is outside its range or not a finite number.
    OutOfRange,
    /// A line has fewer than two positions, or a polygon no ring.
    TooFewPositions,
    /// A ring has fewer than four positions or does not end where it starts.
    RingNotClosed,
    /// More than [`MAX_VERTICES`] positions in all.
    TooManyVertices,
}

impl fmt::Display for GeometryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GeometryError::OutOfRange => "a coordinate is out of range",
            GeometryError::TooFewPositions => "too few positions",
            GeometryError::RingNotClosed => "a ring is not closed",
            GeometryError::TooManyVertices => "too many vertices",
        })
    }
}

fn check_positions(points: &[LatLng]) -> Result<(), GeometryError> {
    let in_range = |p: &LatLng| {
        p.lat.is_finite()
            && p.lng.is_finite()
            && (-90.0..=90.0).contains(&p.lat)
            && (-180.0..=180.0).contains(&p.lng)
    };
    if points.iter().all(in_range) {
        Ok(())
    } else {
        Err(GeometryError::OutOfRange)
    }
}

fn check_rings(rings: &[Vec<LatLng>]) -> Result<(), GeometryError> {
    if rings.is_empty() {
        return Err(GeometryError::TooFewPositions);
    }
    for ring in rings {
        check_positions(ring)?;
        if ring.len() < 4 || ring.first() != ring.last() {
            return Err(GeometryError::RingNotClosed);
        }
    }
    Ok(())
}

impl Geometry {
    /// Number of positions, counting every ring and repeated closing positions.
    pub fn vertex_count(&self) -> usize {
        match self {
            Geometry::Point(_) => 1,
            Geometry::LineString(line) => line.len(),
            Geometry::Polygon(rings) => rings.iter().map(Vec::len).sum(),
            Geometry::MultiPolygon(polys) => polys.iter().flatten().map(Vec::len).sum(),
            Geometry::Collection(parts) => parts.iter().map(Geometry::vertex_count).sum(),
        }
    }

    /// Checks ranges, closed rings with at least four positions, lines with at least two,
    /// and at most [`MAX_VERTICES`] positions in all.
    pub fn validate(&self) -> Result<(), GeometryError> {
        if self.vertex_count() > MAX_VERTICES {
            return Err(GeometryError::TooManyVertices);
        }
        match self {
            Geometry::Point(p) => check_positions(std::slice::from_ref(p)),
            Geometry::LineString(line) => {
                check_positions(line)?;
                if line.len() < 2 {
                    return Err(GeometryError::TooFewPositions);
                }
                Ok(())
            }
            Geometry::Polygon(rings) => check_rings(rings),
            Geometry::MultiPolygon(polys) => {
                if polys.is_empty() {
                    return Err(GeometryError::TooFewPositions);
                }
                polys.iter().try_for_each(|rings| check_rings(rings))
            }
            Geometry::Collection(parts) => {
                if parts.is_empty() {
                    return Err(GeometryError::TooFewPositions);
                }
                parts.iter().try_for_each(Geometry::validate)
            }
        }
    }

    /// Bounds `(south_west, north_east)` of every position, or `None` for an empty shape.
    pub fn bounds(&self) -> Option<(LatLng, LatLng)> {
        if let Geometry::Collection(parts) = self {
            let corners: Vec<LatLng> = parts
                .iter()
                .filter_map(Geometry::bounds)
                .flat_map(|(sw, ne)| [sw, ne])
                .collect();
            return Geometry::LineString(corners).bounds();
        }
        let mut all: Box<dyn Iterator<Item = &LatLng>> = match self {
            Geometry::Point(p) => Box::new(std::iter::once(p)),
            Geometry::LineString(line) => Box::new(line.iter()),
            Geometry::Polygon(rings) => Box::new(rings.iter().flatten()),
            Geometry::MultiPolygon(polys) => Box::new(polys.iter().flatten().flatten()),
            Geometry::Collection(_) => Box::new(std::iter::empty()),
        };
        let first = *all.next()?;
        Some(all.fold((first, first), |(sw, ne), p| {
            (
                LatLng::new(sw.lat.min(p.lat), sw.lng.min(p.lng)),
                LatLng::new(ne.lat.max(p.lat), ne.lng.max(p.lng)),
            )
        }))
    }
}

#[cfg(test)]
mod tests;
