//! `/events/:id`: loads the event, keeps its places fresh while the page is open, and shows
//! the event once it has arrived (a refresh updates the counts in place, never the form).

use super::event_article::EventArticle;
use crate::client;
use crate::components::load::{LoadStatus, Loader, Status};
use crate::components::page_title::PageTitle;
use crate::config::{backend, Capability};
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use crate::web::clock;
use leptos::prelude::*;

/// Places are fetched again this often while the page is open.
const REFRESH_MS: i32 = 30_000;

/// `/events/:id`.
#[component]
pub(crate) fn EventPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let event = Loader::new(
        move || id.clone(),
        move |id| {
            let b = backend(Capability::Events);
            async move { client::events::get(&b, &id).await }
        },
    );
    let shown = Memo::new(move |_| event.with(|e| e.is_some()));
    clock::every(REFRESH_MS, move || {
        if shown.get_untracked() {
            event.reload();
        }
    });
    // Once the event is shown, a failed refresh only marks the places as possibly old.
    let stale = Signal::derive(move || shown.get() && matches!(event.status(), Status::Failed(_)));
    let status = Signal::derive(move || match event.status() {
        Status::Failed(_) if shown.get() => Status::Ready,
        other => other,
    });
    view! {
        <div class="os-page os-ev-page">
            {move || (!shown.get()).then(|| view! {
                <PageTitle text=Signal::derive(move || i18n.t().events_title.to_owned())/>
            })}
            <LoadStatus status=status has_value=shown retry=event.retry()>
                <Link to=Route::Events>{i18n.tr(|t| t.ev_back)}</Link>
            </LoadStatus>
            {move || shown.get().then(|| view! { <EventArticle event=event stale=stale/> })}
        </div>
    }
}
