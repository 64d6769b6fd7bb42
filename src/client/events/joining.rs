//! Joining and cancelling, and this device's registrations.

use super::reading::unsupported;
use crate::backend::{http, linked_events, native, ApiRequest, BackendError};
use crate::client::{auth, call};
use crate::config::{Backend, BackendKind};
use crate::domain::{
    AttendeeStatus, CancelHandle, Event, NewRegistration, RegistrationOutcome, SeatHold,
};
use crate::web::clock;

/// Whether residents can join events here: the backend takes anonymous registrations, or it
/// has a token source for the signed-in user it needs. Otherwise the event page links to the
/// organiser's own sign-up page instead of showing a form that would be refused.
pub(crate) fn can_join_here(b: &Backend) -> bool {
    match b.kind {
        BackendKind::Osallistu => true,
        BackendKind::LinkedEvents => {
            linked_events::capabilities().can_register_anonymously || b.auth.is_some()
        }
        BackendKind::Kerrokantasi => false,
    }
}

/// What one try to join gave: the outcome, and the places still held for the next try.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attempt {
    pub(crate) result: Result<RegistrationOutcome, BackendError>,
    /// Places held (Linked Events) after a refused or unanswered sign-up: the next try uses
    /// them, and [`release`] gives them back when the resident leaves.
    pub(crate) hold: Option<SeatHold>,
}

/// Joins `event`. `key` is the Idempotency-Key of this submission: the same key for every
/// retry of the same form content, so a double submit or a lost answer makes one registration.
/// `hold` is what the previous try of this resident held (Linked Events): it is used again
/// rather than holding more places.
pub(crate) async fn register(
    b: &Backend,
    event: &Event,
    new: &NewRegistration,
    key: &str,
    hold: Option<SeatHold>,
) -> Attempt {
    match b.kind {
        BackendKind::Osallistu => Attempt {
            result: call(
                b,
                native::register(&event.summary.id, new, key),
                true,
                native::parse_registration,
            )
            .await,
            hold: None,
        },
        BackendKind::LinkedEvents => match event.registration_id.as_deref() {
            Some(registration) => sign_up(b, registration, new, hold).await,
            None => Attempt {
                result: Err(BackendError::NotFound),
                hold,
            },
        },
        _ => Attempt {
            result: Err(unsupported()),
            hold,
        },
    }
}

/// Holds `seats` places: the previous hold when it still stands (changed to `seats`), else a
/// new one.
async fn hold_seats(
    b: &Backend,
    registration: &str,
    seats: u64,
    previous: Option<SeatHold>,
) -> Result<SeatHold, BackendError> {
    if let Some(h) = previous.filter(|h| h.usable(clock::now())) {
        if h.seats == seats {
            return Ok(h);
        }
        let request = linked_events::update_seats(registration, &h, seats);
        if let Ok(changed) = call(b, request, true, linked_events::parse_reservation).await {
            return Ok(changed);
        }
        release_now(b, registration, &h);
    }
    let request = linked_events::reserve_seats(registration, seats);
    call(b, request, true, linked_events::parse_reservation).await
}

/// Linked Events: holds places (or reuses the hold), then signs up with its code. A hold that
/// is gone by then (expired, given back) is replaced once, unless a lost answer may have used
/// it: then the resident is told the registration may have been received.
async fn sign_up(
    b: &Backend,
    registration: &str,
    new: &NewRegistration,
    previous: Option<SeatHold>,
) -> Attempt {
    let maybe_used = previous.as_ref().is_some_and(|h| h.maybe_used);
    let mut hold = match hold_seats(b, registration, new.seats, previous).await {
        Ok(h) => h,
        Err(e) => {
            return Attempt {
                result: Err(e),
                hold: None,
            }
        }
    };
    let kept = |e: BackendError, mut hold: SeatHold| {
        hold.maybe_used = answer_lost(&e);
        Attempt {
            result: Err(e),
            hold: Some(hold),
        }
    };
    let request = linked_events::sign_up(registration, &hold, new);
    match call(b, request, true, linked_events::parse_signup).await {
        Ok(outcome) => {
            return Attempt {
                result: Ok(outcome),
                hold: None,
            }
        }
        Err(e) if linked_events::hold_gone(&e) && maybe_used => {
            let code = "maybe_registered".into();
            return Attempt {
                result: Err(BackendError::Conflict { code }),
                hold: None,
            };
        }
        Err(e) if linked_events::hold_gone(&e) => {
            hold = match hold_seats(b, registration, new.seats, None).await {
                Ok(h) => h,
                Err(e) => {
                    return Attempt {
                        result: Err(e),
                        hold: None,
                    }
                }
            };
        }
        Err(e) => return kept(e, hold),
    }
    let request = linked_events::sign_up(registration, &hold, new);
    match call(b, request, true, linked_events::parse_signup).await {
        Ok(outcome) => Attempt {
            result: Ok(outcome),
            hold: None,
        },
        Err(e) => kept(e, hold),
    }
}

/// Whether a failed send may still have reached the backend (no answer, or a fault): a retry
/// must not make a second registration.
pub(crate) fn answer_lost(error: &BackendError) -> bool {
    matches!(
        error,
        BackendError::Network(_)
            | BackendError::Timeout
            | BackendError::Server { .. }
            | BackendError::RateLimited { .. }
    )
}

/// Gives back the places of `hold` (the resident left the form, or the page is closing). Sent
/// so that it completes even as the page closes; its answer is not awaited (a hold that is
/// not given back ends by itself).
pub(crate) fn release(b: &Backend, event: &Event, hold: &SeatHold) {
    if let (BackendKind::LinkedEvents, Some(registration)) =
        (b.kind, event.registration_id.as_deref())
    {
        release_now(b, registration, hold);
    }
}

fn release_now(b: &Backend, registration: &str, hold: &SeatHold) {
    let request = linked_events::release_seats(registration, hold);
    http::send_keepalive(&b.base_url, &request, auth::held(b).as_deref());
}

/// Cancels a registration with what the confirmation gave. Returns how many waitlisted
/// registrations moved up, when the backend tells.
pub(crate) async fn cancel(
    b: &Backend,
    handle: &CancelHandle,
    key: &str,
) -> Result<u64, BackendError> {
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
pub(crate) async fn my_registrations(
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
