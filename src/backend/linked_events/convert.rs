//! Linked Events wire types → domain values. The only place the two meet.

use super::registration::{with_registration, RegistrationInfo};
use super::wire::*;
use crate::backend::common::{bad, event_time, geometry, opt_timestamp, timestamp};
use crate::backend::BackendError;
use crate::domain::*;

type R<T> = Result<T, BackendError>;

fn opt_translated(w: Option<TranslatedW>) -> Localized {
    w.map(Localized::from).unwrap_or_default()
}

/// The id at the end of a link such as `…/v1/place/ledev:puisto/`.
pub(super) fn id_of(url: &str) -> String {
    url.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(url)
        .to_string()
}

/// `page` and `page_size` of the `next` link, as an offset and a limit.
fn next_page(next: Option<&str>) -> Option<PageQuery> {
    let query = next?.split_once('?')?.1;
    let param = |key: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.parse::<u64>().ok())
    };
    let page = param("page")?.max(1);
    let limit = param("page_size").unwrap_or(20);
    Some(PageQuery {
        offset: (page - 1) * limit,
        limit,
    })
}

pub(super) fn list<W, T>(w: ListW<W>, item: impl Fn(W) -> R<T>) -> R<Page<T>> {
    Ok(Page {
        items: w.data.into_iter().map(item).collect::<R<_>>()?,
        total: Some(w.meta.count),
        next: next_page(w.meta.next.as_deref()),
    })
}

/// Street, postal code and town in each language the street address has.
fn address(street: Localized, postal_code: Option<&str>, town: &Localized) -> Option<Localized> {
    let line = |lang: Lang| {
        let (street, used) = street.get(lang)?;
        if used != lang {
            return None;
        }
        let place = [postal_code.unwrap_or(""), town.text(lang)].join(" ");
        Some(match place.trim() {
            "" => street.to_string(),
            place => format!("{street}, {place}"),
        })
    };
    let a = Localized::new(line(Lang::Fi), line(Lang::Sv), line(Lang::En));
    (!a.is_empty()).then_some(a)
}

fn venue(w: LinkW) -> R<Venue> {
    let location = match w.position.as_ref().map(geometry).transpose()?.flatten() {
        None => None,
        Some(Geometry::Point(p)) => Some(p),
        Some(_) => return Err(bad("a place position must be a point")),
    };
    let town = opt_translated(w.address_locality);
    Ok(Venue {
        name: opt_translated(w.name),
        address: address(
            opt_translated(w.street_address),
            w.postal_code.as_deref(),
            &town,
        ),
        location,
        area: None,
        accessibility: None,
    })
}

pub(super) fn event_summary(w: EventW) -> R<EventSummary> {
    event(w).map(|e| e.summary)
}

/// The registration of an event: its id, and its counts when they came with the event.
fn registration_of(w: Option<serde_json::Value>) -> R<(Option<String>, Option<RegistrationInfo>)> {
    let Some(value) = w else {
        return Ok((None, None));
    };
    let link: LinkW = serde_json::from_value(value.clone())
        .map_err(|e| bad(format!("registration link: {e}")))?;
    let id = Some(id_of(&link.at_id));
    if value.get("remaining_attendee_capacity").is_none() {
        return Ok((id, None));
    }
    let full: RegistrationW =
        serde_json::from_value(value).map_err(|e| bad(format!("included registration: {e}")))?;
    Ok((id, Some(registration(full)?)))
}

pub(super) fn event(w: EventW) -> R<Event> {
    let online = w
        .location
        .as_ref()
        .is_some_and(|l| id_of(&l.at_id).ends_with(":internet"));
    let venue = match w.location {
        Some(place) if !online && place.id.is_some() => Some(venue(place)?),
        _ => None,
    };
    let start = w
        .start_time
        .as_deref()
        .ok_or_else(|| bad("event without start_time"))?;
    let offer = w.offers.into_iter().next();
    let online_url = w
        .external_links
        .into_iter()
        .find(|l| l.name == "extlink_stream")
        .map(|l| l.link);
    let (registration_id, counts) = registration_of(w.registration)?;
    let status = match w.event_status.as_str() {
        "EventScheduled" => EventStatus::Scheduled,
        "EventRescheduled" => EventStatus::Rescheduled,
        "EventPostponed" => EventStatus::Postponed,
        "EventCancelled" => EventStatus::Cancelled,
        other => return Err(bad(format!("unknown event_status {other}"))),
    };
    let summary = EventSummary {
        id: w.id,
        title: Localized::from(w.name),
        summary: opt_translated(w.short_description),
        topics: w
            .keywords
            .into_iter()
            .map(|k| Topic {
                id: id_of(&k.at_id),
                name: opt_translated(k.name),
            })
            .collect(),
        start: event_time(start)?,
        end: w.end_time.as_deref().map(event_time).transpose()?,
        time_zone: None,
        venue,
        online,
        online_url,
        is_free: offer.as_ref().map(|o| o.is_free),
        price: offer.and_then(|o| o.price).map(Localized::from),
        seats: Seats::default(),
        seats_known: false,
        enrolment: Enrolment {
            opens: opt_timestamp(w.enrolment_start_time.as_deref())?,
            closes: opt_timestamp(w.enrolment_end_time.as_deref())?,
            open_now: None,
        },
        has_registration: registration_id.is_some(),
        status,
        updated_at: opt_timestamp(w.last_modified_time.as_deref())?,
    };
    let event = Event {
        summary,
        description: RichText(opt_translated(w.description)),
        info_url: w.info_url.map(Localized::from),
        calendar_url: None,
        project_id: None,
        registration_id,
        max_group_size: None,
        signup_fields: Vec::new(),
        unknown_signup_fields: Vec::new(),
        organiser: w.provider.map(Localized::from).filter(|p| !p.is_empty()),
        signup_url: None,
    };
    Ok(match counts {
        Some(info) => with_registration(event, &info),
        None => event,
    })
}

pub(super) fn registration(w: RegistrationW) -> R<RegistrationInfo> {
    let mut signup_fields = Vec::new();
    let mut unknown_fields = Vec::new();
    for code in w.mandatory_fields {
        match SignupField::from_code(&code) {
            Some(f) => signup_fields.push(f),
            None => unknown_fields.push(code),
        }
    }
    // An age limit makes the date of birth required of every sign-up.
    if w.audience_min_age.is_some_and(|a| a > 0) || w.audience_max_age.is_some_and(|a| a > 0) {
        signup_fields.push(SignupField::BirthDate);
    }
    Ok(RegistrationInfo {
        id: w.id.to_string(),
        seats: Seats {
            capacity: w.maximum_attendee_capacity,
            remaining: w.remaining_attendee_capacity,
            waitlist_count: w.current_waiting_list_count,
            waitlist_remaining: w.remaining_waiting_list_capacity,
        },
        enrolment: Enrolment {
            opens: opt_timestamp(w.enrolment_start_time.as_deref())?,
            closes: opt_timestamp(w.enrolment_end_time.as_deref())?,
            open_now: None,
        },
        max_group_size: w.maximum_group_size,
        signup_fields,
        unknown_fields,
        signup_url: w.signup_url.map(Localized::from),
    })
}

pub(super) fn reservation(w: SeatsReservationW) -> R<SeatHold> {
    Ok(SeatHold {
        id: w.id.to_string(),
        code: w.code,
        seats: w.seats,
        waitlisted: w.in_waitlist,
        expires: timestamp(&w.expiration)?,
        maybe_used: false,
    })
}

/// The keywords of the keyword sets meant for keywords, each once, in order.
pub(super) fn keyword_topics(w: ListW<KeywordSetW>) -> Vec<Topic> {
    let mut out: Vec<Topic> = Vec::new();
    let sets = w.data.into_iter();
    for k in sets
        .filter(|s| s.usage.as_deref() != Some("audience"))
        .flat_map(|s| s.keywords)
    {
        let topic = Topic {
            id: id_of(&k.at_id),
            name: opt_translated(k.name),
        };
        if !topic.name.is_empty() && !out.iter().any(|t| t.id == topic.id) {
            out.push(topic);
        }
    }
    out
}

pub(super) fn attendee_status(w: &SignupW) -> R<AttendeeStatus> {
    Ok(match w.attendee_status.as_str() {
        "attending" => AttendeeStatus::Attending,
        "waitlisted" => AttendeeStatus::Waitlisted { position: None },
        other => return Err(bad(format!("unknown attendee_status {other}"))),
    })
}

pub(super) fn signups(w: Vec<SignupW>) -> R<RegistrationOutcome> {
    let first = w.first().ok_or_else(|| bad("no sign-ups in the answer"))?;
    let status = attendee_status(first)?;
    Ok(RegistrationOutcome {
        id: first.id.to_string(),
        status,
        seats: w.len() as u64,
        cancel: CancelHandle::Signups(w.iter().map(|s| s.id.to_string()).collect()),
    })
}
