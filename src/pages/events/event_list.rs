//! The events as a list of cards, nearest first when the resident asked, with "Show more".

use super::event_card::EventCard;
use super::view_switch::{current_view, View};
use crate::backend::BackendError;
use crate::client;
use crate::components::load::{LoadStatus, Loader};
use crate::config::{backend, Capability};
use crate::domain::{distance_m, sort_nearest, EventQuery, EventSummary, LatLng, Page, PageQuery};
use crate::i18n::{fill, use_i18n};
use leptos::prelude::*;

/// The events loaded for one query, page after page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Listed {
    /// The query the pages answer.
    pub(crate) query: EventQuery,
    pub(crate) items: Vec<EventSummary>,
    pub(crate) next: Option<PageQuery>,
    pub(crate) total: Option<u64>,
}

impl Listed {
    pub(crate) fn new(query: EventQuery, page: Page<EventSummary>) -> Listed {
        Listed {
            query,
            items: page.items,
            next: page.next,
            total: page.total,
        }
    }

    /// Events matching in all (those loaded when the backend does not say).
    pub(crate) fn count(&self) -> u64 {
        self.total.unwrap_or(self.items.len() as u64)
    }

    /// Adds the next page, if it answers the same query.
    fn append(&mut self, query: &EventQuery, page: Page<EventSummary>) {
        if *query == self.query {
            self.items.extend(page.items);
            self.next = page.next;
            self.total = page.total.or(self.total);
        }
    }
}

type More = (EventQuery, Result<Page<EventSummary>, BackendError>);

/// The list under the filters (hidden, not removed, while the calendar shows).
#[component]
pub(crate) fn EventList(list: Loader<Listed>, here: RwSignal<Option<LatLng>>) -> impl IntoView {
    let i18n = use_i18n();
    let more = Action::new_local(move |(query, page): &(EventQuery, PageQuery)| {
        let (query, page, b) = (query.clone(), *page, backend(Capability::Events));
        async move {
            let result = client::events::list(&b, &query, page).await;
            (query, result) as More
        }
    });
    Effect::new(move |_| {
        let Some((query, result)) = more.value().get() else {
            return;
        };
        match result {
            Ok(page) => list.update(|l| l.append(&query, page)),
            Err(e) => leptos::logging::warn!("more events: {e}"),
        }
    });
    let hidden = move || current_view() == View::Calendar;
    let has_value = Signal::derive(move || list.with(|l| l.is_some()));
    let cards = move || {
        let mut items = list.with(|l| l.map(|l| l.items.clone()))?;
        if items.is_empty() {
            return Some(view! { <p class="os-notice">{i18n.tr(|t| t.ev_none)}</p> }.into_any());
        }
        // Nearest first among the events shown (online ones after the located).
        let here = here.get();
        if let Some(here) = here {
            sort_nearest(&mut items, here, |e| {
                e.venue.as_ref().and_then(|v| v.location)
            });
        }
        let next = list.with(|l| l.and_then(|l| l.next.map(|n| (l.query.clone(), n))));
        Some(
            view! {
                <h2 class="os-ev-list__title" hidden=hidden>{i18n.tr(|t| t.ev_list_title)}</h2>
                <ul class="os-ev-list" hidden=hidden>
                    {items.into_iter().map(|e| {
                        let distance = here.and_then(|h| {
                            let at = e.venue.as_ref()?.location?;
                            let d = crate::format::distance(i18n.lang(), distance_m(h, at));
                            Some(fill(i18n.t().near_me_distance, &[("distance", &d)]))
                        });
                        view! { <EventCard event=e distance=distance/> }
                    }).collect_view()}
                </ul>
                {next.map(|next| view! {
                    <button type="button" class="os-button os-ev-more" hidden=hidden
                        disabled=move || more.pending().get()
                        on:click=move |_| { more.dispatch_local(next.clone()); }>
                        {i18n.tr(|t| t.ev_more)}
                    </button>
                })}
            }
            .into_any(),
        )
    };
    view! {
        <LoadStatus status=list.status_signal() has_value=has_value retry=list.retry()/>
        {cards}
    }
}
