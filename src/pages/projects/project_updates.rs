use super::update_entry::UpdateEntry;
use crate::client::projects as client;
use crate::components::load::Loader;
use crate::config::Backend;
use crate::domain::PageQuery;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// How many updates the page shows.
const PAGE: PageQuery = PageQuery {
    offset: 0,
    limit: 50,
};

/// A project's dated updates, newest first.
#[component]
pub(super) fn ProjectUpdates(backend: Backend, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let source = StoredValue::new((backend, id));
    let loader = Loader::new(
        move || source.get_value(),
        move |(backend, id)| async move { client::updates(&backend, &id, PAGE).await },
    );
    loader.view(move |page| {
        let mut items = page.items;
        if items.is_empty() {
            return view! { <p>{i18n.tr(|t| t.projects_updates_none)}</p> }.into_any();
        }
        items.sort_by_key(|u| std::cmp::Reverse(u.published_at));
        view! {
            <ol class="os-timeline">
                {items.into_iter().map(|u| view! { <UpdateEntry update=u/> }).collect_view()}
            </ol>
        }
        .into_any()
    })
}
