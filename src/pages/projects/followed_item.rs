use crate::components::local_text::LocalText;
use crate::domain::{FollowKind, ItemKey, Localized};
use crate::i18n::{fill, use_i18n};
use crate::router::{Link, Route};
use crate::state::follows::store::use_follows;
use leptos::prelude::*;

/// The page of a followed item.
pub(super) fn item_route(key: &ItemKey) -> Route {
    match key.kind {
        FollowKind::Project => Route::Project(key.id.clone()),
        FollowKind::Plan => Route::Plan(key.id.clone()),
        FollowKind::Event => Route::Event(key.id.clone()),
    }
}

/// One followed item: a link to its page (which marks it seen) and its number of new changes.
#[component]
pub(super) fn FollowedItem(key: ItemKey, title: Localized, unread: usize) -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let to = item_route(&key);
    let seen_title = title.clone();
    let text = if title.is_empty() {
        i18n.tr(|t| t.projects_followed_untitled).into_any()
    } else {
        view! { <LocalText text=title/> }.into_any()
    };
    view! {
        <span on:click=move |_| follows.mark_seen(&key, Some(seen_title.clone()))>
            <Link to=to class="os-followed__link">{text}</Link>
        </span>
        " "
        <span class="os-followed__count" class:os-followed__count--new=unread != 0>
            {move || if unread > 0 {
                fill(i18n.t().projects_followed_new_count, &[("count", &unread.to_string())])
            } else {
                i18n.t().projects_followed_none_new.to_owned()
            }}
        </span>
    }
}
