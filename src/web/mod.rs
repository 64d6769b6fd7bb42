//! The browser, for the rest of the app. With `backend/http.rs` (fetch) and `map/` (Leaflet),
//! this is the only module that names `web_sys` or `js_sys` (checked by
//! `scripts/check-architecture`): everything else calls these small typed functions, so the
//! rest of the code reads as Rust and can be tested natively.

pub(crate) mod assets;
pub(crate) mod clock;
pub(crate) mod crypto;
pub mod device;
pub(crate) mod dom;
pub(crate) mod frame;
pub(crate) mod geolocation;
pub(crate) mod head_link;
pub(crate) mod history;
pub(crate) mod js;
pub(crate) mod listen;
pub(crate) mod navigation;
pub(crate) mod notifications;
pub(crate) mod random;
pub mod sanitize;
pub(crate) mod script;
pub(crate) mod service_worker;
pub(crate) mod storage;
pub(crate) mod visibility;
pub mod wipe;
