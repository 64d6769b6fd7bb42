//! Events, their registrations' counts and rules, and the keyword sets.

use super::convert;
use super::registration::RegistrationInfo;
use crate::backend::common::text_param;
use crate::backend::request::pair;
use crate::backend::{ApiRequest, ApiResponse, BackendError};
use crate::domain::*;

type R<T> = Result<T, BackendError>;

/// What Linked Events offers: registrations with a waitlist but no waitlist position, no
/// anonymous sign-up and no calendar files (the app makes those itself).
pub(crate) fn capabilities() -> Capabilities {
    Capabilities {
        has_ics: false,
        has_registration: true,
        can_register_anonymously: false,
        has_waitlist: true,
        has_waitlist_position: false,
        can_cancel_with_code: false,
        ..Capabilities::default()
    }
}

/// `GET event/` with filters, places, keywords and registrations included (so a card can say
/// how many places are left without a request per card), in start order. Paging is by page
/// number: `page.offset` should be a multiple of `page.limit` (at most 100).
pub(crate) fn list_events(query: &EventQuery, page: PageQuery) -> ApiRequest {
    let mut q = Vec::new();
    q.extend(query.start.map(|t| pair("start", t)));
    q.extend(query.end.map(|t| pair("end", t)));
    q.extend(text_param("keyword", &query.topic));
    q.extend(query.bounds.map(|(sw, ne)| {
        pair(
            "bbox",
            format!("{},{},{},{}", sw.lng, sw.lat, ne.lng, ne.lat),
        )
    }));
    q.extend(query.online.map(|o| pair("internet_based", o)));
    q.extend(query.free.map(|f| pair("is_free", f)));
    q.extend(text_param("text", &query.text));
    q.push(pair("include", "location,keywords,registration"));
    q.push(pair("sort", "start_time"));
    let size = page.limit.clamp(1, 100);
    q.push(pair("page_size", size));
    let number = page.offset / size + 1;
    if number > 1 {
        q.push(pair("page", number));
    }
    ApiRequest::get("event/", q)
}

/// Reads the answer to [`list_events`]. A page past the end is [`BackendError::NotFound`].
pub(crate) fn parse_events(response: &ApiResponse) -> R<Page<EventSummary>> {
    convert::list(response.decode()?, convert::event_summary)
}

/// `GET event/{id}/?include=location,keywords`.
pub(crate) fn get_event(event_id: &str) -> ApiRequest {
    ApiRequest::get(
        format!("event/{event_id}/"),
        vec![pair("include", "location,keywords")],
    )
}

/// Reads the answer to [`get_event`]. A deleted event is [`BackendError::Gone`].
pub(crate) fn parse_event(response: &ApiResponse) -> R<Event> {
    convert::event(response.decode()?)
}

/// `GET registration/{id}/`: public seat counts of an event's registration.
pub(crate) fn get_registration(registration_id: &str) -> ApiRequest {
    ApiRequest::get(format!("registration/{registration_id}/"), Vec::new())
}

/// Reads the answer to [`get_registration`].
pub(crate) fn parse_registration(response: &ApiResponse) -> R<RegistrationInfo> {
    convert::registration(response.decode()?)
}

/// `GET keyword_set/?include=keywords`: the keyword sets the municipality keeps in Linked
/// Events; their keywords are the topics residents filter events by.
pub(crate) fn list_keyword_sets() -> ApiRequest {
    ApiRequest::get("keyword_set/", vec![pair("include", "keywords")])
}

/// Reads the answer to [`list_keyword_sets`]: the keywords of every set that is not for
/// audiences, each once (none when no set exists: the filter offers no topics then).
pub(crate) fn parse_keyword_sets(response: &ApiResponse) -> R<Vec<Topic>> {
    Ok(convert::keyword_topics(response.decode()?))
}
