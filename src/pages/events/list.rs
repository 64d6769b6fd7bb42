use crate::pages::placeholder::SectionPlaceholder;
use leptos::prelude::*;

/// `/events`.
#[component]
pub fn EventsPage() -> impl IntoView {
    view! { <SectionPlaceholder title=|t| t.events_title intro=|t| t.events_intro/> }
}
