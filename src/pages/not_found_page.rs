use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use leptos::prelude::*;

/// Any address no route matches.
#[component]
pub(crate) fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="os-page os-not-found">
            <PageTitle text=Signal::derive(move || i18n.t().not_found_title.to_owned())/>
            <p>{i18n.tr(|t| t.not_found_text)}</p>
            <p><Link to=Route::Home class="os-button os-button--primary">{i18n.tr(|t| t.not_found_home)}</Link></p>
        </div>
    }
}
