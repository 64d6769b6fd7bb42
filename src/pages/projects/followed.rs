use crate::pages::placeholder::SectionPlaceholder;
use leptos::prelude::*;

/// `/followed`.
#[component]
pub fn FollowedPage() -> impl IntoView {
    view! { <SectionPlaceholder title=|t| t.followed_title intro=|t| t.followed_intro/> }
}
