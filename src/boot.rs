//! Start-up: load the runtime configuration, then mount the app or the config error screen.

use crate::app::App;
use crate::backend::http::get_text;
use crate::components::config_error::ConfigErrorScreen;
use crate::config::{parse, Config, ConfigError};
use crate::domain::Lang;
use crate::i18n;
use crate::web::dom;
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

/// Id of the element the app mounts into; the body is used when the page has none.
pub(crate) const MOUNT_ID: &str = "osallistu";

/// Entry point of the browser build.
pub fn start() {
    crate::panic::install();
    wasm_bindgen_futures::spawn_local(async {
        let base = crate::web::assets::public_url();
        // The strings of the likely language load beside the configuration (the release build
        // has none compiled in); the configuration may still pick another language.
        let guess = i18n::initial_language(&Lang::ALL, Lang::Fi, true);
        let (config, _) = join(
            load_config(&format!("{base}config.json")),
            ensure_strings(&base, guess),
        )
        .await;
        match config {
            Ok(mut config) => {
                config.resolve_relative_urls(&base);
                let by_url = crate::kiosk::requested_by_url();
                config.kiosk.enabled |= by_url;
                let start = crate::kiosk::start_url(&config.base_path, by_url);
                if config.kiosk.enabled && crate::kiosk::leave_earlier_session(&start) {
                    return;
                }
                let languages = &config.languages;
                let lang = i18n::initial_language(
                    &languages.offered,
                    languages.default,
                    !config.kiosk.enabled,
                );
                if !ensure_strings(&base, lang).await {
                    return no_strings();
                }
                mount_app(dom::mount_target(MOUNT_ID), config).forget()
            }
            Err(error) => {
                if i18n::loaded(guess).is_none() {
                    return no_strings();
                }
                mount_config_error(dom::mount_target(MOUNT_ID), error).forget()
            }
        }
    });
}

/// Fetches and installs the strings of `lang` unless they are here; true when they are.
async fn ensure_strings(base: &str, lang: Lang) -> bool {
    if i18n::loaded(lang).is_some() {
        return true;
    }
    match get_text(&format!("{base}{}", i18n::table_path(lang))).await {
        Ok(text) => i18n::install(lang, &text).is_some(),
        Err(_) => false,
    }
}

/// The app's [`i18n::TableLoader`]: a language's strings from beside the app's files.
fn load_table(lang: Lang) -> Pin<Box<dyn Future<Output = bool>>> {
    Box::pin(async move { ensure_strings(&crate::web::assets::public_url(), lang).await })
}

/// Without any strings the app cannot say anything: a plain notice in the three languages,
/// with a link that tries again.
fn no_strings() {
    dom::prepend_alert(
        "os-no-strings",
        "os-root os-panic",
        "Osallistu",
        "Sivua ei voitu ladata. – Sidan kunde inte laddas. – The page could not be loaded.",
        ("↻", &dom::location_href()),
    );
}

/// Runs two futures at the same time and waits for both.
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                ra = x;
                rb = y;
                Poll::Pending
            }
        }
    })
    .await
}

/// Fetches and validates the configuration.
pub(crate) async fn load_config(url: &str) -> Result<Config, ConfigError> {
    let text = get_text(url).await.map_err(|e| ConfigError::Unreachable {
        detail: format!("{url}: {e}"),
    })?;
    parse(&text)
}

/// Mounts the app with a validated configuration into `parent`.
pub fn mount_app(parent: dom::HtmlElement, config: Config) -> UnmountHandle<impl Mountable> {
    mount_to(
        parent,
        move || view! { <App config=config.clone() load_table=load_table/> },
    )
}

/// Mounts the translated error screen for a broken configuration into `parent`.
pub fn mount_config_error(
    parent: dom::HtmlElement,
    error: ConfigError,
) -> UnmountHandle<impl Mountable> {
    mount_to(
        parent,
        move || view! { <ConfigErrorScreen error=error.clone() load_table=load_table/> },
    )
}
