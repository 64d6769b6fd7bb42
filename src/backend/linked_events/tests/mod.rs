//! Contract tests on real Linked Events answers (tests/fixtures/linkedevents) and the
//! requests in its requests.md.

use super::*;
use crate::backend::test_support::{at, ok, q};
use crate::backend::{ApiResponse, BackendError, Method};
use crate::domain::*;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/linkedevents/", $name))
    };
}

#[test]
fn the_event_list_includes_places_and_keywords_and_pages_by_number() {
    let request = list_events(
        &EventQuery::default(),
        PageQuery {
            offset: 2,
            limit: 2,
        },
    );
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Get, "event/")
    );
    let expected = [
        ("include", "location,keywords,registration"),
        ("sort", "start_time"),
        ("page_size", "2"),
        ("page", "2"),
    ];
    assert_eq!(request.query, q(&expected));
    let first = parse_events(&ok(fixture!("event-list-sort-start-page-size-2-200.json"))).unwrap();
    assert_eq!(first.total, Some(4));
    assert_eq!(
        first.next,
        Some(PageQuery {
            offset: 2,
            limit: 2
        })
    );
    let last = parse_events(&ok(fixture!(
        "event-list-sort-start-page-size-2-page-2-200.json"
    )))
    .unwrap();
    assert_eq!(last.next, None);
    let filters = EventQuery {
        topic: Some("ledev:kw-music".into()),
        online: Some(true),
        text: Some("konsertti".into()),
        ..EventQuery::default()
    };
    let request = list_events(
        &filters,
        PageQuery {
            offset: 0,
            limit: 20,
        },
    );
    let expected = [
        ("keyword", "ledev:kw-music"),
        ("internet_based", "true"),
        ("text", "konsertti"),
        ("include", "location,keywords,registration"),
        ("sort", "start_time"),
        ("page_size", "20"),
    ];
    assert_eq!(request.query, q(&expected));
}

#[test]
fn included_places_become_venues_with_address_and_position() {
    let page = parse_events(&ok(fixture!(
        "event-list-include-location-keywords-200.json"
    )))
    .unwrap();
    let concert = &page.items[3];
    assert_eq!(concert.id, "ledev:agramxztry");
    assert_eq!(concert.title.text(Lang::Sv), "Julkonsert");
    assert_eq!(
        concert.summary.text(Lang::En),
        "A traditional Christmas concert"
    );
    assert_eq!(concert.start, EventTime::At(at("2026-12-14T15:00:00Z")));
    assert_eq!(concert.end, Some(EventTime::At(at("2026-12-14T17:00:00Z"))));
    let venue = concert.venue.as_ref().unwrap();
    assert_eq!(venue.name.text(Lang::En), "Central Library Oodi");
    let address = venue.address.as_ref().unwrap();
    assert_eq!(address.text(Lang::Fi), "Töölönlahdenkatu 4, 00100 Helsinki");
    assert_eq!(address.text(Lang::Sv), "Tölöviksgatan 4, 00100 Helsingfors");
    assert_eq!(address.get(Lang::En).map(|(_, l)| l), Some(Lang::Fi));
    assert_eq!(venue.location, Some(LatLng::new(60.1739, 24.9382)));
    let topics: Vec<_> = concert
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.name.text(Lang::En)))
        .collect();
    assert_eq!(
        topics,
        [
            ("ledev:kw-children", "children"),
            ("ledev:kw-music", "music")
        ]
    );
    assert_eq!(
        (
            concert.is_free,
            concert.price.as_ref().map(|p| p.text(Lang::Fi))
        ),
        (Some(false), Some("10 €"))
    );
    assert!(concert.has_registration && !concert.online);
    assert_eq!(concert.updated_at, Some(at("2026-11-23T03:07:12.151467Z")));
    assert_eq!(page.items[0].status, EventStatus::Cancelled);
}

#[test]
fn a_date_only_event_stays_a_day_and_an_internet_event_has_no_venue() {
    let day = parse_event(&ok(fixture!("event-detail-date-only-200.json")))
        .unwrap()
        .summary;
    assert_eq!(
        day.start,
        EventTime::Day(Date::parse("2026-12-16").unwrap())
    );
    assert_eq!(
        day.end,
        Some(EventTime::Day(Date::parse("2026-12-18").unwrap()))
    );
    assert_eq!(day.title.text(Lang::Sv), "Joulutori");
    let online = parse_event(&ok(fixture!("event-detail-internet-200.json")))
        .unwrap()
        .summary;
    assert!(online.online);
    assert_eq!(online.venue, None);
    let cancelled = parse_event(&ok(fixture!("event-detail-cancelled-200.json"))).unwrap();
    assert_eq!(cancelled.summary.status, EventStatus::Cancelled);
}

#[test]
fn an_event_detail_links_its_registration_and_keeps_rich_text() {
    let request = get_event("ledev:agramxztry");
    assert_eq!(request.path, "event/ledev:agramxztry/");
    assert_eq!(request.query, q(&[("include", "location,keywords")]));
    let event = parse_event(&ok(fixture!(
        "event-detail-include-location-keywords-200.json"
    )))
    .unwrap();
    assert_eq!(event.registration_id.as_deref(), Some("1"));
    assert_eq!(
        event.description.0.text(Lang::En),
        "<p>Welcome to the <strong>concert</strong>!</p>"
    );
    assert_eq!(event.summary.seats, Seats::default());
    // The registration is only linked here: its counts are not known.
    assert!(!event.summary.seats_known);
    assert_eq!(event.calendar_url, None);
    let bare = parse_event(&ok(fixture!("event-detail-registration-event-200.json"))).unwrap();
    assert_eq!(bare.summary.venue, None);
    assert_eq!(bare.summary.topics[1].id, "ledev:kw-music");
    assert!(bare.summary.topics[1].name.is_empty());
}

#[test]
fn registration_counts_give_seats_waitlist_and_sign_up_rules() {
    assert_eq!(get_registration("1").path, "registration/1/");
    let open = parse_registration(&ok(fixture!("registration-detail-anonymous-200.json"))).unwrap();
    let seats = Seats {
        capacity: Some(2),
        remaining: Some(2),
        waitlist_count: Some(0),
        waitlist_remaining: Some(5),
    };
    assert_eq!(open.seats, seats);
    assert_eq!(open.enrolment.opens, Some(at("2026-11-22T03:07:12Z")));
    assert_eq!(open.enrolment.closes, Some(at("2026-12-13T03:07:12Z")));
    assert_eq!(open.max_group_size, Some(3));
    // A phone number is mandatory, and the age limit (5) asks for the date of birth.
    assert_eq!(
        open.signup_fields,
        [SignupField::Phone, SignupField::BirthDate]
    );
    assert!(open.unknown_fields.is_empty());
    let after =
        parse_registration(&ok(fixture!("registration-detail-after-delete-200.json"))).unwrap();
    assert_eq!(
        (after.seats.remaining, after.seats.waitlist_count),
        (Some(0), Some(4))
    );
    assert_eq!(after.seats.waitlist_remaining, Some(1));
}

#[test]
fn missing_events_and_pages_are_not_found_and_deleted_ones_gone() {
    let gone = parse_event(&ApiResponse::new(
        410,
        fixture!("event-detail-deleted-410.json"),
    ));
    assert_eq!(gone, Err(BackendError::Gone));
    let missing = parse_event(&ApiResponse::new(
        404,
        fixture!("event-detail-404-404.json"),
    ));
    assert_eq!(missing, Err(BackendError::NotFound));
    let past_end = parse_events(&ApiResponse::new(
        404,
        fixture!("event-list-page-out-of-range-404.json"),
    ));
    assert_eq!(past_end, Err(BackendError::NotFound));
}

mod join;

mod fields;
mod holds;
mod listing;

mod fixtures;
