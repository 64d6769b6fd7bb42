use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// Any address no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="os-page os-not-found">
            <PageTitle text=Signal::derive(move || i18n.t().not_found_title.to_owned())/>
            <p>{move || i18n.t().not_found_text}</p>
            <p><A href="/" attr:class="os-button os-button--primary">{move || i18n.t().not_found_home}</A></p>
        </div>
    }
}
