//! The root component: context providers, the shell and the routes.

use crate::components::shell::Shell;
use crate::config::Config;
use crate::i18n::provide_i18n;
use crate::pages::{
    accessibility_page::AccessibilityPage, events_page::EventsPage, followed_page::FollowedPage,
    home_page::HomePage, not_found_page::NotFoundPage, plans_page::PlansPage,
    projects_page::ProjectsPage,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Shares the validated configuration with every component.
pub fn provide_config(config: Config) -> StoredValue<Config> {
    let stored = StoredValue::new(config);
    provide_context(stored);
    stored
}

/// The configuration. Panics outside the app (a programming error).
pub fn use_config() -> StoredValue<Config> {
    expect_context::<StoredValue<Config>>()
}

/// The whole application for one municipality's configuration.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let languages = config.languages.clone();
    let remember = !config.kiosk.enabled;
    let base = config.base_path.clone();
    provide_config(config);
    provide_i18n(languages.offered, languages.default, remember);

    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/plans") view=PlansPage/>
                    <Route path=path!("/projects") view=ProjectsPage/>
                    <Route path=path!("/events") view=EventsPage/>
                    <Route path=path!("/followed") view=FollowedPage/>
                    <Route path=path!("/accessibility") view=AccessibilityPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
