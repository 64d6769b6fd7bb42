use super::*;

fn square(lat: f64, lng: f64, size: f64) -> Vec<LatLng> {
    vec![
        LatLng::new(lat, lng),
        LatLng::new(lat, lng + size),
        LatLng::new(lat + size, lng + size),
        LatLng::new(lat + size, lng),
        LatLng::new(lat, lng),
    ]
}

#[test]
fn a_polygon_with_a_hole_is_valid_and_keeps_both_rings() {
    let g = Geometry::Polygon(vec![square(60.0, 25.0, 1.0), square(60.2, 25.2, 0.1)]);
    assert_eq!(g.validate(), Ok(()));
    assert_eq!(g.vertex_count(), 10);
}

#[test]
fn an_unclosed_or_short_ring_is_refused() {
    let mut open = square(60.0, 25.0, 1.0);
    open.pop();
    assert_eq!(
        Geometry::Polygon(vec![open]).validate(),
        Err(GeometryError::RingNotClosed)
    );
    let p = LatLng::new(60.0, 25.0);
    let short = vec![p, LatLng::new(60.1, 25.0), p];
    assert_eq!(
        Geometry::Polygon(vec![short]).validate(),
        Err(GeometryError::RingNotClosed)
    );
    let hole_open = vec![
        square(60.0, 25.0, 1.0),
        square(60.2, 25.2, 0.1)[..4].to_vec(),
    ];
    assert_eq!(
        Geometry::Polygon(hole_open).validate(),
        Err(GeometryError::RingNotClosed)
    );
}

#[test]
fn coordinates_out_of_range_or_not_finite_are_refused() {
    assert_eq!(
        Geometry::Point(LatLng::new(91.0, 25.0)).validate(),
        Err(GeometryError::OutOfRange)
    );
    assert_eq!(
        Geometry::Point(LatLng::new(60.0, -180.5)).validate(),
        Err(GeometryError::OutOfRange)
    );
    assert_eq!(
        Geometry::Point(LatLng::new(f64::NAN, 0.0)).validate(),
        Err(GeometryError::OutOfRange)
    );
    assert_eq!(
        Geometry::Point(LatLng::new(-90.0, 180.0)).validate(),
        Ok(())
    );
}

#[test]
fn lines_need_two_positions_and_polygons_a_ring() {
    let one = Geometry::LineString(vec![LatLng::new(60.0, 25.0)]);
    assert_eq!(one.validate(), Err(GeometryError::TooFewPositions));
    assert_eq!(
        Geometry::Polygon(vec![]).validate(),
        Err(GeometryError::TooFewPositions)
    );
    assert_eq!(
        Geometry::MultiPolygon(vec![]).validate(),
        Err(GeometryError::TooFewPositions)
    );
}

#[test]
fn a_thousand_vertices_pass_and_one_more_across_rings_fails() {
    let line: Vec<LatLng> = (0..1000)
        .map(|i| LatLng::new(60.0, 25.0 + f64::from(i) * 1e-4))
        .collect();
    assert_eq!(Geometry::LineString(line).validate(), Ok(()));
    let mut outer: Vec<LatLng> = (0..996)
        .map(|i| LatLng::new(60.0 + f64::from(i) * 1e-5, 25.0))
        .collect();
    outer.push(LatLng::new(61.0, 26.0));
    outer.push(LatLng::new(60.0, 25.0));
    let g = Geometry::Polygon(vec![outer, square(60.5, 25.5, 0.1)]);
    assert_eq!(g.vertex_count(), 1003);
    assert_eq!(g.validate(), Err(GeometryError::TooManyVertices));
}

#[test]
fn bounds_cover_every_part_of_a_multipolygon() {
    let g = Geometry::MultiPolygon(vec![
        vec![square(60.0, 25.0, 0.5)],
        vec![square(61.0, 24.0, 0.5)],
    ]);
    assert_eq!(g.validate(), Ok(()));
    assert_eq!(
        g.bounds(),
        Some((LatLng::new(60.0, 24.0), LatLng::new(61.5, 25.5)))
    );
}

#[test]
fn a_collection_is_checked_part_by_part_and_bounded_as_a_whole() {
    let route = Geometry::Collection(vec![
        Geometry::LineString(vec![
            LatLng::new(60.166, 24.935),
            LatLng::new(60.172, 24.95),
        ]),
        Geometry::Point(LatLng::new(60.18, 24.93)),
    ]);
    assert_eq!(route.validate(), Ok(()));
    assert_eq!(route.vertex_count(), 3);
    assert_eq!(
        route.bounds(),
        Some((LatLng::new(60.166, 24.93), LatLng::new(60.18, 24.95)))
    );
    let broken = Geometry::Collection(vec![Geometry::Point(LatLng::new(95.0, 0.0))]);
    assert_eq!(broken.validate(), Err(GeometryError::OutOfRange));
    assert_eq!(
        Geometry::Collection(vec![]).validate(),
        Err(GeometryError::TooFewPositions)
    );
}
