//! Start-up: load the runtime configuration, then mount the app or the config error screen.

use crate::app::App;
use crate::backend::http::get_text;
use crate::components::config_error::ConfigErrorScreen;
use crate::config::{parse, Config, ConfigError};
use crate::web::dom;
use leptos::mount::mount_to;
use leptos::prelude::*;

/// Id of the element the app mounts into; the body is used when the page has none.
pub const MOUNT_ID: &str = "osallistu";

/// Entry point of the browser build.
pub fn start() {
    crate::panic::install();
    wasm_bindgen_futures::spawn_local(async {
        let target = dom::mount_target(MOUNT_ID);
        let base = crate::web::assets::public_url();
        match load_config(&format!("{base}config.json")).await {
            Ok(mut config) => {
                config.resolve_relative_urls(&base);
                let by_url = crate::kiosk::requested_by_url();
                config.kiosk.enabled |= by_url;
                let start = crate::kiosk::start_url(&config.base_path, by_url);
                if config.kiosk.enabled && crate::kiosk::leave_earlier_session(&start) {
                    return;
                }
                mount_app(target, config).forget()
            }
            Err(error) => mount_config_error(target, error).forget(),
        }
    });
}

/// Fetches and validates the configuration.
pub async fn load_config(url: &str) -> Result<Config, ConfigError> {
    let text = get_text(url).await.map_err(|e| ConfigError::Unreachable {
        detail: format!("{url}: {e}"),
    })?;
    parse(&text)
}

/// Mounts the app with a validated configuration into `parent`.
pub fn mount_app(parent: dom::HtmlElement, config: Config) -> UnmountHandle<impl Mountable> {
    mount_to(parent, move || view! { <App config=config.clone()/> })
}

/// Mounts the translated error screen for a broken configuration into `parent`.
pub fn mount_config_error(
    parent: dom::HtmlElement,
    error: ConfigError,
) -> UnmountHandle<impl Mountable> {
    mount_to(
        parent,
        move || view! { <ConfigErrorScreen error=error.clone()/> },
    )
}
