use crate::pages::placeholder::SectionPlaceholder;
use leptos::prelude::*;

/// `/projects`.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    view! { <SectionPlaceholder title=|t| t.projects_title intro=|t| t.projects_intro/> }
}
