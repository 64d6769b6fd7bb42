//! The installable app: the manifest in the resident's language, the service worker
//! (`public/sw.js`: app shell and viewed pages for reading offline) and what the app shows
//! about both: an "offline" notice and a "new version" offer.
//!
//! Browser APIs without web-sys features of their own are reached through `js_sys::Reflect`,
//! which keeps this module small in the wasm.

use crate::i18n::I18n;
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the connection notices show.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// The browser says there is no network.
    pub offline: RwSignal<bool>,
    /// A new version of the app is installed and waits to take over.
    pub update_ready: RwSignal<bool>,
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call1(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let f: Function = get(target, method)?.dyn_into().ok()?;
    f.call1(target, arg).ok()
}

fn listen(target: &JsValue, event: &str, handler: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(handler);
    if let Some(f) = get(target, "addEventListener").and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call2(target, &event.into(), closure.as_ref());
    }
    closure.forget();
}

/// Starts the PWA parts for the app served from `public_url` and provides [`Pwa`].
pub fn start(public_url: &str, i18n: I18n) -> Pwa {
    let pwa = Pwa {
        offline: RwSignal::new(false),
        update_ready: RwSignal::new(false),
    };
    provide_context(pwa);
    let Some(w) = web_sys::window() else {
        return pwa;
    };
    pwa.offline.set(!w.navigator().on_line());
    listen(&w.clone().into(), "offline", move || pwa.offline.set(true));
    listen(&w.clone().into(), "online", move || pwa.offline.set(false));

    // The manifest in the current language (the server makes it from config.json).
    if let Some(document) = w.document() {
        let link = document
            .query_selector("link[rel=manifest]")
            .ok()
            .flatten()
            .or_else(|| {
                let l = document.create_element("link").ok()?;
                let _ = l.set_attribute("rel", "manifest");
                document.head()?.append_child(&l).ok()?;
                Some(l)
            });
        if let Some(link) = link {
            let base = public_url.to_owned();
            Effect::new(move |_| {
                let href = format!("{base}manifest.webmanifest?lang={}", i18n.lang().code());
                let _ = link.set_attribute("href", &href);
            });
        }
    }

    // A kiosk keeps no offline copies of what residents viewed (see `crate::kiosk`).
    if !crate::web::device::is_kiosk() {
        register(&w, public_url, pwa);
    }
    pwa
}

fn register(w: &web_sys::Window, public_url: &str, pwa: Pwa) {
    let navigator: JsValue = w.navigator().into();
    let Some(container) = get(&navigator, "serviceWorker") else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"scope".into(), &public_url.into());
    let Some(f) = get(&container, "register").and_then(|f| f.dyn_into::<Function>().ok()) else {
        return;
    };
    let Ok(promise) = f.call2(
        &container,
        &format!("{public_url}sw.js").into(),
        &options.into(),
    ) else {
        return;
    };
    let container_for_task = container.clone();
    leptos::task::spawn_local(async move {
        let registration = match wasm_bindgen_futures::JsFuture::from(Promise::from(promise)).await
        {
            Ok(r) => r,
            Err(e) => {
                leptos::logging::warn!("service worker not registered: {e:?}");
                return;
            }
        };
        // A version installed earlier may already wait.
        let has_controller = get(&container_for_task, "controller").is_some();
        if has_controller && get(&registration, "waiting").is_some() {
            pwa.update_ready.set(true);
        }
        let reg = registration.clone();
        let container = container_for_task.clone();
        listen(&registration, "updatefound", move || {
            let Some(installing) = get(&reg, "installing") else {
                return;
            };
            let worker = installing.clone();
            let container = container.clone();
            listen(&installing, "statechange", move || {
                let installed = get(&worker, "state").and_then(|s| s.as_string());
                if installed.as_deref() == Some("installed")
                    && get(&container, "controller").is_some()
                {
                    let _ = pwa.update_ready.try_set(true);
                }
            });
        });
    });
    // When the new version takes over, load it (only after the resident chose "Update").
    listen(&container, "controllerchange", move || {
        if pwa.update_ready.try_get_untracked() == Some(true) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
}

/// Lets the waiting version take over; the page reloads when it has (drafts are saved on
/// every change, so nothing typed is lost).
pub fn apply_update() {
    let Some(w) = web_sys::window() else { return };
    let navigator: JsValue = w.navigator().into();
    let Some(container) = get(&navigator, "serviceWorker") else {
        return;
    };
    let Some(f) = get(&container, "getRegistration").and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let Ok(promise) = f.call0(&container) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(Promise::from(promise)).await
        else {
            return;
        };
        if let Some(waiting) = get(&registration, "waiting") {
            let message = js_sys::Object::new();
            let _ = Reflect::set(&message, &"type".into(), &"osallistu:update".into());
            let _ = call1(&waiting, "postMessage", &message.into());
        }
    });
}

/// The shared state, when the app started it.
pub fn use_pwa() -> Option<Pwa> {
    use_context::<Pwa>()
}
