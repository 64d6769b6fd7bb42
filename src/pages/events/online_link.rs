//! The online link, from 15 minutes before the start until the end; before that a note saying
//! when it appears. A kiosk shows the link as a QR code instead.

use crate::domain::{online_link_visible, Event};
use crate::i18n::use_i18n;
use crate::kiosk::{kiosk_part, Part};
use crate::web::{clock, device};
use leptos::prelude::*;

/// How often the link's visibility is checked again.
const TICK_MS: i32 = 20_000;

/// The "Taking part online" section (nothing for an event without an online link).
#[component]
pub(crate) fn OnlineLink(event: Signal<Event>) -> impl IntoView {
    let i18n = use_i18n();
    let tick = RwSignal::new(0u32);
    clock::every(TICK_MS, move || tick.update(|n| *n += 1));
    // Only a change of the link or of its visibility redraws the section (an open QR code
    // stays open through the ticks and the refreshes of the event).
    let shown = Memo::new(move |_| {
        tick.track();
        event.with(|e| {
            let url = e.summary.online_url.clone()?;
            Some((url, online_link_visible(&e.summary, clock::now())))
        })
    });
    move || {
        let (url, visible) = shown.get()?;
        let body = if visible && device::is_kiosk() {
            view! { <p>{i18n.tr(|t| t.ev_online_kiosk)}" "{kiosk_part(Part::Phone(url))}</p> }
                .into_any()
        } else if visible {
            view! {
                <p>
                    <a class="os-button os-button--primary" href=url rel="noopener noreferrer" target="_blank">
                        {i18n.tr(|t| t.ev_online_open)}
                    </a>
                </p>
            }
            .into_any()
        } else {
            view! { <p>{i18n.tr(|t| t.ev_online_later)}</p> }.into_any()
        };
        Some(view! {
            <section class="os-ev-online" aria-labelledby="os-ev-online-title">
                <h2 id="os-ev-online-title">{i18n.tr(|t| t.ev_online_title)}</h2>
                {body}
            </section>
        })
    }
}
