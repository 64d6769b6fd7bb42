//! The staff workspace (`/staff`): municipal staff sign in through the city's OpenID Connect
//! provider and keep up what residents see. Its own chunk with its own strings: a resident
//! never downloads any of it.

mod callback_page;
mod sign_in_panel;
mod staff_page;
mod text;
mod workspace;

use crate::router::Route;
use leptos::prelude::*;
use text::StaffTextGate;

/// The page for a staff route.
pub(crate) fn page(route: Route) -> AnyView {
    let callback = route == Route::StaffCallback;
    view! {
        <StaffTextGate>
            {move || if callback {
                view! { <callback_page::CallbackPage/> }.into_any()
            } else {
                view! { <staff_page::StaffPage/> }.into_any()
            }}
        </StaffTextGate>
    }
    .into_any()
}
