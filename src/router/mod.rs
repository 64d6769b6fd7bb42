//! A small router: typed routes, history API, base path for embedding.
//!
//! Measured: leptos_router cost 42 KB brotli of the shell's first load; this module is a few KB.
//! Links are real `<a href>` elements (open in a new tab, copy link, no-JS fallbacks all work);
//! plain left clicks are handled in the app without a page load.

mod link;
mod route;

pub use link::Link;
pub use route::Route;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The current route and the base path, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
    base: StoredValue<String>,
    navigated: StoredValue<bool>,
}

impl Router {
    /// The current route (tracked).
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// The current route, without tracking it.
    pub fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// True once the user has moved from the first page (link, back or forward).
    pub fn has_navigated(&self) -> bool {
        self.navigated.get_value()
    }

    /// The address of `route` under the base path.
    pub fn href(&self, route: &Route) -> String {
        format!("{}{}", self.base.get_value(), route.path())
    }

    /// Goes to `route`, adding a history entry.
    pub fn navigate(&self, route: Route) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&self.href(&route)),
            );
        }
        self.navigated.set_value(true);
        self.route.set(route);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    fn sync_from_location(&self) {
        let route = current_route(&self.base.get_value());
        // A same-page link (`#os-main`, `#os-comment-form`) also fires `popstate`: the page
        // must stay as it is, with everything typed in it.
        if self.route.with_untracked(|now| *now != route) {
            self.navigated.set_value(true);
            self.route.set(route);
        }
    }
}

fn current_route(base: &str) -> Route {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    Route::parse(path.strip_prefix(base).unwrap_or(&path))
}

/// Provides the router for an app served under `base` (`""` at the site root). Follows the
/// browser's back and forward buttons.
pub fn provide_router(base: String) -> Router {
    let router = Router {
        route: RwSignal::new(current_route(&base)),
        base: StoredValue::new(base),
        navigated: StoredValue::new(false),
    };
    let on_popstate = Closure::<dyn Fn()>::new(move || router.sync_from_location());
    if let Some(w) = web_sys::window() {
        let _ =
            w.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        let listener = send_wrapper::SendWrapper::new((w, on_popstate));
        on_cleanup(move || {
            let (w, f) = listener.take();
            let _ = w.remove_event_listener_with_callback("popstate", f.as_ref().unchecked_ref());
        });
    }
    provide_context(router);
    router
}

/// The router. Panics outside the app (a programming error).
pub fn use_router() -> Router {
    expect_context::<Router>()
}
