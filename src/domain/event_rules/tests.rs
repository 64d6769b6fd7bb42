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
        seats_known: true,
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
fn a_day_long_event_runs_from_midnight_to_midnight_in_finnish_time() {
    let mut e = event(Some(5), Some(5), 0);
    let day = Date::parse("2026-07-01").unwrap();
    e.start = EventTime::Day(day);
    e.end = None;
    // Summer time: midnight in Finland is 21:00 UTC the evening before.
    assert_eq!(start_instant(&e), ts("2026-06-30T21:00:00Z"));
    assert_eq!(end_instant(&e), ts("2026-07-01T21:00:00Z"));
    assert!(!is_past(&e, ts("2026-07-01T20:59:59Z")));
    assert!(is_past(&e, ts("2026-07-01T21:00:00Z")));
    e.start = EventTime::Day(Date::parse("2026-12-01").unwrap());
    assert_eq!(start_instant(&e), ts("2026-11-30T22:00:00Z"));
    assert_eq!(
        helsinki_midnight(Date::parse("2026-03-29").unwrap()),
        ts("2026-03-28T22:00:00Z")
    );
}

#[test]
fn unknown_counts_say_nothing_and_personal_details_mean_one_seat_each() {
    let mut e = event(Some(10), Some(3), 0);
    e.seats_known = false;
    assert_eq!(seats_info(&e, ts(BEFORE)), SeatsInfo::Unknown);
    // Joining is still possible: the backend decides on the places.
    assert_eq!(join_state(&e, ts(BEFORE)), JoinState::Open);
    let mut full = Event {
        summary: e,
        description: RichText(Localized::default()),
        info_url: None,
        calendar_url: None,
        project_id: None,
        registration_id: None,
        max_group_size: Some(3),
        signup_fields: vec![SignupField::Phone, SignupField::Zipcode],
        unknown_signup_fields: Vec::new(),
        organiser: None,
        signup_url: None,
    };
    assert_eq!(group_max(&full), 3);
    full.signup_fields.push(SignupField::BirthDate);
    assert_eq!(group_max(&full), 1);
}
