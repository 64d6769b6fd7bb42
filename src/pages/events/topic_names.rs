//! An event's topics in words.

use super::labels::topic_name;
use crate::components::local_text::LocalText;
use crate::domain::Topic;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The topics, comma separated: the backend's own names (Linked Events keywords, marked with
/// their language when it is another), else the topic codes named in the resident's language
/// (the reference server sends codes only).
#[component]
pub(crate) fn TopicNames(topics: Vec<Topic>) -> impl IntoView {
    let i18n = use_i18n();
    topics
        .into_iter()
        .enumerate()
        .map(|(i, topic)| {
            let name = if topic.name.is_empty() {
                let code = topic.id;
                view! { {move || topic_name(i18n.t(), &code)} }.into_any()
            } else {
                view! { <LocalText text=topic.name/> }.into_any()
            };
            view! { {(i > 0).then_some(", ")}{name} }
        })
        .collect_view()
}
