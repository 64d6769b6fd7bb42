//! Events and registrations from the configured events backend (the reference server or
//! Linked Events). Pages see domain values or a [`BackendError`] only.

use super::call;
use crate::backend::{linked_events, native, ApiRequest, BackendError};
use crate::config::{Backend, BackendKind};
use crate::domain::{
    AttendeeStatus, CancelHandle, Event, EventQuery, EventSummary, NewRegistration, Page,
    PageQuery, RegistrationOutcome,
};

/// Whether residents can join events here: the backend takes anonymous registrations, or it
/// has a token source for the signed-in user it needs. Otherwise the event page links to the
/// organiser's own sign-up page instead of showing a form that would be refused.
pub fn can_join_here(b: &Backend) -> bool {
    match b.kind {
        BackendKind::Osallistu => true,
        BackendKind::LinkedEvents => {
            linked_events::capabilities().can_register_anonymously || b.auth.is_some()
        }
        BackendKind::Kerrokantasi => false,
    }
}

fn unsupported() -> BackendError {
    BackendError::Rejected { status: 501 }
}

/// One page of events matching `query`.
pub async fn list(
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
pub async fn areas(b: &Backend) -> Result<Vec<crate::domain::Localized>, BackendError> {
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

/// One event with its description.
pub async fn get(b: &Backend, id: &str) -> Result<Event, BackendError> {
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

/// Joins `event`. `key` is the Idempotency-Key of this submission: the same key for every
/// retry of the same form content, so a double submit or a lost answer makes one registration.
pub async fn register(
    b: &Backend,
    event: &Event,
    new: &NewRegistration,
    key: &str,
) -> Result<RegistrationOutcome, BackendError> {
    match b.kind {
        BackendKind::Osallistu => {
            call(
                b,
                native::register(&event.summary.id, new, key),
                true,
                native::parse_registration,
            )
            .await
        }
        BackendKind::LinkedEvents => {
            let registration = event
                .registration_id
                .as_deref()
                .ok_or(BackendError::NotFound)?;
            let held = call(
                b,
                linked_events::reserve_seats(registration, new.seats),
                true,
                linked_events::parse_reservation,
            )
            .await?;
            call(
                b,
                linked_events::sign_up(registration, &held, new),
                true,
                linked_events::parse_signup,
            )
            .await
        }
        _ => Err(unsupported()),
    }
}

/// Cancels a registration with what the confirmation gave. Returns how many waitlisted
/// registrations moved up, when the backend tells.
pub async fn cancel(b: &Backend, handle: &CancelHandle, key: &str) -> Result<u64, BackendError> {
    match (b.kind, handle) {
        (BackendKind::Osallistu, CancelHandle::Token(token)) => {
            let request = native::cancel_registration(token, key);
            call(b, request, false, native::parse_cancellation)
                .await
                .map(|(_, promoted)| promoted)
        }
        (BackendKind::LinkedEvents, CancelHandle::Signups(ids)) => {
            for request in linked_events::cancel(ids) {
                call(b, request, true, linked_events::parse_cancel).await?;
            }
            Ok(0)
        }
        _ => Err(unsupported()),
    }
}

/// The backend's own calendar file for `event` in `lang`, when it offers one (the reference
/// server makes it, so the app carries no iCalendar code).
pub fn calendar_href(b: &Backend, event: &Event, lang: crate::domain::Lang) -> Option<String> {
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

#[derive(serde::Deserialize)]
struct MineW {
    items: Vec<MineItemW>,
}

#[derive(serde::Deserialize)]
struct MineItemW {
    id: u64,
    status: String,
    waitlist_position: Option<u64>,
}

/// This device's registrations on the reference server (`GET me/registrations`) as
/// `(id, status)`, to show a waitlisted registration as attending once the server promoted it.
/// Other backends have no such list: `Ok(None)`.
pub async fn my_registrations(
    b: &Backend,
) -> Result<Option<Vec<(String, AttendeeStatus)>>, BackendError> {
    if b.kind != BackendKind::Osallistu {
        return Ok(None);
    }
    let request = ApiRequest::get("me/registrations", Vec::new());
    let mine = call(b, request, true, |r| r.decode::<MineW>()).await?;
    Ok(Some(
        mine.items
            .into_iter()
            .map(|i| {
                let status = match i.status.as_str() {
                    "attending" => AttendeeStatus::Attending,
                    "waitlisted" => AttendeeStatus::Waitlisted {
                        position: i.waitlist_position,
                    },
                    _ => AttendeeStatus::Cancelled,
                };
                (i.id.to_string(), status)
            })
            .collect(),
    ))
}
