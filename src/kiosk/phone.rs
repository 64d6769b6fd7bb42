//! "Continue on your phone" (in the kiosk chunk): a button that shows an address as a QR code,
//! with the address written out under it.

use super::qr::qr_view;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The button; the QR panel opens under it.
#[component]
pub fn PhoneButton(href: String) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
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
pub fn QrPanel(href: String) -> impl IntoView {
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
