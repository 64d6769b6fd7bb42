//! Registrations to events: join (with a waitlist), cancel by a secret code, my registrations.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::api::auth::Participant;
use crate::api::extract::{path_id, JsonBody, PathParam};
use crate::api::query::Items;
use crate::db::registrations::{self, Cancelled, NewRegistration, Registered, Registration};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::secrets::{new_secret, sha256_hex};
use crate::time::now;
use crate::validate::plain_text;
use crate::AppState;

pub const MAX_SEATS: i64 = 10;

fn one_seat() -> i64 {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationIn {
    name: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(
        default = "one_seat",
        deserialize_with = "crate::validate::json_int::one"
    )]
    seats: i64,
}

fn valid_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !host.is_empty()
        && !tld.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && e.chars().count() <= 254
        && !e
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
}

#[derive(Serialize)]
pub struct RegistrationCreated {
    #[serde(flatten)]
    registration: Registration,
    cancel_token: String,
}

pub async fn register(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    Participant(me): Participant,
    JsonBody(body): JsonBody<RegistrationIn>,
) -> ApiResult<impl IntoResponse> {
    let event_id = path_id(&raw, "event")?;
    let mut errors: Vec<FieldError> = Vec::new();
    let name = plain_text(&body.name, "/name", 1, 100, false)
        .map_err(|e| errors.push(e))
        .ok();
    // Checked as sent (no trimming), so the documented pattern holds exactly.
    let email = match body.email.as_deref() {
        None => None,
        Some(e) if valid_email(e) => Some(e.to_owned()),
        Some(_) => {
            errors.push(FieldError::new(
                "/email",
                "invalid_email",
                "not a valid email address",
            ));
            None
        }
    };
    let seats = body.seats;
    if !(1..=MAX_SEATS).contains(&seats) {
        errors.push(FieldError::new(
            "/seats",
            "out_of_range",
            format!("seats must be between 1 and {MAX_SEATS}"),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    state
        .limiter
        .check(&format!("registration:p:{me}"))
        .await
        .map_err(ApiError::rate_limited)?;
    let token = new_secret();
    let new = NewRegistration {
        event_id,
        participant: me,
        name: name.unwrap_or_default(),
        email,
        seats,
        cancel_token_hash: sha256_hex(token.as_bytes()),
    };
    let registration = match registrations::register(&state.db, new, now()).await? {
        Registered::Done(r) => r,
        Registered::EventNotFound => return Err(ApiError::not_found("event")),
        Registered::Closed => {
            return Err(ApiError::conflict(
                "registration_closed",
                "Registration closed",
                "this event no longer takes registrations",
            ))
        }
        Registered::ExceedsCapacity => {
            return Err(ApiError::field(
                "/seats",
                "exceeds_capacity",
                "more seats than the event has",
            ))
        }
        Registered::AlreadyRegistered => {
            return Err(ApiError::conflict(
                "already_registered",
                "Already registered",
                "this participant already has a registration for the event",
            ))
        }
    };
    let location = format!(
        "/api/v1/events/{event_id}/registrations/{}",
        registration.id
    );
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(RegistrationCreated {
            registration,
            cancel_token: token,
        }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancelIn {
    cancel_token: String,
}

#[derive(Serialize)]
pub struct CancelOut {
    #[serde(flatten)]
    registration: Registration,
    promoted_count: usize,
}

pub async fn cancel(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<CancelIn>,
) -> ApiResult<Json<CancelOut>> {
    let token = body.cancel_token.trim().to_owned();
    if token.is_empty() || body.cancel_token.chars().count() > 200 {
        return Err(ApiError::field(
            "/cancel_token",
            "invalid",
            "not a cancellation token",
        ));
    }
    match registrations::cancel(&state.db, &sha256_hex(token.as_bytes()), now()).await? {
        Cancelled::Done {
            registration,
            promoted,
        } => Ok(Json(CancelOut {
            registration,
            promoted_count: promoted,
        })),
        Cancelled::NotFound => Err(ApiError::not_found("registration")),
        Cancelled::AlreadyCancelled => Err(ApiError::conflict(
            "already_cancelled",
            "Already cancelled",
            "this registration was already cancelled",
        )),
    }
}

pub async fn my_registrations(
    State(state): State<AppState>,
    Participant(me): Participant,
) -> ApiResult<Json<Items<Registration>>> {
    Ok(Json(Items {
        items: registrations::of_participant(&state.db, me).await?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(valid_email("maija@example.fi"));
        assert!(!valid_email("maija@"));
        assert!(!valid_email("no at sign"));
        assert!(!valid_email("a b@example.fi"));
    }
}
