//! The event page's content: title, facts, online link, calendar and follow, description,
//! registration and venue.

use super::event_facts::EventFacts;
use super::event_venue::EventVenue;
use super::online_link::OnlineLink;
use super::registration_section::RegistrationSection;
use crate::client;
use crate::components::follow_button::FollowButton;
use crate::components::load::Loader;
use crate::components::local_text::in_lang;
use crate::components::page_title::PageTitle;
use crate::components::rich_text::RichText;
use crate::config::{backend, Capability};
use crate::domain::{join_state, Event, FollowKind, JoinState};
use crate::i18n::use_i18n;
use crate::router::{Link, Route};
use crate::state::follows::store::use_follows;
use crate::web::clock;
use leptos::prelude::*;

/// The loaded event; `stale` says the last refresh of its places failed.
#[component]
pub(crate) fn EventArticle(event: Loader<Event>, stale: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let events = backend(Capability::Events);
    // The page's fixed parts come from the first answer; places follow the refreshes.
    let first = untrack(|| event.get()).expect("the event page shows a loaded event");
    let current = Signal::derive({
        let first = first.clone();
        move || event.get().unwrap_or_else(|| first.clone())
    });
    // Opening the page marks what is new about the event as seen.
    let follow_key = client::projects::key(&events, FollowKind::Event, &first.summary.id);
    use_follows().mark_seen(&follow_key, Some(first.summary.title.clone()));

    let title = {
        let t = first.summary.title.clone();
        Memo::new(move |_| in_lang(&t, i18n.lang()))
    };
    let status_badge = move || {
        let t = i18n.t();
        match join_state(&current.get().summary, clock::now()) {
            JoinState::Cancelled => Some(t.ev_cancelled_badge),
            JoinState::Past => Some(t.ev_past_badge),
            _ => None,
        }
    };
    // Backend HTML, through the sanitiser (never raw `inner_html`).
    let description = {
        let d = first.description.0.clone();
        Memo::new(move |_| in_lang(&d, i18n.lang()))
    };
    let calendar = {
        let (e, b) = (first.clone(), events.clone());
        move || client::events::calendar_href(&b, &e, i18n.lang())
    };
    view! {
        <article class="os-ev-detail">
            <PageTitle text=Signal::derive(move || title.get().0) lang=Signal::derive(move || title.get().1)/>
            {move || status_badge().map(|b| view! {
                <p class="os-ev-badge os-ev-badge--past os-ev-detail__status">{b}</p>
            })}
            <EventFacts event=first.clone() current=current stale=stale/>
            <OnlineLink event=current/>
            <div class="os-ev-actions">
                {move || calendar().map(|href| view! {
                    <a class="os-button" href=href download="">{i18n.tr(|t| t.ev_add_calendar)}</a>
                })}
                <FollowButton kind=FollowKind::Event backend=events.clone()
                    id=first.summary.id.clone() title=Signal::stored(first.summary.title.clone())/>
            </div>
            <section class="os-ev-description" aria-labelledby="os-ev-desc-title">
                <h2 id="os-ev-desc-title">{i18n.tr(|t| t.ev_description)}</h2>
                <RichText html=Signal::derive(move || description.get().0)
                    lang=Signal::derive(move || description.get().1.map(str::to_owned))/>
            </section>
            {first.project_id.clone().map(|p| view! {
                <p class="os-ev-project">
                    {i18n.tr(|t| t.ev_project)}": "
                    <Link to=Route::Project(p)>{i18n.tr(|t| t.ev_project_link)}</Link>
                </p>
            })}
            <RegistrationSection event=current on_joined=Callback::new(move |()| event.reload())/>
            <EventVenue event=first.clone()/>
            <p><Link to=Route::Events>{i18n.tr(|t| t.ev_back)}</Link></p>
        </article>
    }
}
