//! The map. The only module that touches Leaflet (through the `leaflet` crate and a few
//! bindings of our own for what it lacks).
//!
//! Leaflet's JS and CSS are not part of the first load: [`loader::ensure_leaflet`] adds them to
//! the page the first time a map is shown.

mod bindings;
pub mod loader;
mod map_view;

pub use bindings::options as js_options;
pub use map_view::{MapFeature, MapView};
