//! Every Linked Events fixture the adapter reads converts, and every error fixture maps to
//! its typed error.

use super::*;

const CANCELLED: &str = "ledev:agramxzv6u";
const ONLINE: &str = "ledev:agramxzvdq";
const MARKET: &str = "ledev:agramxzumi";
const CONCERT: &str = "ledev:agramxztry";

#[test]
fn every_event_list_fixture_converts_in_its_order() {
    let all = [CANCELLED, ONLINE, MARKET, CONCERT];
    let lists: [(&str, &str, u64, &[&str]); 15] = [
        ("plain", fixture!("event-list-200.json"), 4, &all),
        (
            "bad keyword",
            fixture!("event-list-bad-keyword-200.json"),
            0,
            &[],
        ),
        (
            "enrolment open",
            fixture!("event-list-enrolment-open-200.json"),
            1,
            &[CONCERT],
        ),
        (
            "cancelled",
            fixture!("event-list-event-status-cancelled-200.json"),
            1,
            &[CANCELLED],
        ),
        (
            "include",
            fixture!("event-list-include-location-keywords-200.json"),
            4,
            &all,
        ),
        (
            "include registration",
            fixture!("event-list-include-location-keywords-registration-200.json"),
            4,
            &all,
        ),
        (
            "internet",
            fixture!("event-list-internet-based-200.json"),
            1,
            &[ONLINE],
        ),
        (
            "keyword",
            fixture!("event-list-keyword-filter-200.json"),
            1,
            &[CONCERT],
        ),
        (
            "language",
            fixture!("event-list-language-sv-200.json"),
            2,
            &[ONLINE, CONCERT],
        ),
        (
            "location",
            fixture!("event-list-location-filter-200.json"),
            2,
            &[CANCELLED, MARKET],
        ),
        (
            "registration",
            fixture!("event-list-registration-true-200.json"),
            1,
            &[CONCERT],
        ),
        (
            "page 1",
            fixture!("event-list-sort-start-page-size-2-200.json"),
            4,
            &[CONCERT, ONLINE],
        ),
        (
            "page 2",
            fixture!("event-list-sort-start-page-size-2-page-2-200.json"),
            4,
            &[MARKET, CANCELLED],
        ),
        (
            "start end",
            fixture!("event-list-start-end-200.json"),
            3,
            &[CANCELLED, ONLINE, MARKET],
        ),
        ("text", fixture!("event-list-text-200.json"), 1, &[CONCERT]),
    ];
    for (name, body, total, ids) in lists {
        let page = parse_events(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(page.total, Some(total), "{name}");
        assert_eq!(
            page.items.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ids,
            "{name}"
        );
    }
}

#[test]
fn every_event_and_registration_fixture_converts() {
    for (name, body, id, status) in [
        (
            "cancelled",
            fixture!("event-detail-cancelled-200.json"),
            CANCELLED,
            EventStatus::Cancelled,
        ),
        (
            "date only",
            fixture!("event-detail-date-only-200.json"),
            MARKET,
            EventStatus::Scheduled,
        ),
        (
            "include",
            fixture!("event-detail-include-location-keywords-200.json"),
            CONCERT,
            EventStatus::Scheduled,
        ),
        (
            "internet",
            fixture!("event-detail-internet-200.json"),
            ONLINE,
            EventStatus::Scheduled,
        ),
        (
            "registration",
            fixture!("event-detail-registration-event-200.json"),
            CONCERT,
            EventStatus::Scheduled,
        ),
        (
            "after",
            fixture!("event-detail-registration-event-after-200.json"),
            CONCERT,
            EventStatus::Scheduled,
        ),
    ] {
        let event = parse_event(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (event.summary.id.as_str(), event.summary.status),
            (id, status),
            "{name}"
        );
    }
    for (name, body, remaining, waitlist) in [
        (
            "admin",
            fixture!("registration-detail-admin-0-signups-200.json"),
            2,
            0,
        ),
        (
            "after delete",
            fixture!("registration-detail-after-delete-200.json"),
            0,
            4,
        ),
        (
            "anonymous",
            fixture!("registration-detail-anonymous-200.json"),
            2,
            0,
        ),
        (
            "before delete",
            fixture!("registration-detail-before-delete-200.json"),
            0,
            5,
        ),
        ("full", fixture!("registration-detail-full-200.json"), 0, 0),
        (
            "full anonymous",
            fixture!("registration-detail-full-anonymous-200.json"),
            0,
            0,
        ),
        (
            "include event",
            fixture!("registration-detail-include-event-200.json"),
            2,
            0,
        ),
        (
            "reserved",
            fixture!("registration-detail-with-reserved-seats-200.json"),
            0,
            0,
        ),
        ("created", fixture!("post-registration-201.json"), 2, 0),
    ] {
        let info = parse_registration(&ok(body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(info.id, "1", "{name}");
        assert_eq!(
            (info.seats.remaining, info.seats.waitlist_count),
            (Some(remaining), Some(waitlist)),
            "{name}"
        );
    }
}

#[test]
fn every_reservation_sign_up_and_sign_up_status_fixture_converts() {
    for (name, body, seats, waitlisted) in [
        (
            "2 seats",
            fixture!("post-seats-reservation-2-seats-201.json"),
            2,
            false,
        ),
        (
            "waitlist",
            fixture!("post-seats-reservation-waitlist-201.json"),
            1,
            true,
        ),
        (
            "waitlist 3",
            fixture!("post-seats-reservation-waitlist-3-201.json"),
            3,
            true,
        ),
        (
            "waitlist last",
            fixture!("post-seats-reservation-waitlist-last-201.json"),
            1,
            true,
        ),
    ] {
        let held = parse_reservation(&ApiResponse::new(201, body))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!((held.seats, held.waitlisted), (seats, waitlisted), "{name}");
    }
    let waiting = AttendeeStatus::Waitlisted { position: None };
    for (name, body, ids, status) in [
        (
            "waitlist last",
            fixture!("post-signup-waitlist-last-201.json"),
            vec!["7"],
            waiting,
        ),
        (
            "waitlisted",
            fixture!("post-signup-waitlisted-201.json"),
            vec!["3"],
            waiting,
        ),
        (
            "fill",
            fixture!("post-signups-fill-capacity-201.json"),
            vec!["1", "2"],
            AttendeeStatus::Attending,
        ),
        (
            "waitlist 3",
            fixture!("post-signups-waitlist-3-201.json"),
            vec!["4", "5", "6"],
            waiting,
        ),
    ] {
        let outcome =
            parse_signup(&ApiResponse::new(201, body)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ids = ids.into_iter().map(String::from).collect();
        assert_eq!(
            (outcome.status, outcome.cancel),
            (status, CancelHandle::Signups(ids)),
            "{name}"
        );
    }
}

#[test]
fn every_error_fixture_maps_to_its_typed_error() {
    let cases = [
        (
            401,
            fixture!("delete-event-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("post-event-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("post-event-bad-apikey-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("post-seats-reservation-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("registration-list-401.json"),
            BackendError::Unauthorized,
        ),
        (
            401,
            fixture!("signup-detail-anonymous-401.json"),
            BackendError::Unauthorized,
        ),
        (
            404,
            fixture!("delete-signup-again-404-404.json"),
            BackendError::NotFound,
        ),
        (
            404,
            fixture!("event-detail-404-404.json"),
            BackendError::NotFound,
        ),
        (
            404,
            fixture!("event-list-page-out-of-range-404.json"),
            BackendError::NotFound,
        ),
        (
            404,
            fixture!("put-seats-reservation-update-404.json"),
            BackendError::NotFound,
        ),
        (
            409,
            fixture!("delete-registration-with-signups-409.json"),
            BackendError::Conflict {
                code: "conflict".into(),
            },
        ),
        (
            410,
            fixture!("event-detail-deleted-410.json"),
            BackendError::Gone,
        ),
        (
            301,
            fixture!("event-detail-no-trailing-slash-301.json"),
            BackendError::Rejected { status: 301 },
        ),
    ];
    for (status, body, expected) in cases {
        assert_eq!(
            BackendError::from_response(status, body, None),
            expected,
            "{body}"
        );
    }
    let fields = |body| match BackendError::from_response(400, body, None) {
        BackendError::Validation { fields } => {
            fields.into_iter().map(|(f, _)| f).collect::<Vec<_>>()
        }
        other => panic!("expected a validation error, got {other:?}"),
    };
    assert!(fields(fixture!("post-event-missing-fields-400.json")).len() > 1);
    let translation = fields(fixture!("post-event-missing-translation-400.json"));
    assert_eq!(translation, ["description.sv", "short_description.sv"]);
    let english = fields(fixture!(
        "post-signups-missing-mandatory-phone-accept-language-en-400.json"
    ));
    assert_eq!(english, ["signups.0.contact_person.service_language"]);
}
