//! Links to other sites. Normally a plain link; on a kiosk, which must not leave the app, the
//! link text stays as text next to a "Continue on your phone" button (from the kiosk chunk)
//! that shows the address as a QR code.

use super::draw::kiosk_part;
use super::part::Part;
use crate::web::device::is_kiosk;
use leptos::prelude::*;

/// A link to `href` on another site (or a document file), with `children` as its text.
#[component]
pub(crate) fn OutsideLink(
    #[prop(into)] href: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    if is_kiosk() {
        // The button is named "Continue on your phone" + this text, so each one says what it
        // opens (WCAG 2.4.4, 2.5.3).
        let id = format!("os-outside-{}", next_id());
        let part = Part::PhoneFor {
            href,
            labelled_by: id.clone(),
        };
        return view! { <span id=id class=class>{children()}</span> " " {kiosk_part(part)} }
            .into_any();
    }
    view! { <a class=class href=href rel="noopener noreferrer">{children()}</a> }.into_any()
}

thread_local! {
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn next_id() -> u32 {
    NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}
