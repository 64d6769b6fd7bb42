//! Projects, follows, events and registrations.

use super::*;

#[test]
fn projects_convert_with_status_dates_and_linked_plans_and_events() {
    let query = ProjectQuery {
        status: Some(ProjectStatus::InProgress),
        text: None,
    };
    let request = list_projects(
        &query,
        PageQuery {
            offset: 0,
            limit: 20,
        },
    );
    assert_eq!(request.path, "projects");
    assert_eq!(
        request.query,
        q(&[("status", "in_progress"), ("limit", "20"), ("offset", "0")])
    );
    let page = parse_projects(&ok(fixture!("project-list-200.json"))).unwrap();
    assert_eq!((page.total, page.next), (Some(2), None));
    let school = &page.items[0];
    assert_eq!(school.id, "3");
    assert_eq!(school.status, ProjectStatus::InProgress);
    assert_eq!(school.starts_on, Some(Date::parse("2026-08-27").unwrap()));
    assert_eq!(school.ends_on, Some(Date::parse("2028-10-25").unwrap()));
    assert_eq!(school.last_update_at, Some(at("2026-11-24T16:09:08Z")));
    assert_eq!(
        school.title.text(Lang::Sv),
        "Utvidgningen av Tallbacka skola"
    );

    let project = parse_project(&ok(fixture!("project-detail-200.json"))).unwrap();
    assert_eq!(get_project("1").path, "projects/1");
    assert_eq!(project.summary.slug.as_deref(), Some("rantapuisto"));
    assert!(project
        .description
        .0
        .text(Lang::Sv)
        .starts_with("<p>Längs ån"));
    assert_eq!(
        project.geometry,
        Some(Geometry::Point(LatLng::new(60.390924, 25.66734)))
    );
    assert_eq!(project.plans[0].id, "1");
    assert_eq!(project.plans[0].phase, PlanPhase::Draft);
    assert_eq!(project.events[0].id, "1");
    assert_eq!(project.events[0].starts_at, at("2026-11-30T16:00:00Z"));
    assert!(!project.following);
}

#[test]
fn project_updates_page_and_follow_state_convert() {
    let request = list_project_updates(
        "1",
        PageQuery {
            offset: 0,
            limit: 2,
        },
    );
    assert_eq!(request.path, "projects/1/updates");
    assert_eq!(request.query, q(&[("limit", "2"), ("offset", "0")]));
    let page = parse_project_updates(&ok(fixture!("project-updates-200.json"))).unwrap();
    assert_eq!(
        page.next,
        Some(PageQuery {
            offset: 2,
            limit: 2
        })
    );
    let newest = &page.items[0];
    assert_eq!((newest.id.as_str(), newest.project_id.as_str()), ("3", "1"));
    assert_eq!(newest.title.text(Lang::En), "Jetty installed");
    assert_eq!(newest.published_at, at("2026-11-23T16:09:08Z"));

    let state = parse_follow(&ok(fixture!("project-follow-200.json"))).unwrap();
    assert_eq!(
        state,
        FollowState {
            following: true,
            followers: Some(1)
        }
    );
    let state = parse_follow(&ok(fixture!("project-unfollow-200.json"))).unwrap();
    assert!(!state.following);
}

#[test]
fn events_keep_their_local_offset_venue_and_seat_counts() {
    let query = EventQuery {
        start: Some(at("2026-11-25T00:00:00Z")),
        ..EventQuery::default()
    };
    let request = list_events(
        &query,
        PageQuery {
            offset: 0,
            limit: 3,
        },
    );
    assert_eq!(request.path, "events");
    let expected = [
        ("start", "2026-11-25T00:00:00Z"),
        ("limit", "3"),
        ("offset", "0"),
    ];
    assert_eq!(request.query, q(&expected));
    let page = parse_events(&ok(fixture!("event-list-200.json"))).unwrap();
    assert_eq!(page.total, Some(7));
    assert_eq!(
        page.items.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["8", "1", "3"]
    );

    let event = parse_event(&ok(fixture!("event-detail-200.json"))).unwrap();
    let s = &event.summary;
    let EventTime::At(start) = s.start else {
        panic!("expected a time")
    };
    assert_eq!(start, at("2026-11-30T16:00:00Z"));
    assert_eq!(start.offset_minutes(), 120);
    assert_eq!(s.end, Some(EventTime::At(at("2026-11-30T20:00:00+02:00"))));
    assert_eq!(s.time_zone.as_deref(), Some("Europe/Helsinki"));
    let venue = s.venue.as_ref().unwrap();
    assert_eq!(venue.name.text(Lang::Fi), "Virtalan kirjasto, Joki-sali");
    assert_eq!(
        venue.address.as_ref().unwrap().text(Lang::Sv),
        "Kirjastokatu 3, 06100 Virtala"
    );
    assert_eq!(venue.location, Some(LatLng::new(60.3942, 25.6627)));
    assert_eq!(venue.area.as_ref().unwrap().text(Lang::Sv), "Centrum");
    assert!(venue
        .accessibility
        .as_ref()
        .unwrap()
        .text(Lang::En)
        .starts_with("Step-free entrance"));
    assert_eq!(
        s.topics.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["planning", "housing"]
    );
    assert_eq!(s.seats.capacity, Some(60));
    assert_eq!(s.seats.remaining, Some(60));
    assert_eq!(s.enrolment.open_now, Some(true));
    assert_eq!(
        (s.is_free, s.price.clone(), s.status),
        (Some(true), None, EventStatus::Scheduled)
    );
    assert_eq!(
        event.calendar_url.as_deref(),
        Some("/api/v1/events/1/calendar.ics")
    );
    assert_eq!(event.project_id.as_deref(), Some("1"));
    assert!(event
        .description
        .0
        .text(Lang::En)
        .contains("<p>Welcome!</p>"));
}

#[test]
fn an_online_event_has_no_venue_and_a_full_one_shows_its_waitlist() {
    let online = parse_event(&ok(fixture!("event-detail-online-200.json")))
        .unwrap()
        .summary;
    assert_eq!(online.venue, None);
    assert!(online.online);
    assert_eq!(
        online.online_url.as_deref(),
        Some("https://meet.virtala.example/mantymaki")
    );
    assert_eq!(
        (online.seats.capacity, online.seats.remaining),
        (None, None)
    );
    let full = parse_event(&ok(fixture!("event-detail-full-200.json")))
        .unwrap()
        .summary;
    assert_eq!(full.seats.capacity, Some(12));
    assert_eq!(full.seats.remaining, Some(0));
    assert_eq!(full.seats.waitlist_count, Some(3));
}

#[test]
fn joining_gives_attending_or_a_waitlist_position_with_a_cancel_token() {
    let new = NewRegistration {
        name: "Maija Meikäläinen".into(),
        email: Some("maija@example.fi".into()),
        phone: None,
        street_address: None,
        zipcode: None,
        city: None,
        birth_date: None,
        seats: 2,
        language: Lang::Fi,
    };
    let request = register("8", &new, "j1");
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "events/8/registrations")
    );
    let expected = r#"{"name":"Maija Meikäläinen","email":"maija@example.fi","seats":2}"#;
    assert_eq!(request.body, Some(serde_json::from_str(expected).unwrap()));
    assert_eq!(request.idempotency_key.as_deref(), Some("j1"));
    let attending = ApiResponse::new(201, fixture!("registration-attending-201.json"));
    let outcome = parse_registration(&attending).unwrap();
    assert_eq!(outcome.id, "16");
    assert_eq!(
        (outcome.status, outcome.seats),
        (AttendeeStatus::Attending, 2)
    );
    let token = "qggKttKygotUjyqSXVXSscpeuYsp0ShtiCKErytJZiw";
    assert_eq!(outcome.cancel, CancelHandle::Token(token.into()));
    let waitlisted = ApiResponse::new(201, fixture!("registration-waitlisted-201.json"));
    let outcome = parse_registration(&waitlisted).unwrap();
    assert_eq!(
        outcome.status,
        AttendeeStatus::Waitlisted { position: Some(4) }
    );

    let cancel = cancel_registration(token, "c1");
    assert_eq!(cancel.path, "registrations/cancel");
    assert_eq!(
        cancel.body,
        Some(serde_json::json!({"cancel_token": token}))
    );
    let cancelled = parse_cancellation(&ok(fixture!("registration-cancel-200.json"))).unwrap();
    assert_eq!(cancelled, (AttendeeStatus::Cancelled, 0));
}

#[test]
fn registration_refusals_become_typed_errors() {
    let conflict = |body: &str| parse_registration(&ApiResponse::new(409, body));
    let code = |c: &str| BackendError::Conflict { code: c.into() };
    assert_eq!(
        conflict(fixture!("registration-again-409.json")).unwrap_err(),
        code("already_registered")
    );
    assert_eq!(
        conflict(fixture!("event-past-registration-409.json")).unwrap_err(),
        code("registration_closed")
    );
    let again = parse_cancellation(&ApiResponse::new(
        409,
        fixture!("registration-cancel-again-409.json"),
    ));
    assert_eq!(again.unwrap_err(), code("already_cancelled"));
    let anonymous = parse_registration(&ApiResponse::new(
        401,
        fixture!("registration-anonymous-401.json"),
    ));
    assert_eq!(anonymous, Err(BackendError::Unauthorized));
    let invalid = parse_registration(&ApiResponse::new(
        422,
        fixture!("registration-invalid-422.json"),
    ));
    let fields = [
        ("name", "required"),
        ("email", "invalid_email"),
        ("seats", "out_of_range"),
    ];
    let fields = fields
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
    assert_eq!(invalid, Err(BackendError::Validation { fields }));
    let gone = parse_event(&ApiResponse::new(404, fixture!("event-gone-404.json")));
    assert_eq!(gone, Err(BackendError::NotFound));
}

#[test]
fn events_filter_by_area_and_list_the_areas() {
    let query = EventQuery {
        area: Some("Keskusta".into()),
        ..EventQuery::default()
    };
    let request = list_events(
        &query,
        PageQuery {
            offset: 0,
            limit: 20,
        },
    );
    assert!(request
        .query
        .contains(&("area".to_string(), "Keskusta".to_string())));
    let request = list_event_areas();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Get, "events/areas")
    );
    let areas = parse_event_areas(&ok(fixture!("event-areas-200.json"))).unwrap();
    let names: Vec<&str> = areas.iter().map(|a| a.text(Lang::En)).collect();
    assert_eq!(names, ["City centre", "Koivula", "Peltola", "Harbour"]);
}
