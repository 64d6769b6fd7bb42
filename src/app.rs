//! The root component: context providers, the shell and the page for the current route.

use crate::components::shell::Shell;
use crate::config::{provide_config, Config};
use crate::i18n::{provide_i18n, TableLoader};
use crate::pages::{home_page::HomePage, lazy, not_found_page::NotFoundPage};
use crate::router::{provide_router, Route};
use leptos::prelude::*;

/// The whole application for one municipality's configuration. `load_table` fetches a
/// language's strings when the resident switches to one not loaded yet (the release build reads
/// them at run time; `boot` passes its loader).
#[component]
pub(crate) fn App(
    config: Config,
    #[prop(optional)] load_table: Option<TableLoader>,
) -> impl IntoView {
    let languages = config.languages.clone();
    let embed_origins = config.embed_origins.clone();
    let remember = !config.kiosk.enabled;
    crate::web::device::set_kiosk(config.kiosk.enabled);
    let router = provide_router(config.base_path.clone());
    provide_config(config);
    let i18n = provide_i18n(languages.offered, languages.default, remember);
    if let Some(load) = load_table {
        i18n.set_table_loader(load);
    }
    crate::state::follows::store::provide_follows_context();
    crate::embed::start(router, i18n, embed_origins);
    crate::pwa::start(&crate::web::assets::public_url(), i18n);

    let page = move || match router.route() {
        Route::Home => view! { <HomePage/> }.into_any(),
        // Each area is a lazily loaded wasm chunk (src/pages/lazy.rs).
        route @ (Route::Plans | Route::Plan(_)) => lazy::PLANS.page(route),
        route @ (Route::Projects | Route::Project(_) | Route::Followed) => {
            lazy::PROJECTS.page(route)
        }
        route @ (Route::Events | Route::Event(_) | Route::CancelRegistration) => {
            lazy::EVENTS.page(route)
        }
        route @ Route::Accessibility => lazy::ACCESSIBILITY.page(route),
        route @ (Route::Staff | Route::StaffCallback) => lazy::STAFF.page(route),
        Route::NotFound(_) => view! { <NotFoundPage/> }.into_any(),
    };
    view! { <Shell>{page}</Shell> }
}
