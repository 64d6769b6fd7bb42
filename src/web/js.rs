//! Plain JavaScript values: reading and writing properties, calling methods, building option
//! objects. For browser APIs that have no `web_sys` binding enabled (or none at all).

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `target[key]`, unless it is `undefined` or `null`.
pub(crate) fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target.a.b.c`, unless a step is missing.
pub(crate) fn get_path(target: &JsValue, path: &[&str]) -> Option<JsValue> {
    path.iter().try_fold(target.clone(), |v, key| get(&v, key))
}

/// A number at `path` under `target`.
pub(crate) fn number(target: &JsValue, path: &[&str]) -> Option<f64> {
    get_path(target, path)?.as_f64()
}

/// A string at `path` under `target`.
pub(crate) fn string(target: &JsValue, path: &[&str]) -> Option<String> {
    get_path(target, path)?.as_string()
}

/// `target[key] = value`.
pub(crate) fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `{key: value, …}`.
pub(crate) fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let o: JsValue = Object::new().into();
    for (k, v) in entries {
        set(&o, k, v);
    }
    o
}

/// `target.method(args…)`, if `method` is a function.
pub(crate) fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = get(target, method)?.dyn_into().ok()?;
    let array: js_sys::Array = args.iter().collect();
    f.apply(target, &array).ok()
}

/// The global object (`window` in a page).
pub(crate) fn global() -> JsValue {
    js_sys::global().into()
}

/// Whether the global `path` (`["L", "markerClusterGroup"]`) exists.
pub(crate) fn has_global(path: &[&str]) -> bool {
    get_path(&global(), path).is_some()
}

/// Awaits a JavaScript promise.
pub(crate) async fn await_promise(value: JsValue) -> Result<JsValue, JsValue> {
    match value.dyn_into::<js_sys::Promise>() {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await,
        Err(v) => Ok(v),
    }
}
