use crate::support::*;
use leptos::mount::mount_to;
use leptos::prelude::*;
use osallistu::config::provide_config;
use osallistu::domain::{Geometry, LatLng};
use osallistu::i18n::provide_i18n;
use osallistu::map::{loader, MapFeature, MapView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// The test page cannot fetch dist/vendor, so Leaflet is put on the page as the loader would.
fn load_leaflet() {
    if !loader::leaflet_ready() {
        js_sys::eval(include_str!("../../node_modules/leaflet/dist/leaflet.js")).unwrap();
        js_sys::eval(include_str!(
            "../../node_modules/leaflet.markercluster/dist/leaflet.markercluster.js"
        ))
        .unwrap();
    }
    assert!(loader::leaflet_ready());
}

fn features() -> Vec<MapFeature> {
    let area = vec![
        LatLng::new(60.390, 25.660),
        LatLng::new(60.390, 25.670),
        LatLng::new(60.395, 25.670),
        LatLng::new(60.390, 25.660),
    ];
    let mut list = vec![MapFeature {
        id: "area".into(),
        label: "Plan area".into(),
        geometry: Geometry::Polygon(vec![area]),
    }];
    for i in 0..200 {
        let p = LatLng::new(
            60.390 + f64::from(i) * 0.00002,
            25.662 + f64::from(i % 10) * 0.0003,
        );
        list.push(MapFeature {
            id: format!("c{i}"),
            label: format!("Comment {i}"),
            geometry: Geometry::Point(p),
        });
    }
    list
}

#[wasm_bindgen_test]
async fn the_map_mounts_draws_clusters_and_areas_and_unmounts_cleanly() {
    load_leaflet();
    let c = Container::new();
    c.0.style().set_property("width", "600px").unwrap();
    let selected = RwSignal::new(None::<String>);
    let handle = mount_to(c.0.clone(), move || {
        provide_config(demo_config());
        provide_i18n(
            vec![osallistu::domain::Lang::Fi],
            osallistu::domain::Lang::Fi,
            false,
        );
        view! { <MapView features=Signal::derive(features) selected=selected label="Kartta"/> }
    });
    wait_until("Leaflet takes the container", || {
        c.query(".leaflet-container").is_some()
    })
    .await;
    wait_until("the area is drawn", || {
        c.query("path.os-map-area").is_some()
    })
    .await;
    wait_until("points are clustered", || {
        c.query(".marker-cluster").is_some()
    })
    .await;
    let region = c.query("[role=region]").unwrap();
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Kartta")
    );
    let drawn_markers = c.query_all(".leaflet-marker-icon").len();
    assert!(
        drawn_markers < 50,
        "200 points must be clustered, not drawn one by one: {drawn_markers}"
    );

    // Clicking the area selects it.
    let area = c.query("path.os-map-area").unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(300);
    init.set_client_y(150);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    area.unchecked_ref::<web_sys::EventTarget>()
        .dispatch_event(&event)
        .unwrap();
    wait_until("the area is selected", || {
        selected.get_untracked().as_deref() == Some("area")
    })
    .await;

    drop(handle);
    assert!(
        c.query(".leaflet-container").is_none(),
        "the map is gone with its component"
    );
    assert_eq!(c.0.child_element_count(), 0);
}
