//! Where a plan's comments are, compactly: enough to draw every one of them on a map.

use super::LatLng;

/// What kind of place a comment marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// One position.
    Point,
    /// A line; the place is the centre of its bounding box.
    Line,
    /// An area; the place is the centre of its bounding box.
    Area,
}

/// One located comment, without its text: the map draws a marker for it and fetches the
/// comment itself when someone opens the marker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommentPlace {
    /// The comment's id.
    pub id: u64,
    /// A point's position, or the centre of a line's or an area's bounding box.
    pub at: LatLng,
    /// Point, line or area.
    pub kind: PlaceKind,
}
