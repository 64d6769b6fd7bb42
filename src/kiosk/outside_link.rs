//! Links to other sites. Normally a plain link; on a kiosk, which must not leave the app, the
//! link text stays as text next to a "Continue on your phone" button (from the kiosk chunk)
//! that shows the address as a QR code.

use super::{kiosk_part, Part};
use crate::web::device::is_kiosk;
use leptos::prelude::*;

/// A link to `href` on another site (or a document file), with `children` as its text.
#[component]
pub fn OutsideLink(
    #[prop(into)] href: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    if is_kiosk() {
        return view! { <span class=class>{children()}</span> " " {kiosk_part(Part::Phone(href))} }
            .into_any();
    }
    view! { <a class=class href=href rel="noopener noreferrer">{children()}</a> }.into_any()
}
