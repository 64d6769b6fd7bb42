//! Joining (reserve seats, then sign up) and cancelling.

use super::*;

fn created(body: &str) -> ApiResponse<'_> {
    ApiResponse::new(201, body)
}

fn cecilia() -> NewRegistration {
    NewRegistration {
        name: "Cecilia Jonottaja".into(),
        email: Some("cecilia@example.invalid".into()),
        phone: Some("+358401234569".into()),
        street_address: None,
        zipcode: None,
        city: None,
        birth_date: Some(Date::parse("1985-03-04").unwrap()),
        seats: 1,
        language: Lang::En,
    }
}

#[test]
fn joining_reserves_seats_then_signs_up_with_the_code() {
    let request = reserve_seats("1", 1);
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "seats_reservation/")
    );
    assert_eq!(
        request.body,
        Some(serde_json::json!({"registration": 1, "seats": 1}))
    );
    assert_eq!(request.idempotency_key, None);
    let held = parse_reservation(&created(fixture!(
        "post-seats-reservation-waitlist-201.json"
    )))
    .unwrap();
    assert_eq!(held.code, "1fb13a76-11fd-49ef-bb7b-b2499249c1f9");
    assert_eq!((held.seats, held.waitlisted), (1, true));
    assert_eq!(held.expires, at("2026-11-23T03:23:18.573765Z"));

    let request = sign_up("1", &held, &cecilia());
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "signup/")
    );
    let expected = r#"{"registration": 1, "reservation_code": "1fb13a76-11fd-49ef-bb7b-b2499249c1f9",
        "signups": [{"first_name": "Cecilia", "last_name": "Jonottaja", "phone_number": "+358401234569",
        "date_of_birth": "1985-03-04", "contact_person": {"email": "cecilia@example.invalid",
        "notifications": "email", "service_language": "en"}}]}"#;
    assert_eq!(request.body, Some(serde_json::from_str(expected).unwrap()));
    let outcome = parse_signup(&created(fixture!("post-signup-waitlisted-201.json"))).unwrap();
    assert_eq!(
        outcome.status,
        AttendeeStatus::Waitlisted { position: None }
    );
    assert_eq!((outcome.id.as_str(), outcome.seats), ("3", 1));
    assert_eq!(outcome.cancel, CancelHandle::Signups(vec!["3".into()]));
}

#[test]
fn a_group_gets_one_sign_up_per_seat_and_all_of_them_cancel() {
    let held = parse_reservation(&created(fixture!(
        "post-seats-reservation-2-seats-201.json"
    )))
    .unwrap();
    assert_eq!((held.seats, held.waitlisted), (2, false));
    let new = NewRegistration {
        seats: 2,
        birth_date: None,
        email: None,
        ..cecilia()
    };
    let body = sign_up("1", &held, &new).body.unwrap();
    let signups = body["signups"].as_array().unwrap();
    assert_eq!(signups.len(), 2);
    let contact = serde_json::json!({"notifications": "none", "service_language": "en"});
    assert_eq!(signups[0]["contact_person"], contact);
    assert_eq!(
        signups[1],
        serde_json::json!({"phone_number": "+358401234569", "contact_person": contact})
    );
    let outcome = parse_signup(&created(fixture!("post-signups-fill-capacity-201.json"))).unwrap();
    assert_eq!(
        (outcome.status, outcome.seats),
        (AttendeeStatus::Attending, 2)
    );
    let CancelHandle::Signups(ids) = &outcome.cancel else {
        panic!("expected sign-up ids")
    };
    let requests = cancel(ids);
    assert_eq!(
        requests
            .iter()
            .map(|r| (r.method, r.path.as_str()))
            .collect::<Vec<_>>(),
        [(Method::Delete, "signup/1/"), (Method::Delete, "signup/2/"),]
    );
    assert_eq!(parse_cancel(&ApiResponse::new(204, "")), Ok(()));
    // The capture records the empty 204 body as a placeholder object; it must not matter.
    let deleted = ApiResponse::new(204, fixture!("delete-signup-attending-204.json"));
    assert_eq!(parse_cancel(&deleted), Ok(()));
    let again = parse_cancel(&ApiResponse::new(
        404,
        fixture!("delete-signup-again-404-404.json"),
    ));
    assert_eq!(again, Err(BackendError::NotFound));
}

#[test]
fn a_full_event_or_waitlist_is_a_clear_conflict() {
    let conflict = |body: &str| parse_reservation(&ApiResponse::new(400, body)).unwrap_err();
    let code = |c: &str| BackendError::Conflict { code: c.into() };
    assert_eq!(
        conflict(fixture!("post-seats-reservation-when-full-400.json")),
        code("waitlist_full")
    );
    assert_eq!(
        conflict(fixture!(
            "post-seats-reservation-while-all-reserved-400.json"
        )),
        code("full")
    );
    assert_eq!(
        conflict(fixture!(
            "post-seats-reservation-exceeds-group-size-400.json"
        )),
        code("not_enough_seats")
    );
    let anonymous = parse_reservation(&ApiResponse::new(
        401,
        fixture!("post-seats-reservation-anonymous-401.json"),
    ));
    assert_eq!(anonymous, Err(BackendError::Unauthorized));
}

#[test]
fn sign_up_refusals_name_the_missing_fields() {
    // serde_json keeps object keys sorted, so fields come in alphabetical order.
    let refused = parse_signup(&ApiResponse::new(
        400,
        fixture!("post-signups-missing-mandatory-phone-400.json"),
    ));
    let fields = vec![
        (
            "signups.0.date_of_birth".to_string(),
            "This field must be specified.".to_string(),
        ),
        (
            "signups.0.phone_number".to_string(),
            "This field must be specified.".to_string(),
        ),
    ];
    assert_eq!(refused, Err(BackendError::Validation { fields }));
    let reused = parse_signup(&ApiResponse::new(
        400,
        fixture!("post-signups-reuse-code-400.json"),
    ));
    let fields = vec![(
        "reservation_code".to_string(),
        "Reservation code doesn't exist.".to_string(),
    )];
    assert_eq!(reused, Err(BackendError::Validation { fields }));
}

#[test]
fn the_event_page_takes_seats_and_form_rules_from_the_registration() {
    let event = parse_event(&ApiResponse::new(
        200,
        fixture!("event-detail-registration-event-200.json"),
    ))
    .unwrap();
    assert_eq!(event.registration_id.as_deref(), Some("1"));
    assert_eq!(event.summary.seats.remaining, None);
    assert!(event.signup_fields.is_empty());
    let request = get_registration("1");
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Get, "registration/1/")
    );
    let info = parse_registration(&ApiResponse::new(
        200,
        fixture!("registration-detail-anonymous-200.json"),
    ))
    .unwrap();
    let event = with_registration(event, &info);
    assert_eq!(
        event.summary.seats,
        Seats {
            capacity: Some(2),
            remaining: Some(2),
            waitlist_count: Some(0),
            waitlist_remaining: Some(5),
        }
    );
    assert_eq!(
        event.summary.enrolment.opens,
        Some(at("2026-11-22T03:07:12Z"))
    );
    assert_eq!(
        event.summary.enrolment.closes,
        Some(at("2026-12-13T03:07:12Z"))
    );
    assert_eq!(event.max_group_size, Some(3));
    assert_eq!(
        event.signup_fields,
        [SignupField::Phone, SignupField::BirthDate]
    );
    assert!(event.summary.seats_known);
    assert!(event.summary.has_registration);
    let form = event.signup_url.expect("the organiser's sign-up page");
    assert_eq!(
        form.get(Lang::Sv),
        Some((
            "http://127.0.0.1:8088/sv/registration/1/signup-group/create",
            Lang::Sv
        ))
    );
}
