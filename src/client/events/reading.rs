//! Reading events: lists, the areas and topics the list filters by, one event.

use crate::backend::{linked_events, native, BackendError};
use crate::client::call;
use crate::config::{Backend, BackendKind};
use crate::domain::{Event, EventQuery, EventSummary, Page, PageQuery, Topic};

pub(super) fn unsupported() -> BackendError {
    BackendError::Rejected { status: 501 }
}

/// One page of events matching `query`.
pub(crate) async fn list(
    b: &Backend,
    query: &EventQuery,
    page: PageQuery,
) -> Result<Page<EventSummary>, BackendError> {
    match b.kind {
        BackendKind::Osallistu => {
            call(
                b,
                native::list_events(query, page),
                false,
                native::parse_events,
            )
            .await
        }
        BackendKind::LinkedEvents => {
            call(
                b,
                linked_events::list_events(query, page),
                false,
                linked_events::parse_events,
            )
            .await
        }
        _ => Err(unsupported()),
    }
}

/// The areas of the town that have events, for the list's filter. Backends without areas
/// give none (and the filter is not shown).
pub(crate) async fn areas(b: &Backend) -> Result<Vec<crate::domain::Localized>, BackendError> {
    match b.kind {
        BackendKind::Osallistu => {
            call(
                b,
                native::list_event_areas(),
                false,
                native::parse_event_areas,
            )
            .await
        }
        _ => Ok(Vec::new()),
    }
}

/// The topics events can be filtered by, when the backend names its own: Linked Events'
/// keyword sets (their keywords, by id). The reference server's topic codes are the app's own
/// (none here).
pub(crate) async fn topics(b: &Backend) -> Result<Vec<Topic>, BackendError> {
    match b.kind {
        BackendKind::LinkedEvents => {
            call(
                b,
                linked_events::list_keyword_sets(),
                false,
                linked_events::parse_keyword_sets,
            )
            .await
        }
        _ => Ok(Vec::new()),
    }
}

/// One event with its description.
pub(crate) async fn get(b: &Backend, id: &str) -> Result<Event, BackendError> {
    match b.kind {
        BackendKind::Osallistu => call(b, native::get_event(id), false, native::parse_event).await,
        BackendKind::LinkedEvents => {
            let event = call(
                b,
                linked_events::get_event(id),
                false,
                linked_events::parse_event,
            )
            .await?;
            // Seats, the sign-up window and the form's rules live on the registration.
            let Some(registration) = event.registration_id.clone() else {
                return Ok(event);
            };
            let info = call(
                b,
                linked_events::get_registration(&registration),
                false,
                linked_events::parse_registration,
            )
            .await?;
            Ok(linked_events::with_registration(event, &info))
        }
        _ => Err(unsupported()),
    }
}

/// The backend's own calendar file for `event` in `lang`, when it offers one (the reference
/// server makes it, so the app carries no iCalendar code).
pub(crate) fn calendar_href(
    b: &Backend,
    event: &Event,
    lang: crate::domain::Lang,
) -> Option<String> {
    let url = event.calendar_url.as_deref()?;
    let sep = if url.contains('?') { '&' } else { '?' };
    // A root-relative address is on the backend's host (which may not be the app's).
    let origin = match b.base_url.split_once("://") {
        Some((scheme, rest)) if url.starts_with('/') => {
            let host = rest.split('/').next().unwrap_or("");
            format!("{scheme}://{host}")
        }
        _ => String::new(),
    };
    Some(format!("{origin}{url}{sep}lang={}", lang.code()))
}
