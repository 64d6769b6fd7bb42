//! What the reference-server adapter's request builders share: paging, bounding boxes,
//! idempotency keys, and what the server can do.

use crate::backend::request::pair;
use crate::backend::{ApiRequest, BackendError};
use crate::domain::*;

pub(crate) type R<T> = Result<T, BackendError>;

/// What the reference server offers.
pub(crate) fn capabilities() -> Capabilities {
    Capabilities {
        can_report_comments: true,
        can_vote_anonymously: true,
        can_unvote: true,
        knows_own_votes: true,
        has_comment_areas: true,
        has_replies: true,
        has_plan_phases: true,
        can_follow: true,
        can_follow_anonymously: true,
        has_ics: true,
        has_registration: true,
        can_register_anonymously: true,
        has_waitlist: true,
        has_waitlist_position: true,
        can_cancel_with_code: true,
        has_projects: true,
    }
}

pub(crate) fn paging(page: PageQuery) -> [(String, String); 2] {
    [pair("limit", page.limit), pair("offset", page.offset)]
}

pub(crate) fn bbox((sw, ne): (LatLng, LatLng)) -> (String, String) {
    pair(
        "bbox",
        format!("{},{},{},{}", sw.lng, sw.lat, ne.lng, ne.lat),
    )
}

pub(crate) fn keyed(mut request: ApiRequest, idempotency_key: &str) -> ApiRequest {
    request.idempotency_key = Some(idempotency_key.to_string());
    request
}
