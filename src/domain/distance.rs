//! Distances for "nearest first": great-circle distance and ordering.

use super::LatLng;

const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Distance in metres between two positions (haversine; well within a metre over a town).
pub fn distance_m(a: LatLng, b: LatLng) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lng - a.lng).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

/// The middle of a bounding box `(south_west, north_east)`.
pub fn centre((sw, ne): (LatLng, LatLng)) -> LatLng {
    LatLng::new((sw.lat + ne.lat) / 2.0, (sw.lng + ne.lng) / 2.0)
}

/// Orders `items` nearest first from `here`; items without a position keep their order after
/// the located ones.
pub fn sort_nearest<T>(items: &mut [T], here: LatLng, position: impl Fn(&T) -> Option<LatLng>) {
    items.sort_by(|a, b| {
        let da = position(a).map(|p| distance_m(here, p));
        let db = position(b).map(|p| distance_m(here, p));
        match (da, db) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_known_ones() {
        // Helsinki railway station → Tampere railway station: about 160.6 km as the crow flies.
        let helsinki = LatLng::new(60.1719, 24.9414);
        let tampere = LatLng::new(61.4985, 23.7735);
        let d = distance_m(helsinki, tampere);
        assert!((d - 160_600.0).abs() < 1_500.0, "{d}");
        assert_eq!(distance_m(helsinki, helsinki), 0.0);
        // 0.01° of latitude is about 1.11 km anywhere.
        let d = distance_m(LatLng::new(60.0, 25.0), LatLng::new(60.01, 25.0));
        assert!((d - 1_112.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn nearest_first_and_the_unlocated_last_in_their_order() {
        let here = LatLng::new(60.39, 25.66);
        let mut items = vec![
            ("far", Some(LatLng::new(60.50, 25.66))),
            ("none-1", None),
            ("near", Some(LatLng::new(60.391, 25.66))),
            ("none-2", None),
            ("middle", Some(LatLng::new(60.42, 25.66))),
        ];
        sort_nearest(&mut items, here, |i| i.1);
        let order: Vec<&str> = items.iter().map(|i| i.0).collect();
        assert_eq!(order, ["near", "middle", "far", "none-1", "none-2"]);
        assert_eq!(
            centre((LatLng::new(60.0, 25.0), LatLng::new(60.2, 25.4))),
            LatLng::new(60.1, 25.2)
        );
    }
}
