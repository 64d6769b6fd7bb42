//! Loads Leaflet and leaflet.markercluster on demand, once per page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files copied into `dist/vendor/` by Trunk (see index.html), relative to the public URL.
const STYLES: [&str; 3] = [
    "vendor/leaflet.css",
    "vendor/MarkerCluster.css",
    "vendor/MarkerCluster.Default.css",
];
const SCRIPTS: [&str; 2] = ["vendor/leaflet.js", "vendor/leaflet.markercluster.js"];

fn has_global(path: &[&str]) -> bool {
    let mut value: JsValue = js_sys::global().into();
    for key in path {
        value = js_sys::Reflect::get(&value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            return false;
        }
    }
    true
}

/// True once Leaflet and the cluster plugin are usable.
pub fn leaflet_ready() -> bool {
    has_global(&["L", "markerClusterGroup"])
}

thread_local! {
    /// The load in progress, shared: two maps mounting at once (a quick navigation from the
    /// plans list to a plan) must not load Leaflet twice, which would replace the global `L`
    /// under the first map's feet.
    static LOADING: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Adds Leaflet's stylesheets and scripts under `public_url` (ends in `/`) unless the page
/// already has them, and resolves when the scripts have run.
pub async fn ensure_leaflet(public_url: &str) -> Result<(), String> {
    if leaflet_ready() {
        return Ok(());
    }
    let pending = LOADING.with(|l| l.borrow().clone());
    let promise = match pending {
        Some(p) => p,
        None => {
            let url = public_url.to_string();
            let promise = wasm_bindgen_futures::future_to_promise(async move {
                load_all(&url)
                    .await
                    .map(|()| JsValue::UNDEFINED)
                    .map_err(JsValue::from)
            });
            LOADING.with(|l| *l.borrow_mut() = Some(promise.clone()));
            promise
        }
    };
    let result = JsFuture::from(promise).await;
    if result.is_err() {
        // A failed load may be tried again (a later map, a retry).
        LOADING.with(|l| l.borrow_mut().take());
    }
    result.map(|_| ()).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "Leaflet did not load".into())
    })
}

async fn load_all(public_url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let head = document.head().ok_or("no head")?;
    for href in STYLES {
        let url = format!("{public_url}{href}");
        if document
            .query_selector(&format!("link[href=\"{url}\"]"))
            .ok()
            .flatten()
            .is_none()
        {
            let link = document.create_element("link").map_err(|_| "link")?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &url);
            let _ = head.append_child(&link);
        }
    }
    for (src, global) in SCRIPTS
        .iter()
        .zip([&["L"][..], &["L", "markerClusterGroup"][..]])
    {
        if has_global(global) {
            continue;
        }
        load_script(&document, &head, &format!("{public_url}{src}")).await?;
    }
    if leaflet_ready() {
        Ok(())
    } else {
        Err("Leaflet did not load".into())
    }
}

async fn load_script(
    document: &web_sys::Document,
    head: &web_sys::HtmlHeadElement,
    src: &str,
) -> Result<(), String> {
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| "script")?
        .unchecked_into();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    script.set_src(src);
    head.append_child(&script).map_err(|_| "append")?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| format!("could not load {src}"))
}
