use super::*;
use crate::domain::*;

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn event(capacity: Option<u64>, remaining: Option<u64>, waiting: u64) -> EventSummary {
    EventSummary {
        id: "1".into(),
        title: Localized::same("T"),
        summary: Localized::default(),
        topics: Vec::new(),
        start: EventTime::At(ts("2026-12-01T16:00:00Z")),
        end: Some(EventTime::At(ts("2026-12-01T18:00:00Z"))),
        time_zone: Some("Europe/Helsinki".into()),
        venue: None,
        online: true,
        online_url: Some("https://meet.example/x".into()),
        is_free: Some(true),
        price: None,
        seats: Seats {
            capacity,
            remaining,
            waitlist_count: Some(waiting),
            waitlist_remaining: None,
        },
        enrolment: Enrolment {
            opens: None,
            closes: None,
            open_now: Some(true),
        },
        has_registration: true,
        status: EventStatus::Scheduled,
        updated_at: None,
    }
}

const BEFORE: &str = "2026-11-25T10:00:00Z";

#[test]
fn seats_left_waitlist_and_unlimited() {
    let now = ts(BEFORE);
    assert_eq!(
        seats_info(&event(Some(60), Some(12), 0), now),
        SeatsInfo::Left {
            left: 12,
            capacity: 60
        }
    );
    assert_eq!(
        seats_info(&event(Some(12), Some(0), 3), now),
        SeatsInfo::Waitlist { waiting: 3 }
    );
    assert_eq!(
        seats_info(&event(Some(12), Some(0), 0), now),
        SeatsInfo::Waitlist { waiting: 0 }
    );
    // Seats show free but people already queue: a newcomer queues too.
    assert_eq!(
        seats_info(&event(Some(12), Some(1), 2), now),
        SeatsInfo::Waitlist { waiting: 2 }
    );
    assert_eq!(seats_info(&event(None, None, 0), now), SeatsInfo::Unlimited);
    let mut no_waitlist = event(Some(10), Some(0), 0);
    no_waitlist.seats.waitlist_remaining = Some(0);
    assert_eq!(seats_info(&no_waitlist, now), SeatsInfo::Full);
    assert_eq!(join_state(&no_waitlist, now), JoinState::Full);
}

#[test]
fn past_cancelled_and_walk_in_events() {
    let e = event(Some(60), Some(60), 0);
    assert_eq!(seats_info(&e, ts("2026-12-01T18:00:00Z")), SeatsInfo::Past);
    assert_eq!(join_state(&e, ts("2026-12-01T18:00:00Z")), JoinState::Past);
    // Started but not over: no more joining.
    assert_eq!(
        join_state(&e, ts("2026-12-01T17:00:00Z")),
        JoinState::Closed
    );
    let mut cancelled = e.clone();
    cancelled.status = EventStatus::Cancelled;
    assert_eq!(seats_info(&cancelled, ts(BEFORE)), SeatsInfo::Cancelled);
    assert_eq!(join_state(&cancelled, ts(BEFORE)), JoinState::Cancelled);
    let mut walk_in = e.clone();
    walk_in.has_registration = false;
    assert_eq!(seats_info(&walk_in, ts(BEFORE)), SeatsInfo::NoRegistration);
}

#[test]
fn joining_follows_the_enrolment_window() {
    let now = ts(BEFORE);
    assert_eq!(
        join_state(&event(Some(5), Some(5), 0), now),
        JoinState::Open
    );
    assert_eq!(
        join_state(&event(Some(5), Some(0), 1), now),
        JoinState::Waitlist
    );
    let mut closed = event(Some(5), Some(5), 0);
    closed.enrolment.open_now = Some(false);
    assert_eq!(join_state(&closed, now), JoinState::Closed);
    let mut later = event(Some(5), Some(5), 0);
    later.enrolment = Enrolment {
        opens: Some(ts("2026-11-26T00:00:00Z")),
        closes: Some(ts("2026-11-30T00:00:00Z")),
        open_now: None,
    };
    assert_eq!(join_state(&later, now), JoinState::NotYetOpen);
    assert_eq!(
        join_state(&later, ts("2026-11-27T00:00:00Z")),
        JoinState::Open
    );
    assert_eq!(
        join_state(&later, ts("2026-11-30T00:00:00Z")),
        JoinState::Closed
    );
}

#[test]
fn the_online_link_shows_from_fifteen_minutes_before_until_the_end() {
    let e = event(None, None, 0);
    assert!(!online_link_visible(&e, ts("2026-12-01T15:44:59Z")));
    assert!(online_link_visible(&e, ts("2026-12-01T15:45:00Z")));
    assert!(online_link_visible(&e, ts("2026-12-01T17:59:59Z")));
    assert!(!online_link_visible(&e, ts("2026-12-01T18:00:00Z")));
}

#[test]
fn the_form_checks_name_email_seats_and_consent() {
    let ok = JoinInput {
        name: "Maija Meikäläinen".into(),
        email: String::new(),
        seats: "2".into(),
        consent: true,
        ..JoinInput::default()
    };
    assert!(validate(&ok, 10).is_empty());
    let bad = JoinInput {
        name: "   ".into(),
        email: "maija@".into(),
        seats: "11".into(),
        consent: false,
        ..JoinInput::default()
    };
    assert_eq!(
        validate(&bad, 10),
        vec![
            (Field::Name, Problem::Required),
            (Field::Email, Problem::Email),
            (Field::Seats, Problem::SeatsRange { max: 10 }),
            (Field::Consent, Problem::Required),
        ]
    );
    let long = JoinInput {
        name: "x".repeat(101),
        seats: "0".into(),
        ..ok.clone()
    };
    assert_eq!(
        validate(&long, 4),
        vec![
            (Field::Name, Problem::TooLong),
            (Field::Seats, Problem::SeatsRange { max: 4 })
        ]
    );
    assert_eq!(clean_name("  Maija \n Meikäläinen "), "Maija Meikäläinen");
}

#[test]
fn a_phone_number_is_checked_and_required_only_where_the_backend_asks() {
    let base = JoinInput {
        name: "Maija Meikäläinen".into(),
        seats: "1".into(),
        consent: true,
        ..JoinInput::default()
    };
    assert!(validate(&base, 3).is_empty());
    let needs = JoinInput {
        phone_required: true,
        ..base.clone()
    };
    assert_eq!(validate(&needs, 3), vec![(Field::Phone, Problem::Required)]);
    for good in ["+358 40 123 4567", "040-1234567", "(09) 310 1234"] {
        let p = JoinInput {
            phone: good.into(),
            ..needs.clone()
        };
        assert!(validate(&p, 3).is_empty(), "{good}");
    }
    for bad in [
        "1234",
        "040 123 abc",
        "040+123456",
        "+358 40 123 4567 890 12",
    ] {
        let p = JoinInput {
            phone: bad.into(),
            ..base.clone()
        };
        assert_eq!(
            validate(&p, 3),
            vec![(Field::Phone, Problem::Phone)],
            "{bad}"
        );
    }
    let refused = BackendError::Validation {
        fields: vec![("signups.0.phone_number".into(), "required".into())],
    };
    assert_eq!(
        server_field_problems(&refused, 3),
        vec![(Field::Phone, Problem::Required)]
    );
}

#[test]
fn server_refusals_land_on_their_fields_or_the_top() {
    let v = BackendError::Validation {
        fields: vec![
            ("seats".into(), "exceeds_capacity".into()),
            ("email".into(), "invalid_email".into()),
            (
                "signups.0.first_name".into(),
                "This field may not be blank.".into(),
            ),
            ("".into(), "something".into()),
        ],
    };
    assert_eq!(
        server_field_problems(&v, 10),
        vec![
            (Field::Seats, Problem::SeatsOverCapacity),
            (Field::Email, Problem::Email),
            (Field::Name, Problem::Refused),
        ]
    );
    let full = BackendError::Conflict {
        code: "full".into(),
    };
    assert_eq!(join_refusal(&full), Some(JoinRefusal::Full));
    let closed = BackendError::Conflict {
        code: "registration_closed".into(),
    };
    assert_eq!(join_refusal(&closed), Some(JoinRefusal::Closed));
    assert_eq!(join_refusal(&BackendError::Timeout), None);
}

#[test]
fn descriptions_become_plain_paragraphs() {
    let html = "<p>Tervetuloa <strong>iltaan</strong>!</p><ul><li>Kahvia</li><li>A &amp; B</li></ul><p>Rivi<br>toinen &lt;script&gt;</p>";
    assert_eq!(
        html_to_paragraphs(html),
        vec![
            "Tervetuloa iltaan!",
            "• Kahvia",
            "• A & B",
            "Rivi",
            "toinen <script>"
        ]
    );
    assert_eq!(html_to_paragraphs("plain"), vec!["plain"]);
}
