//! The confirmation: attending or waitlisted with a position, and the cancel link and code.

use crate::i18n::{fill, use_i18n};
use crate::router::{use_router, Route};
use crate::state::registrations::Saved;
use crate::web::{device, dom};
use leptos::prelude::*;

const TITLE_ID: &str = "os-ev-confirm-title";

/// The resident's registration; `name` right after joining (the heading then takes the focus,
/// and the name the registration was made in is shown, isolated as typed).
#[component]
pub(crate) fn Confirmation(
    saved: Saved,
    #[prop(optional, into)] name: Option<String>,
) -> impl IntoView {
    let just_now = name.is_some();
    let i18n = use_i18n();
    let router = use_router();
    if just_now {
        Effect::new(move |_| {
            request_animation_frame(move || {
                dom::focus_id(TITLE_ID);
            })
        });
    }
    let link = format!(
        "{}{}#{}",
        dom::location_origin(),
        router.href(&Route::CancelRegistration),
        saved.code
    );
    let status = {
        let s = saved.clone();
        move || {
            let t = i18n.t();
            match (s.status.as_str(), s.position) {
                ("waitlisted", Some(p)) => {
                    fill(t.ev_status_waitlisted, &[("position", &p.to_string())])
                }
                ("waitlisted", None) => t.ev_status_waitlisted_unknown.to_owned(),
                _ if s.seats > 1 => fill(
                    t.ev_status_attending_seats,
                    &[("seats", &s.seats.to_string())],
                ),
                _ => t.ev_status_attending.to_owned(),
            }
        }
    };
    let kiosk = device::is_kiosk();
    let link_view = if kiosk {
        view! { <span>{link}</span> }.into_any()
    } else {
        view! { <a href=link data-testid="ev-cancel-link">{i18n.tr(|t| t.ev_cancel_link)}</a> }
            .into_any()
    };
    view! {
        <section class="os-ev-confirm" aria-labelledby=TITLE_ID data-status=saved.status.clone()>
            <h2 id=TITLE_ID class="os-ev-confirm__title" tabindex="-1">
                {move || if just_now { i18n.t().ev_confirm_title } else { i18n.t().ev_your_registration }}
            </h2>
            <p class="os-ev-confirm__status">{status}</p>
            {name.map(|n| view! {
                <p class="os-ev-confirm__name">{i18n.tr(|t| t.ev_registered_as)}": "<bdi>{n}</bdi></p>
            })}
            <h3>{i18n.tr(|t| t.ev_cancel_how)}</h3>
            <p>{i18n.tr(|t| t.ev_cancel_link_text)}</p>
            <p class="os-ev-confirm__link">{link_view}</p>
            <p>
                {i18n.tr(|t| t.ev_cancel_code)}": "
                <code class="os-ev-confirm__code" data-testid="ev-cancel-code">{saved.code.clone()}</code>
            </p>
            <p class="os-ev-confirm__keep">
                {move || if kiosk { i18n.t().ev_keep_kiosk } else { i18n.t().ev_keep_device }}
            </p>
        </section>
    }
}
