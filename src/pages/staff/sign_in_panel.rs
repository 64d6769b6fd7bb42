//! The sign-in button, with what happened to the last attempt.

use super::text::use_staff_text;
use crate::backend::oidc::OidcError;
use crate::client::staff::{sign_in, StaffState};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::router::Route;
use leptos::prelude::*;

#[component]
pub(super) fn SignInPanel(state: StaffState) -> impl IntoView {
    let s = use_staff_text();
    let i18n = use_i18n();
    let config = use_config();
    let working = state == StaffState::Working;
    let start = Action::new_local(move |_: &()| {
        let (cfg, base) = config.with_value(|c| (c.staff.clone(), c.base_path.clone()));
        let return_to = Route::Staff.path();
        let lang = i18n.lang();
        async move {
            if let Some(cfg) = cfg {
                let _ = sign_in(&cfg, &base, lang, &return_to).await;
            }
        }
    });
    let notice = match state {
        StaffState::Ended => Some(s.tr(|t| t.staff_ended)),
        StaffState::Failed(OidcError::Network) => Some(s.tr(|t| t.staff_error_network)),
        StaffState::Failed(OidcError::Provider) => Some(s.tr(|t| t.staff_error_provider)),
        StaffState::Failed(OidcError::Denied(_)) => Some(s.tr(|t| t.staff_error_denied)),
        StaffState::Failed(OidcError::Rejected | OidcError::Expired) => {
            Some(s.tr(|t| t.staff_error_rejected))
        }
        _ => None,
    };
    let signed_out = state == StaffState::SignedOut && notice.is_none();
    view! {
        <section class="os-staff__sign-in" aria-labelledby="os-staff-sign-in-title">
            <h2 id="os-staff-sign-in-title">{s.tr(|t| t.staff_sign_in_title)}</h2>
            {notice.map(|text| view! { <p class="os-staff__notice" role="alert">{text}</p> })}
            {signed_out.then(|| view! { <p>{s.tr(|t| t.staff_intro)}</p> })}
            <p>{s.tr(|t| t.staff_sign_in_hint)}</p>
            <button
                type="button"
                class="os-button os-button--primary"
                aria-disabled=move || (working || start.pending().get()).then_some("true")
                on:click=move |_| {
                    if !start.pending().get_untracked() {
                        start.dispatch(());
                    }
                }
            >
                {move || if working || start.pending().get() { s.t().staff_working } else { s.t().staff_sign_in }}
            </button>
        </section>
    }
}
