use super::followed_item::item_route;
use super::names;
use crate::components::local_text::LocalText;
use crate::format::day_of;
use crate::i18n::use_i18n;
use crate::router::Link;
use crate::state::follows::store::use_follows;
use crate::state::follows::FeedItem;
use leptos::prelude::*;

/// One change in the feed: "New" when it is, the item (a link that marks it seen), what
/// happened and when.
#[component]
pub(super) fn FeedLine(item: FeedItem) -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let key = item.key();
    let to = item_route(&key);
    let change = item.change;
    let title = change.item_title.clone();
    let seen_title = title.clone();
    let at = change.at;
    view! {
        <li class="os-feed__item" class:os-feed__item--new=item.unread>
            {item.unread.then(|| view! { <span class="os-feed__new">{i18n.tr(|t| t.projects_followed_new)}</span> " " })}
            <span on:click=move |_| follows.mark_seen(&key, Some(seen_title.clone()))>
                <Link to=to class="os-feed__link"><LocalText text=title/></Link>
            </span>
            <span class="os-feed__what">{move || names::change(i18n.t(), i18n.lang(), &change.kind)}</span>
            <time class="os-feed__when" datetime=at.to_string()>{move || day_of(i18n.lang(), at)}</time>
        </li>
    }
}
