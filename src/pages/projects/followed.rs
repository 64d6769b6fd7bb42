use super::format;
use crate::client::projects as client;
use crate::components::page_title::PageTitle;
use crate::domain::{FollowKind, Localized};
use crate::i18n::{fill, use_i18n};
use crate::router::{Link, Route};
use crate::state::follows::store::use_follows;
use crate::state::follows::{FeedItem, ItemKey};
use crate::web::device::is_kiosk;
use leptos::prelude::*;

fn route(key: &ItemKey) -> Route {
    match key.kind {
        FollowKind::Project => Route::Project(key.id.clone()),
        FollowKind::Plan => Route::Plan(key.id.clone()),
        FollowKind::Event => Route::Event(key.id.clone()),
    }
}

/// `/followed`: everything followed, grouped by kind with the number of new changes, and the
/// feed of changes, newest first. Opening an item marks it seen.
#[component]
pub fn FollowedPage() -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let backends = client::follow_backends();
    let refresh = move || {
        let backends = backends.clone();
        leptos::task::spawn_local(async move {
            client::refresh(follows, &backends).await;
            // What this page shows needs no browser notification later.
            follows.take_unannounced();
        });
    };
    refresh();
    let feed = Memo::new(move |_| follows.feed());
    // A title for every item: the stored one, else the newest one the backend sent.
    let title_of = move |key: &ItemKey, stored: &Localized| -> Localized {
        if !stored.is_empty() {
            return stored.clone();
        }
        feed.with(|f| {
            f.iter()
                .find(|i| &i.key() == key)
                .map(|i| i.change.item_title.clone())
                .unwrap_or_default()
        })
    };
    let groups = move || {
        let book = follows.book();
        let counts = feed.with(|f| book.unread_counts(f));
        book.groups()
            .into_iter()
            .map(|(kind, entries)| {
                let rows: Vec<(ItemKey, Localized, usize)> = entries
                    .into_iter()
                    .map(|e| {
                        let n = counts.iter().find(|(k, _)| k == &e.key).map_or(0, |c| c.1);
                        (e.key.clone(), title_of(&e.key, &e.title), n)
                    })
                    .collect();
                (kind, rows)
            })
            .collect::<Vec<_>>()
    };
    let retry = refresh.clone();

    view! {
        <div class="os-page os-followed">
            <PageTitle text=Signal::derive(move || i18n.t().followed_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.followed_intro)}</p>
            {is_kiosk().then(|| view! { <p class="os-notice">{i18n.tr(|t| t.followed_kiosk_note)}</p> })}
            <super::notify::NotifyButton/>
            {move || follows.failed().then(|| {
                let retry = retry.clone();
                view! {
                    <div class="os-error" role="alert">
                        <p>{move || fill(i18n.t().followed_error, &[("reason", i18n.t().backend_error_network)])}</p>
                        <button type="button" class="os-button" on:click=move |_| retry()>
                            {i18n.tr(|t| t.followed_retry)}
                        </button>
                    </div>
                }
            })}
            {move || {
                let groups = groups();
                if groups.is_empty() {
                    return view! { <p class="os-notice">{i18n.tr(|t| t.followed_empty)}</p> }.into_any();
                }
                groups.into_iter().map(|(kind, rows)| view! {
                    <section class="os-followed__group" aria-labelledby=format!("os-followed-{}", kind.code())>
                        <h2 id=format!("os-followed-{}", kind.code())>{move || format::group(i18n.t(), kind)}</h2>
                        <ul class="os-followed__list">
                            {rows.into_iter().map(|(key, title, n)| view! {
                                <li class="os-followed__item"><Item key=key title=title unread=n/></li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view().into_any()
            }}
            <section class="os-followed__feed" aria-labelledby="os-followed-feed">
                <h2 id="os-followed-feed">{i18n.tr(|t| t.followed_feed_heading)}</h2>
                {move || {
                    let items = feed.get();
                    if items.is_empty() {
                        return view! { <p>{i18n.tr(|t| t.followed_feed_empty)}</p> }.into_any();
                    }
                    view! {
                        <ol class="os-feed">
                            {items.into_iter().map(|item| view! { <FeedLine item=item/> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        </div>
    }
}

/// One followed item: a link to its page (which marks it seen) and its number of new changes.
#[component]
fn Item(key: ItemKey, title: Localized, unread: usize) -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let to = route(&key);
    let seen_key = key.clone();
    let seen_title = title.clone();
    let text = move || match title.text(i18n.lang()) {
        "" => i18n.t().followed_untitled.to_owned(),
        t => t.to_owned(),
    };
    view! {
        <span on:click=move |_| follows.mark_seen(&seen_key, Some(seen_title.clone()))>
            <Link to=to class="os-followed__link">{text}</Link>
        </span>
        " "
        <span class="os-followed__count" class:os-followed__count--new=move || unread != 0>
            {move || if unread > 0 {
                fill(i18n.t().followed_new_count, &[("count", &unread.to_string())])
            } else {
                i18n.t().followed_none_new.to_owned()
            }}
        </span>
    }
}

/// One change in the feed.
#[component]
fn FeedLine(item: FeedItem) -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let key = item.key();
    let to = route(&key);
    let change = item.change;
    let title = change.item_title.clone();
    let seen_title = title.clone();
    let at = change.at;
    view! {
        <li class="os-feed__item" class:os-feed__item--new=item.unread>
            {item.unread.then(|| view! { <span class="os-feed__new">{i18n.tr(|t| t.followed_new)}</span> " " })}
            <span on:click=move |_| follows.mark_seen(&key, Some(seen_title.clone()))>
                <Link to=to class="os-feed__link">{move || title.text(i18n.lang()).to_owned()}</Link>
            </span>
            <span class="os-feed__what">{move || format::change(i18n.t(), i18n.lang(), &change.kind)}</span>
            <time class="os-feed__when" datetime=at.to_string()>{move || crate::format::day_of(i18n.lang(), at)}</time>
        </li>
    }
}
