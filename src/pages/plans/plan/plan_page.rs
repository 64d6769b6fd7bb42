//! `/plans/:id`: loads the plan, then shows it.

use super::plan_view::PlanView;
use crate::client;
use crate::components::load::{LoadStatus, Loader, Status};
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub(crate) fn PlanPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let backend = StoredValue::new(backend(Capability::Plans));
    let plan = Loader::new(
        move || id.clone(),
        move |id| {
            let backend = backend.get_value();
            async move { client::plans::get(&backend, &id).await }
        },
    );
    let has_plan = Signal::derive(move || plan.with(|p| p.is_some()));
    // Until the plan is there, the heading says what is going on.
    let heading = move || {
        let t = i18n.t();
        match plan.status() {
            Status::Failed(_) => t.plans_not_available,
            _ => t.plans_loading,
        }
        .to_owned()
    };
    view! {
        <div class="os-page os-plan">
            {move || (!has_plan.get()).then(|| view! { <PageTitle text=Signal::derive(heading)/> })}
            <LoadStatus status=plan.status_signal() has_value=has_plan retry=plan.retry()>
                " "
                <Link to=Route::Plans class="os-button">{i18n.tr(|t| t.plans_back_to_list)}</Link>
            </LoadStatus>
            {move || plan.get().map(|p| view! { <PlanView plan=p backend=backend.get_value()/> })}
        </div>
    }
}
