//! A location being drawn on the map, tap by tap.

use crate::domain::{Geometry, LatLng, MAX_VERTICES};
use serde::{Deserialize, Serialize};

/// What is being drawn on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum SketchKind {
    Point,
    Line,
    Area,
}

/// A location in progress: vertices as `(lat, lng)`, in the order they were tapped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Sketch {
    pub(crate) kind: SketchKind,
    pub(crate) vertices: Vec<(f64, f64)>,
}

/// Why a sketch is not yet a usable location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SketchProblem {
    /// A point needs one tap, a line two and an area three.
    TooFewVertices {
        needed: usize,
    },
    TooManyVertices,
}

impl Sketch {
    pub(crate) fn new(kind: SketchKind) -> Self {
        Self {
            kind,
            vertices: Vec::new(),
        }
    }

    /// Adds a vertex; a point keeps only the latest tap.
    pub(crate) fn add(&mut self, at: LatLng) {
        if self.kind == SketchKind::Point {
            self.vertices.clear();
        }
        if self.vertices.len() < MAX_VERTICES {
            self.vertices.push((at.lat, at.lng));
        }
    }

    /// Removes the latest vertex.
    pub(crate) fn undo(&mut self) {
        self.vertices.pop();
    }

    fn needed(&self) -> usize {
        match self.kind {
            SketchKind::Point => 1,
            SketchKind::Line => 2,
            SketchKind::Area => 3,
        }
    }

    /// The finished geometry, or why it is not finished. An area's ring is closed here.
    pub(crate) fn geometry(&self) -> Result<Geometry, SketchProblem> {
        let needed = self.needed();
        if self.vertices.len() < needed {
            return Err(SketchProblem::TooFewVertices { needed });
        }
        if self.vertices.len() > MAX_VERTICES - 1 {
            return Err(SketchProblem::TooManyVertices);
        }
        let points = self.points();
        Ok(match self.kind {
            SketchKind::Point => Geometry::Point(points[0]),
            SketchKind::Line => Geometry::LineString(points),
            SketchKind::Area => {
                let mut ring = points;
                ring.push(ring[0]);
                Geometry::Polygon(vec![ring])
            }
        })
    }

    fn points(&self) -> Vec<LatLng> {
        self.vertices
            .iter()
            .map(|&(lat, lng)| LatLng::new(lat, lng))
            .collect()
    }

    /// What the map draws while the resident is still tapping: the points so far as a line
    /// (or the single point), so every tap is visible.
    pub(crate) fn preview(&self) -> Option<Geometry> {
        let points = self.points();
        match points.len() {
            0 => None,
            1 => Some(Geometry::Point(points[0])),
            _ => self.geometry().ok().or(Some(Geometry::LineString(points))),
        }
    }
}
