//! Projects, follows, events and registrations on the reference server.

use super::{bbox, convert, keyed, paging, R};
use crate::backend::common::text_param;
use crate::backend::request::pair;
use crate::backend::{ApiRequest, ApiResponse};
use crate::domain::*;
use serde_json::json;

/// `GET projects` with filters and paging.
pub(crate) fn list_projects(query: &ProjectQuery, page: PageQuery) -> ApiRequest {
    let mut q = Vec::new();
    q.extend(query.status.map(|s| pair("status", s.code())));
    q.extend(text_param("q", &query.text));
    q.extend(paging(page));
    ApiRequest::get("projects", q)
}

/// Reads the answer to [`list_projects`].
pub(crate) fn parse_projects(response: &ApiResponse) -> R<Page<ProjectSummary>> {
    convert::page(response.decode()?, convert::project_summary)
}

/// `GET projects/{id}`.
pub(crate) fn get_project(project_id: &str) -> ApiRequest {
    ApiRequest::get(format!("projects/{project_id}"), Vec::new())
}

/// Reads the answer to [`get_project`].
pub(crate) fn parse_project(response: &ApiResponse) -> R<Project> {
    convert::project(response.decode()?)
}

/// `GET projects/{id}/updates`, newest first.
pub(crate) fn list_project_updates(project_id: &str, page: PageQuery) -> ApiRequest {
    ApiRequest::get(
        format!("projects/{project_id}/updates"),
        paging(page).to_vec(),
    )
}

/// Reads the answer to [`list_project_updates`].
pub(crate) fn parse_project_updates(response: &ApiResponse) -> R<Page<ProjectUpdate>> {
    convert::page(response.decode()?, convert::project_update)
}

/// Reads the answer to a follow or unfollow (`me::follow`, `me::unfollow`).
pub(crate) fn parse_follow(response: &ApiResponse) -> R<FollowState> {
    Ok(convert::follow(response.decode()?))
}

/// `GET events` with filters and paging.
pub(crate) fn list_events(query: &EventQuery, page: PageQuery) -> ApiRequest {
    let mut q = Vec::new();
    q.extend(query.start.map(|t| pair("start", t)));
    q.extend(query.end.map(|t| pair("end", t)));
    q.extend(text_param("topic", &query.topic));
    q.extend(query.bounds.map(bbox));
    q.extend(query.online.map(|o| pair("online", o)));
    q.extend(query.free.map(|f| pair("free", f)));
    q.extend(text_param("q", &query.text));
    q.extend(text_param("area", &query.area));
    q.extend(paging(page));
    ApiRequest::get("events", q)
}

/// `GET events/areas`: the areas of the town that have events.
pub(crate) fn list_event_areas() -> ApiRequest {
    ApiRequest::get("events/areas", Vec::new())
}

/// Reads the answer to [`list_event_areas`].
pub(crate) fn parse_event_areas(response: &ApiResponse) -> R<Vec<Localized>> {
    let w: super::wire::AreasW = response.decode()?;
    Ok(w.items.into_iter().map(Localized::from).collect())
}

/// Reads the answer to [`list_events`].
pub(crate) fn parse_events(response: &ApiResponse) -> R<Page<EventSummary>> {
    convert::page(response.decode()?, convert::event_summary)
}

/// `GET events/{id}`.
pub(crate) fn get_event(event_id: &str) -> ApiRequest {
    ApiRequest::get(format!("events/{event_id}"), Vec::new())
}

/// Reads the answer to [`get_event`].
pub(crate) fn parse_event(response: &ApiResponse) -> R<Event> {
    convert::event(response.decode()?)
}

/// `POST events/{id}/registrations` (name, optional e-mail, seats).
pub(crate) fn register(event_id: &str, new: &NewRegistration, idempotency_key: &str) -> ApiRequest {
    let mut body = json!({"name": new.name.trim(), "seats": new.seats});
    if let Some(email) = new.email.as_deref().filter(|e| !e.trim().is_empty()) {
        body["email"] = json!(email.trim());
    }
    let path = format!("events/{event_id}/registrations");
    keyed(ApiRequest::post(path, Some(body)), idempotency_key)
}

/// Reads the answer to [`register`]: attending or waitlisted, with the cancel token.
pub(crate) fn parse_registration(response: &ApiResponse) -> R<RegistrationOutcome> {
    convert::registration(response.decode()?)
}

/// `POST registrations/cancel` with the secret token.
pub(crate) fn cancel_registration(cancel_token: &str, idempotency_key: &str) -> ApiRequest {
    let body = json!({"cancel_token": cancel_token});
    keyed(
        ApiRequest::post("registrations/cancel", Some(body)),
        idempotency_key,
    )
}

/// Reads the answer to [`cancel_registration`]: the status now (cancelled) and how many
/// waitlisted registrations moved up.
pub(crate) fn parse_cancellation(response: &ApiResponse) -> R<(AttendeeStatus, u64)> {
    let w: super::wire::RegistrationW = response.decode()?;
    let promoted = w.promoted_count.unwrap_or(0);
    Ok((convert::attendee_status(&w)?, promoted))
}
