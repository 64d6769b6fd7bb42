//! Backend rich text (Kerrokantasi hearing content, plan descriptions, Linked Events
//! descriptions) shown through a real HTML sanitiser, never raw `innerHTML`.
//!
//! The browser's own sanitiser (`Element.setHTML`, the HTML Sanitizer API) is used where it
//! exists; elsewhere DOMPurify, vendored from npm and copied to `dist/vendor/` by Trunk, is loaded
//! on first use. Until it has loaded, and for good if it cannot be, the text is shown as plain
//! text read by an inert parser. Both paths end in the same clean-up (`web::sanitize::policy`).

use crate::kiosk::{kiosk_part, Part};
use crate::web::{dom, sanitize};
use leptos::html;
use leptos::prelude::*;

/// What the component shows: exposed as `data-state` for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    /// Plain text while DOMPurify loads.
    Loading,
    /// Sanitised markup.
    Html,
    /// Plain text: no sanitiser could be had.
    Plain,
}

impl Shown {
    fn as_str(self) -> &'static str {
        match self {
            Shown::Loading => "loading",
            Shown::Html => "html",
            Shown::Plain => "plain",
        }
    }
}

/// Backend HTML in a `<div class="os-rich-text">`, sanitised.
///
/// - `html`: the backend's markup. Elements and attributes outside `web::sanitize::policy` are dropped,
///   links keep only `http(s):`, `mailto:` and `tel:` addresses and get
///   `rel="noopener noreferrer"`, images become their alt text, and headings are shifted so the
///   topmost is an `<h3>` (the page has the `<h1>`, the section an `<h2>`).
/// - `lang`: the language of the text when it may differ from the page's (a fallback
///   translation).
/// - `class`: extra classes for the container.
#[component]
pub fn RichText(
    #[prop(into)] html: Signal<String>,
    #[prop(into, optional)] lang: MaybeProp<String>,
    #[prop(into, optional)] class: MaybeProp<String>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let shown = RwSignal::new(Shown::Loading);
    // Each new `html` value bumps this, so a slow DOMPurify load cannot show an older value.
    let generation = StoredValue::new(0u64);

    Effect::new(move |_| {
        let source = html.get();
        let Some(el) = container.get() else { return };
        let current = generation.get_value().wrapping_add(1);
        generation.set_value(current);
        if let Some(holder) = sanitize::sanitize_now(&source) {
            sanitize::show(&el, &holder);
            shown.set(Shown::Html);
            return;
        }
        el.set_text_content(Some(&sanitize::plain_text(&source)));
        shown.set(Shown::Loading);
        leptos::task::spawn_local(async move {
            let src = format!(
                "{}{}",
                crate::web::assets::public_url(),
                sanitize::DOMPURIFY_PATH
            );
            let loaded = sanitize::ensure_dompurify(&src).await;
            if generation.try_get_value() != Some(current) || !el.is_connected() {
                return;
            }
            match loaded.ok().and_then(|()| sanitize::sanitize_now(&source)) {
                Some(holder) => {
                    sanitize::show(&el, &holder);
                    shown.set(Shown::Html);
                }
                None => shown.set(Shown::Plain),
            }
        });
    });

    let classes = move || {
        let plain = if shown.get() == Shown::Html {
            ""
        } else {
            " os-rich-text--plain"
        };
        match class.get() {
            Some(extra) => format!("os-rich-text{plain} {extra}"),
            None => format!("os-rich-text{plain}"),
        }
    };
    // A kiosk never leaves the app: a link in the text shows its QR code under the text.
    let outside = RwSignal::new(None::<String>);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if !crate::web::device::is_kiosk() {
            return;
        }
        let href = dom::link_href(&ev);
        if let Some(href) = href {
            ev.prevent_default();
            outside.set(Some(href));
        }
    };
    view! {
        <div
            class=classes
            lang=move || lang.get()
            data-state=move || shown.get().as_str()
            node_ref=container
            on:click=on_click
        ></div>
        {move || outside.get().map(|href| kiosk_part(Part::Qr(href)))}
    }
}
