//! The map. The only module that touches Leaflet (through the `leaflet` crate and a few
//! bindings of our own for what it lacks).
//!
//! [`MapView`] is the component; [`leaflet_map`] holds the Leaflet objects of one mounted map
//! and [`layers`] draws features and sketches into them. Leaflet's JS and CSS are not part of
//! the first load: [`loader::ensure_leaflet`] adds them to the page the first time a map is
//! shown.

mod bindings;
mod layers;
mod leaflet_map;
pub mod loader;
mod map_view;

pub use layers::MapFeature;
pub use map_view::MapView;
