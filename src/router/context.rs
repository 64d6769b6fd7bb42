//! The current route and query, shared through context.

use super::query;
use super::route::Route;
use crate::web::{dom, history, listen};
use leptos::prelude::*;

/// The current route, its query and the base path.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
    query: RwSignal<Vec<(String, String)>>,
    base: StoredValue<String>,
    navigated: StoredValue<bool>,
}

impl Router {
    /// The current route (tracked).
    pub(crate) fn route(&self) -> Route {
        self.route.get()
    }

    /// The current route, without tracking it.
    pub(crate) fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// True once the user has moved from the first page (link, back or forward).
    pub(crate) fn has_navigated(&self) -> bool {
        self.navigated.get_value()
    }

    /// The address of `route` under the base path.
    pub(crate) fn href(&self, route: &Route) -> String {
        format!("{}{}", self.base.get_value(), route.path())
    }

    /// Goes to `route`, adding a history entry.
    pub(crate) fn navigate(&self, route: Route) {
        history::push(&self.href(&route));
        self.navigated.set_value(true);
        self.query.set(Vec::new());
        self.route.set(route);
        dom::scroll_to_top();
    }

    /// Shows `route` in place of the current history entry (an address that must not stay in
    /// history, such as a sign-in callback carrying a one-time code).
    pub(crate) fn replace(&self, route: Route) {
        history::replace(&self.href(&route));
        self.query.set(Vec::new());
        self.route.set(route);
    }

    /// The value of `key` in the address's query (tracked): list filters live there, so a
    /// filtered list can be shared and Back comes back to it.
    pub(crate) fn query(&self, key: &str) -> Option<String> {
        self.query
            .with(|q| q.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// Sets (or with `None` or `""` removes) `key` in the query, replacing the current history
    /// entry's address: a filter change is not a new page.
    pub(crate) fn set_query(&self, key: &str, value: Option<&str>) {
        let mut q = self.query.get_untracked();
        q.retain(|(k, _)| k != key);
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            q.push((key.to_owned(), v.to_owned()));
        }
        self.write_query(q);
    }

    /// Removes every query parameter (a "Clear filters" button).
    pub(crate) fn clear_query(&self) {
        self.write_query(Vec::new());
    }

    fn write_query(&self, q: Vec<(String, String)>) {
        let url = format!(
            "{}{}{}",
            self.href(&self.route.get_untracked()),
            query::write(&q),
            dom::location_hash()
        );
        history::replace(&url);
        if self.query.with_untracked(|now| *now != q) {
            self.query.set(q);
        }
    }

    fn sync_from_location(&self) {
        let route = current_route(&self.base.get_value());
        let q = query::parse(&dom::location_search());
        if self.query.with_untracked(|now| *now != q) {
            self.query.set(q);
        }
        // A same-page link (`#os-main`, `#os-comment-form`) also fires `popstate`: the page
        // must stay as it is, with everything typed in it.
        if self.route.with_untracked(|now| *now != route) {
            self.navigated.set_value(true);
            self.route.set(route);
        }
    }
}

fn current_route(base: &str) -> Route {
    let path = dom::location_path();
    Route::parse(path.strip_prefix(base).unwrap_or(&path))
}

/// Provides the router for an app served under `base` (`""` at the site root). Follows the
/// browser's back and forward buttons.
pub fn provide_router(base: String) -> Router {
    let router = Router {
        route: RwSignal::new(current_route(&base)),
        query: RwSignal::new(query::parse(&dom::location_search())),
        base: StoredValue::new(base),
        navigated: StoredValue::new(false),
    };
    listen::listen(listen::On::Window, &["popstate"], move |_| {
        router.sync_from_location()
    });
    provide_context(router);
    router
}

/// The router. Panics outside the app (a programming error).
pub fn use_router() -> Router {
    expect_context::<Router>()
}
