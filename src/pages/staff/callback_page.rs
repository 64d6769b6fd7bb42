//! `/staff/callback`: the sign-in service sends staff back here with a one-time code; the page
//! finishes signing in and shows the workspace in place of this address.

use super::text::use_staff_text;
use crate::client::staff::complete;
use crate::components::page_title::PageTitle;
use crate::config::use_config;
use crate::router::{use_router, Route};
use crate::web::dom;
use leptos::prelude::*;

#[component]
pub(super) fn CallbackPage() -> impl IntoView {
    let s = use_staff_text();
    let router = use_router();
    let config = use_config();
    let pairs = crate::router::parse_query(&dom::location_search());
    leptos::task::spawn_local(async move {
        let (cfg, base) = config.with_value(|c| (c.staff.clone(), c.base_path.clone()));
        let next = match cfg {
            Some(cfg) => complete(&cfg, &base, &pairs).await.ok(),
            None => None,
        };
        // The code is spent either way: the address must not stay in history.
        let route = next
            .map(|p| Route::parse(&p))
            .filter(|r| matches!(r, Route::Staff));
        router.replace(route.unwrap_or(Route::Staff));
    });
    view! {
        <div class="os-page os-staff">
            <PageTitle text=Signal::derive(move || s.t().staff_title.to_owned())/>
            <p class="os-page__intro" role="status">{s.tr(|t| t.staff_working)}</p>
        </div>
    }
}
