//! The signed-in person's workspace: who they are, their roles as the server reads them, and
//! signing out.

use super::text::{use_staff_text, StaffText};
use crate::client::staff::{me, sign_out, StaffRole};
use crate::components::load::Loader;
use crate::config::use_config;
use crate::i18n::fill;
use crate::i18n::StaffStrings;
use leptos::prelude::*;

/// The translated name of a role code; an unknown code is shown as it is.
fn role_name(t: &'static StaffStrings, role: &StaffRole) -> String {
    let name = match role.role.as_str() {
        "admin" => t.staff_role_admin,
        "editor" => t.staff_role_editor,
        "moderator" => t.staff_role_moderator,
        "responder" => t.staff_role_responder,
        "coordinator" => t.staff_role_coordinator,
        "analyst" => t.staff_role_analyst,
        other => other,
    };
    match &role.unit {
        Some(unit) => fill(t.staff_role_unit, &[("role", name), ("unit", unit)]),
        None => name.to_owned(),
    }
}

#[component]
pub(super) fn Workspace(name: Option<String>) -> impl IntoView {
    let s = use_staff_text();
    let config = use_config();
    let base = config.with_value(|c| c.backends.projects.base_url.clone());
    let loader = Loader::new(move || base.clone(), me);
    let who = name.clone().unwrap_or_default();
    let out = move |_| {
        if let Some(cfg) = config.with_value(|c| c.staff.clone()) {
            sign_out(&cfg, &config.with_value(|c| c.base_path.clone()));
        }
    };
    view! {
        <section class="os-staff__who" aria-labelledby="os-staff-who">
            <h2 id="os-staff-who">
                {move || fill(s.t().staff_signed_in_as, &[("name", &who)])}
            </h2>
            {loader.view(move |me| roles(s, me.roles))}
            <button type="button" class="os-button" on:click=out>{s.tr(|t| t.staff_sign_out)}</button>
        </section>
    }
}

fn roles(s: StaffText, roles: Vec<StaffRole>) -> AnyView {
    if roles.is_empty() {
        return view! { <p class="os-staff__notice" role="status">{s.tr(|t| t.staff_no_roles)}</p> }
            .into_any();
    }
    view! {
        <h3>{s.tr(|t| t.staff_roles)}</h3>
        <ul class="os-staff__roles">
            {roles.into_iter().map(|r| view! { <li>{move || role_name(s.t(), &r)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
