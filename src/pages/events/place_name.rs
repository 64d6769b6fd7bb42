//! Where an event is, in words: the venue's name, "Online", or both.

use crate::components::local_text::LocalText;
use crate::domain::EventSummary;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The venue's name (marked with its language when it is another), and "Online" for an event
/// held online.
#[component]
pub(crate) fn PlaceName(event: EventSummary) -> impl IntoView {
    let i18n = use_i18n();
    let online = event.online;
    match event.venue {
        Some(v) => view! {
            <LocalText text=v.name/>
            {online.then(|| view! { " · "{i18n.tr(|t| t.ev_online)} })}
        }
        .into_any(),
        None => view! { {i18n.tr(|t| t.ev_online)} }.into_any(),
    }
}
