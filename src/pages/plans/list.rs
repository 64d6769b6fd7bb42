use crate::pages::placeholder::SectionPlaceholder;
use leptos::prelude::*;

/// `/plans`.
#[component]
pub fn PlansPage() -> impl IntoView {
    view! { <SectionPlaceholder title=|t| t.plans_title intro=|t| t.plans_intro/> }
}
