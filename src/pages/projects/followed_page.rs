use super::feed_line::FeedLine;
use super::followed_item::FollowedItem;
use super::names;
use super::notify_button::NotifyButton;
use crate::client::follows::follow_backends;
use crate::components::load::{LoadStatus, Loader};
use crate::components::page_title::PageTitle;
use crate::domain::Localized;
use crate::i18n::use_i18n;
use crate::state::follows::store::use_follows;
use crate::state::follows::sync::refresh;
use crate::state::follows::ItemKey;
use crate::web::device::is_kiosk;
use leptos::prelude::*;

/// `/followed`: everything followed, grouped by kind with the number of new changes, and the
/// feed of changes, newest first. What the device knows shows at once; the backends are asked
/// for news as the page opens ("Try again" when they cannot be reached). Opening an item marks
/// it seen.
#[component]
pub(super) fn FollowedPage() -> impl IntoView {
    let i18n = use_i18n();
    let follows = use_follows();
    let check = Loader::new(follow_backends, move |backends| async move {
        let outcome = refresh(follows, &backends).await;
        // What this page shows needs no browser notification later.
        follows.take_unannounced();
        outcome
    });
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

    view! {
        <div class="os-page os-followed">
            <PageTitle text=Signal::derive(move || i18n.t().followed_title.to_owned())/>
            <p class="os-page__intro">{i18n.tr(|t| t.followed_intro)}</p>
            {is_kiosk().then(|| view! { <p class="os-notice">{i18n.tr(|t| t.projects_followed_kiosk_note)}</p> })}
            <NotifyButton/>
            <LoadStatus status=check.status_signal() has_value=true retry=check.retry()/>
            {move || {
                let groups = groups();
                if groups.is_empty() {
                    return view! { <p class="os-notice">{i18n.tr(|t| t.projects_followed_empty)}</p> }.into_any();
                }
                groups.into_iter().map(|(kind, rows)| view! {
                    <section class="os-followed__group" aria-labelledby=format!("os-followed-{}", kind.code())>
                        <h2 id=format!("os-followed-{}", kind.code())>{move || names::group(i18n.t(), kind)}</h2>
                        <ul class="os-followed__list">
                            {rows.into_iter().map(|(key, title, n)| view! {
                                <li class="os-followed__item"><FollowedItem key=key title=title unread=n/></li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view().into_any()
            }}
            <section class="os-followed__feed" aria-labelledby="os-followed-feed">
                <h2 id="os-followed-feed">{i18n.tr(|t| t.projects_followed_feed_heading)}</h2>
                {move || {
                    let items = feed.get();
                    if items.is_empty() {
                        return view! { <p>{i18n.tr(|t| t.projects_followed_feed_empty)}</p> }.into_any();
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
