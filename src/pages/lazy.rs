//! Split points: each feature area (and the accessibility statement) is its own wasm chunk,
//! fetched the first time one of its routes is shown, so the first load carries only the shell.
//!
//! With the `split` feature (the Trunk build, see `scripts/wasm-split/`), each `*_area`
//! function below moves with everything only it reaches into a separate `.wasm` file; calling
//! it loads that file first. Without the feature (tests, plain builds) the same functions run
//! at once. Either way a route shows a translated "Loading…" status while its chunk loads,
//! and a chunk that cannot be loaded (offline, or removed by a redeploy) shows the error panel,
//! whose "Try again" fetches the chunk again. A failed load is never cached and never panics.

use crate::components::error_panel::ErrorPanel;
use crate::i18n::use_i18n;
use crate::router::Route;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll, Waker};

/// An area's `page(route)` function, once its chunk is loaded.
pub(crate) type PageFn = fn(Route) -> AnyView;

/// Why a page could not be shown: the code of its area did not arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChunkError {
    /// The area whose chunk failed, e.g. `plans`.
    pub(crate) area: &'static str,
}

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the code of the {} pages could not be loaded", self.area)
    }
}

impl std::error::Error for ChunkError {}

/// One split point per area: `$name()` loads chunk `$chunk` and hands back `$page`.
///
/// Only a function pointer crosses the split, so the page itself is built synchronously by the
/// caller, under its reactive owner, after the load.
macro_rules! split_point {
    ($(#[$doc:meta])* $name:ident, $chunk:ident, $page:path) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            return_wrapper(let page = _; { Ok(page) } -> Result<PageFn, SplitLoaderError>)
        )]
        pub(crate) fn $name() -> PageFn {
            $page
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub(crate) async fn $name() -> Result<PageFn, SplitLoaderError> {
            Ok($page)
        }
    };
}

split_point!(
    /// Zoning plans: `/plans`, `/plans/:id`.
    plans_area, plans, crate::pages::plans::page
);
split_point!(
    /// Projects and followed items: `/projects`, `/projects/:id`, `/followed`.
    projects_area, projects, crate::pages::projects::page
);
split_point!(
    /// Events: `/events`, `/events/:id`, cancelling a registration.
    events_area, events, crate::pages::events::page
);

split_point!(
    /// The accessibility statement, `/accessibility`: long text, rarely visited (saves about
    /// 2.9 KB brotli in the first load for a 4.4 KB chunk).
    accessibility_area, accessibility, accessibility_page
);

split_point!(
    /// The staff workspace, `/staff`: never downloaded by a resident.
    staff_area, staff, crate::pages::staff::page
);

/// The statement as a page function, so it can be a split point like the areas.
fn accessibility_page(_: Route) -> AnyView {
    view! { <crate::pages::accessibility_page::AccessibilityPage/> }.into_any()
}

type Loader = fn() -> Pin<Box<dyn Future<Output = Result<PageFn, SplitLoaderError>>>>;

/// One lazily loaded area: its name (for error details), loader and, once loaded, its page.
pub(crate) struct Area {
    name: &'static str,
    load: Loader,
    loaded: OnceLock<PageFn>,
}

/// Zoning plans.
pub(crate) static PLANS: Area = Area {
    name: "plans",
    load: || Box::pin(plans_area()),
    loaded: OnceLock::new(),
};

/// Projects and followed items.
pub(crate) static PROJECTS: Area = Area {
    name: "projects",
    load: || Box::pin(projects_area()),
    loaded: OnceLock::new(),
};

/// Events.
pub(crate) static EVENTS: Area = Area {
    name: "events",
    load: || Box::pin(events_area()),
    loaded: OnceLock::new(),
};

/// The accessibility statement.
pub(crate) static ACCESSIBILITY: Area = Area {
    name: "accessibility",
    load: || Box::pin(accessibility_area()),
    loaded: OnceLock::new(),
};

/// The staff workspace.
pub(crate) static STAFF: Area = Area {
    name: "staff",
    load: || Box::pin(staff_area()),
    loaded: OnceLock::new(),
};

/// Where an area's chunk stands for one page.
#[derive(Clone, Copy)]
enum Phase {
    Loading,
    Failed,
    Ready(PageFn),
}

impl Area {
    /// The page for `route`: at once if the chunk is here, else "Loading…" until it is.
    pub(crate) fn page(&'static self, route: Route) -> AnyView {
        view! { <LazyPage area=self route/> }.into_any()
    }

    /// Loads the chunk; `phase` follows. A load that is done at once (the chunk is already
    /// here, or the build has no `split` feature) shows the page without a "Loading…" flash.
    fn start(&'static self, phase: RwSignal<Phase>) {
        if let Some(page) = self.loaded.get() {
            phase.set(Phase::Ready(*page));
            return;
        }
        let mut future = (self.load)();
        let outcome = move |result: Result<PageFn, SplitLoaderError>| match result {
            Ok(page) => Phase::Ready(*self.loaded.get_or_init(|| page)),
            Err(_) => Phase::Failed,
        };
        let mut cx = Context::from_waker(Waker::noop());
        if let Poll::Ready(result) = future.as_mut().poll(&mut cx) {
            phase.set(outcome(result));
            return;
        }
        phase.set(Phase::Loading);
        leptos::task::spawn_local(async move {
            let next = outcome(future.await);
            // The page may have been left meanwhile; then there is nothing to update.
            let _ = phase.try_set(next);
        });
    }
}

#[component]
fn LazyPage(area: &'static Area, route: Route) -> impl IntoView {
    let i18n = use_i18n();
    let phase = RwSignal::new(Phase::Loading);
    area.start(phase);
    move || match phase.get() {
        Phase::Ready(page) => page(route.clone()),
        Phase::Loading => view! {
            <div class="os-page">
                <p class="os-page__intro" role="status">{i18n.tr(|t| t.loading)}</p>
            </div>
        }
        .into_any(),
        Phase::Failed => failed(area, phase),
    }
}

/// The error panel for a chunk that did not load; its "Try again" loads the chunk again.
fn failed(area: &'static Area, phase: RwSignal<Phase>) -> AnyView {
    let errors = ArcRwSignal::new(Errors::default());
    errors.update(|e| e.insert_with_default_key(ChunkError { area: area.name }));
    let watched = errors.clone();
    Effect::new(move |_| {
        if watched.with(Errors::is_empty) {
            area.start(phase);
        }
    });
    view! { <ErrorPanel errors/> }.into_any()
}
