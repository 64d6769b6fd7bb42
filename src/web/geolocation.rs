//! The resident's position, asked for once, on request.

use crate::domain::LatLng;
use wasm_bindgen::prelude::*;

/// Why no position came: the GeolocationPositionError code (1 denied, 2 unavailable,
/// 3 timeout), or 0 when the browser has no geolocation.
pub(crate) type Refusal = u16;

/// Asks the browser for the position once (no high accuracy, 15 s, a reading up to 5 min old
/// will do); `done` gets it or the reason there is none.
pub(crate) fn locate(done: impl Fn(Result<LatLng, Refusal>) + Clone + 'static) {
    use super::js::{call, get, get_path, number, object};
    let geo = get_path(&super::js::global(), &["navigator", "geolocation"]);
    let Some(geo) = geo.filter(|g| get(g, "getCurrentPosition").is_some()) else {
        done(Err(0));
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |pos: JsValue| {
            match (
                number(&pos, &["coords", "latitude"]),
                number(&pos, &["coords", "longitude"]),
            ) {
                (Some(lat), Some(lng)) => done(Ok(LatLng::new(lat, lng))),
                _ => done(Err(2)),
            }
        })
    };
    let fail = Closure::once_into_js(move |err: JsValue| {
        done(Err(number(&err, &["code"]).unwrap_or(2.0) as u16))
    });
    let options = object(&[
        ("enableHighAccuracy", false.into()),
        ("timeout", 15_000.into()),
        ("maximumAge", 300_000.into()),
    ]);
    call(&geo, "getCurrentPosition", &[ok, fail, options]);
}
