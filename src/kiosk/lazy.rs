//! The kiosk's split point (compare `crate::pages::lazy`): the idle guard, the wipe, the
//! "continue on your phone" views and the QR encoder are one wasm chunk, fetched only on a
//! kiosk, so they add nothing to a normal visitor's download.

use super::part::Part;
use leptos::prelude::AnyView;
use leptos::wasm_split::SplitLoaderError;

/// Draws a kiosk part.
pub(crate) type PartFn = fn(Part) -> AnyView;

/// The kiosk chunk's entry: `guard.rs`, `phone.rs`, `qr.rs` (with `qrcodegen`) and `web::wipe`.
#[cfg(feature = "split")]
#[::leptos::wasm_split::wasm_split(
    kiosk,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    return_wrapper(let f = _; { Ok(f) } -> Result<PartFn, SplitLoaderError>)
)]
pub(crate) fn kiosk_chunk() -> PartFn {
    part
}

/// The kiosk chunk's entry (eager without the `split` feature).
#[cfg(not(feature = "split"))]
pub(crate) async fn kiosk_chunk() -> Result<PartFn, SplitLoaderError> {
    Ok(part)
}

fn part(part: Part) -> AnyView {
    use leptos::prelude::*;
    match part {
        Part::Guard {
            idle_seconds,
            start_url,
        } => super::guard::idle_guard(idle_seconds, start_url),
        Part::Phone(href) => view! { <super::phone::PhoneButton href/> }.into_any(),
        Part::PhoneFor { href, labelled_by } => {
            view! { <super::phone::PhoneButton href labelled_by/> }.into_any()
        }
        Part::Qr(href) => view! { <super::phone::QrPanel href/> }.into_any(),
    }
}
