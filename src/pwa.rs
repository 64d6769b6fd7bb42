//! The installable app: the manifest in the resident's language, the service worker
//! (`public/sw.js`: app shell and viewed pages for reading offline) and what the app shows
//! about both: an "offline" notice and a "new version" offer. The browser calls are in
//! `web::service_worker`.

use crate::i18n::I18n;
use crate::web::{device, dom, listen, service_worker};
use leptos::prelude::*;

/// What the connection notices show.
#[derive(Clone, Copy)]
pub(crate) struct Pwa {
    /// The browser says there is no network.
    pub(crate) offline: RwSignal<bool>,
    /// A new version of the app is installed and waits to take over.
    pub(crate) update_ready: RwSignal<bool>,
}

/// Starts the PWA parts for the app served from `public_url` and provides [`Pwa`].
pub(crate) fn start(public_url: &str, i18n: I18n) -> Pwa {
    let pwa = Pwa {
        offline: RwSignal::new(!dom::online()),
        update_ready: RwSignal::new(false),
    };
    provide_context(pwa);
    listen::listen(listen::On::Window, &["offline"], move |_| {
        pwa.offline.set(true)
    });
    listen::listen(listen::On::Window, &["online"], move |_| {
        pwa.offline.set(false)
    });

    // The manifest in the current language (the server makes it from config.json).
    let base = public_url.to_owned();
    Effect::new(move |_| {
        service_worker::set_manifest(&format!(
            "{base}manifest.webmanifest?lang={}",
            i18n.lang().code()
        ));
    });

    // A kiosk keeps no offline copies of what residents viewed (see `crate::kiosk`).
    if !device::is_kiosk() {
        service_worker::register(
            &format!("{public_url}sw.js"),
            public_url,
            move || {
                let _ = pwa.update_ready.try_set(true);
            },
            // When the new version takes over, load it (only after the resident chose
            // "Update").
            move || {
                if pwa.update_ready.try_get_untracked() == Some(true) {
                    dom::reload();
                }
            },
        );
    }
    pwa
}

/// Lets the waiting version take over; the page reloads when it has (drafts are saved on
/// every change, so nothing typed is lost).
pub(crate) fn apply_update() {
    service_worker::take_over();
}

/// The shared state, when the app started it.
pub(crate) fn use_pwa() -> Option<Pwa> {
    use_context::<Pwa>()
}
