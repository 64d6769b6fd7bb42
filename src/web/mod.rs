//! The browser, for the rest of the app. With `backend/http.rs` (fetch) and `map/` (Leaflet),
//! this is the only module that names `web_sys` or `js_sys` (checked by
//! `scripts/check-architecture`): everything else calls these small typed functions, so the
//! rest of the code reads as Rust and can be tested natively.

pub mod assets;
pub mod clock;
pub mod device;
pub mod dom;
pub mod frame;
pub mod geolocation;
pub mod head_link;
pub mod history;
pub mod js;
pub mod listen;
pub mod navigation;
pub mod notifications;
pub mod random;
pub mod sanitize;
pub mod script;
pub mod service_worker;
pub mod storage;
pub mod visibility;
pub mod wipe;
