//! Loads Leaflet and leaflet.markercluster on demand, once per page.

use crate::web::{js, script};

/// Files copied into `dist/vendor/` by Trunk (see index.html), relative to the public URL.
const STYLES: [&str; 3] = [
    "vendor/leaflet.css",
    "vendor/MarkerCluster.css",
    "vendor/MarkerCluster.Default.css",
];
/// The scripts in the order they must run, each with the global it defines.
const SCRIPTS: [(&str, &[&str]); 2] = [
    ("vendor/leaflet.js", &["L"]),
    (
        "vendor/leaflet.markercluster.js",
        &["L", "markerClusterGroup"],
    ),
];

/// True once Leaflet and the cluster plugin are usable.
pub fn leaflet_ready() -> bool {
    js::has_global(&["L", "markerClusterGroup"])
}

/// Adds Leaflet's stylesheets and scripts under `public_url` (ends in `/`) unless the page
/// already has them, and resolves when the scripts have run. Two maps mounting at once (a
/// quick navigation from the plans list to a plan) share one load, so the global `L` is never
/// replaced under the first map's feet; a failed load may be tried again (a later map).
pub(crate) async fn ensure_leaflet(public_url: &str) -> Result<(), String> {
    if leaflet_ready() {
        return Ok(());
    }
    for href in STYLES {
        script::ensure_stylesheet(&format!("{public_url}{href}"));
    }
    for (src, global) in SCRIPTS {
        if !js::has_global(global) {
            script::ensure_script(&format!("{public_url}{src}")).await?;
        }
    }
    if leaflet_ready() {
        Ok(())
    } else {
        Err("Leaflet did not load".into())
    }
}
