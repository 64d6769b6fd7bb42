//! List, calendar or map: the view of the events page, kept in the address (`?view=map`).

use super::filters::key;
use crate::i18n::{use_i18n, Strings};
use crate::router::use_router;
use leptos::prelude::*;

/// How the events are shown; the list is always there below a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum View {
    List,
    Calendar,
    Map,
}

impl View {
    /// The view's value in the address (none for the list).
    fn code(self) -> Option<&'static str> {
        match self {
            View::List => None,
            View::Calendar => Some("calendar"),
            View::Map => Some("map"),
        }
    }

    /// The view an address value names (the list for anything else).
    pub(crate) fn from_code(code: Option<&str>) -> View {
        match code {
            Some("calendar") => View::Calendar,
            Some("map") => View::Map,
            _ => View::List,
        }
    }

    fn label(self, t: &'static Strings) -> &'static str {
        match self {
            View::List => t.ev_view_list,
            View::Calendar => t.ev_view_calendar,
            View::Map => t.ev_view_map,
        }
    }
}

/// The current view (tracked).
pub(crate) fn current_view() -> View {
    View::from_code(use_router().query(key::VIEW).as_deref())
}

/// Three toggle buttons, the chosen one pressed.
#[component]
pub(crate) fn ViewSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let button = move |v: View| {
        view! {
            <button
                type="button"
                class="os-button os-ev-mode__button"
                aria-pressed=move || if current_view() == v { "true" } else { "false" }
                on:click=move |_| router.set_query(key::VIEW, v.code())
            >
                {move || v.label(i18n.t())}
            </button>
        }
    };
    view! {
        <div class="os-ev-mode" role="group" aria-label=i18n.tr(|t| t.ev_view_label)>
            {button(View::List)}
            {button(View::Calendar)}
            {button(View::Map)}
        </div>
    }
}
