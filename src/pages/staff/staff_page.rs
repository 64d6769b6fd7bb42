//! `/staff`: sign in, or the workspace of the signed-in person.

use super::sign_in_panel::SignInPanel;
use super::text::use_staff_text;
use super::workspace::Workspace;
use crate::client::staff::{staff_state, StaffState};
use crate::components::page_title::PageTitle;
use crate::config::use_config;
use leptos::prelude::*;

#[component]
pub(super) fn StaffPage() -> impl IntoView {
    let s = use_staff_text();
    let configured = use_config().with_value(|c| c.staff.is_some());
    let kiosk = crate::web::device::is_kiosk();
    let state = staff_state();
    let body = move || {
        if kiosk {
            return view! { <p class="os-page__intro">{s.tr(|t| t.staff_kiosk)}</p> }.into_any();
        }
        if !configured {
            return view! { <p class="os-page__intro">{s.tr(|t| t.staff_not_configured)}</p> }
                .into_any();
        }
        match state.get() {
            StaffState::SignedIn { name, .. } => view! { <Workspace name/> }.into_any(),
            other => view! { <SignInPanel state=other/> }.into_any(),
        }
    };
    view! {
        <div class="os-page os-staff">
            <PageTitle text=Signal::derive(move || s.t().staff_title.to_owned())/>
            {body}
        </div>
    }
}
