//! "Continue on your phone" (in the kiosk chunk): a button that shows an address as a QR code,
//! with the address written out under it.

use super::qr::{encode, QUIET_ZONE};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The button; the QR panel opens under it.
#[component]
pub(crate) fn PhoneButton(
    href: String,
    /// The id of the text that says what `href` is; the button's name is "Continue on your
    /// phone" followed by that text.
    #[prop(optional, into)]
    labelled_by: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let own = labelled_by.as_ref().map(|l| format!("{l}-phone"));
    let names = own
        .as_ref()
        .zip(labelled_by)
        .map(|(o, l)| format!("{o} {l}"));
    view! {
        <button
            type="button"
            id=own
            aria-labelledby=names
            class="os-button os-button--small os-kiosk-phone"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {i18n.tr(|t| t.kiosk_phone)}
        </button>
        {move || open.get().then(|| view! { <QrPanel href=href.clone()/> })}
    }
}

/// The QR code of `href` and `href` as text.
#[component]
pub(crate) fn QrPanel(href: String) -> impl IntoView {
    let i18n = use_i18n();
    let text = href.clone();
    view! {
        <span class="os-qr" role="group" aria-label=i18n.tr(|t| t.kiosk_phone)>
            <span class="os-qr__hint">{i18n.tr(|t| t.kiosk_qr_hint)}</span>
            {qr_view(href)}
            <span class="os-qr__url" data-testid="kiosk-qr-url">{text}</span>
        </span>
    }
}

/// The QR code of `text` as an inline SVG. Nothing is shown for text too long for a QR code;
/// the caller shows the text itself under the code in any case.
pub(crate) fn qr_view(text: String) -> AnyView {
    let i18n = use_i18n();
    let Some(matrix) = encode(&text) else {
        return ().into_any();
    };
    let side = matrix.size() + 2 * QUIET_ZONE;
    let edge = format!("-{QUIET_ZONE}");
    let view_box = format!("{edge} {edge} {side} {side}");
    view! {
        <svg
            class="os-qr__code"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=view_box
            shape-rendering="crispEdges"
            role="img"
            aria-label=i18n.tr(|t| t.kiosk_qr_label)
            data-testid="kiosk-qr"
        >
            <rect x=edge.clone() y=edge width=side height=side fill="#fff"/>
            <path d=matrix.svg_path() fill="#000"/>
        </svg>
    }
    .into_any()
}
