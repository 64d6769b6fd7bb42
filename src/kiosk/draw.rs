//! How the rest of the app asks for a part of the kiosk chunk.

use super::lazy;
use super::part::Part;
use leptos::prelude::*;

/// `part`, drawn once the kiosk chunk has loaded. A chunk that does not arrive (the network is
/// down) is asked for again every few seconds: a kiosk must not run without its reset.
pub(crate) fn kiosk_part(part: Part) -> impl IntoView {
    let draw = RwSignal::new(None::<lazy::PartFn>);
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    leptos::task::spawn_local(async move {
        loop {
            if let Ok(f) = lazy::kiosk_chunk().await {
                if alive.try_get_value() == Some(true) {
                    draw.set(Some(f));
                }
                return;
            }
            crate::web::clock::sleep(5_000).await;
            if alive.try_get_value() != Some(true) {
                return;
            }
        }
    });
    move || draw.get().map(|f| f(part.clone()))
}
