use super::*;

fn today() -> Date {
    Date::parse("2026-12-03").unwrap()
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
    assert!(validate(&ok, 10, today()).is_empty());
    let bad = JoinInput {
        name: "   ".into(),
        email: "maija@".into(),
        seats: "11".into(),
        consent: false,
        ..JoinInput::default()
    };
    assert_eq!(
        validate(&bad, 10, today()),
        vec![
            (JoinField::Name, JoinProblem::Required),
            (JoinField::Email, JoinProblem::Email),
            (JoinField::Seats, JoinProblem::SeatsRange { max: 10 }),
            (JoinField::Consent, JoinProblem::Required),
        ]
    );
    let long = JoinInput {
        name: "x".repeat(101),
        seats: "0".into(),
        ..ok.clone()
    };
    assert_eq!(
        validate(&long, 4, today()),
        vec![
            (JoinField::Name, JoinProblem::TooLong),
            (JoinField::Seats, JoinProblem::SeatsRange { max: 4 })
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
    assert!(validate(&base, 3, today()).is_empty());
    let needs = JoinInput {
        required: vec![SignupField::Phone],
        ..base.clone()
    };
    assert_eq!(
        validate(&needs, 3, today()),
        vec![(JoinField::Phone, JoinProblem::Required)]
    );
    for good in ["+358 40 123 4567", "040-1234567", "(09) 310 1234"] {
        let p = JoinInput {
            phone: good.into(),
            ..needs.clone()
        };
        assert!(validate(&p, 3, today()).is_empty(), "{good}");
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
            validate(&p, 3, today()),
            vec![(JoinField::Phone, JoinProblem::Phone)],
            "{bad}"
        );
    }
    let refused = vec![("signups.0.phone_number".into(), "required".into())];
    assert_eq!(
        sort_refusal(&refused, 3).fields,
        vec![(JoinField::Phone, JoinProblem::Required)]
    );
}

#[test]
fn server_refusals_land_on_their_fields_or_the_top() {
    let v = vec![
        ("seats".into(), "exceeds_capacity".into()),
        ("email".into(), "invalid_email".into()),
        (
            "signups.0.first_name".into(),
            "This field may not be blank.".into(),
        ),
        ("".into(), "something".into()),
    ];
    assert_eq!(
        sort_refusal(&v, 10).fields,
        vec![
            (JoinField::Seats, JoinProblem::SeatsOverCapacity),
            (JoinField::Email, JoinProblem::Email),
            (JoinField::Name, JoinProblem::Refused),
        ]
    );
    assert_eq!(join_refusal("full"), Some(JoinRefusal::Full));
    assert_eq!(
        join_refusal("registration_closed"),
        Some(JoinRefusal::Closed)
    );
    assert_eq!(join_refusal("timeout"), None);
}

#[test]
fn the_details_a_registration_requires_are_checked_and_others_may_be_left_empty() {
    let base = JoinInput {
        name: "Ritva Rekisteröityjä".into(),
        seats: "1".into(),
        consent: true,
        ..JoinInput::default()
    };
    let all = JoinInput {
        required: SignupField::ALL.to_vec(),
        ..base.clone()
    };
    assert_eq!(
        validate(&all, 1, today()),
        vec![
            (JoinField::Phone, JoinProblem::Required),
            (JoinField::StreetAddress, JoinProblem::Required),
            (JoinField::Zipcode, JoinProblem::Required),
            (JoinField::City, JoinProblem::Required),
            (JoinField::BirthDate, JoinProblem::Required),
        ]
    );
    let given = JoinInput {
        phone: "040 765 4321".into(),
        street: " Kirkkokatu 1 ".into(),
        zipcode: "00170".into(),
        city: "Helsinki".into(),
        birth_date: "1985-03-04".into(),
        ..all.clone()
    };
    assert!(validate(&given, 1, today()).is_empty());
    // A last name is needed: one word is not enough.
    let one_name = JoinInput {
        name: "Ritva".into(),
        ..given.clone()
    };
    assert_eq!(
        validate(&one_name, 1, today()),
        vec![(JoinField::Name, JoinProblem::TwoNames)]
    );
    // A birth date must be a date in the past; a zip code fits Linked Events' column.
    let bad = JoinInput {
        birth_date: "2026-12-03".into(),
        zipcode: "00170 00170".into(),
        ..given.clone()
    };
    assert_eq!(
        validate(&bad, 1, today()),
        vec![
            (JoinField::Zipcode, JoinProblem::TooLong),
            (JoinField::BirthDate, JoinProblem::Date)
        ]
    );
    // Nothing is required where the registration asks for nothing.
    assert!(validate(&base, 1, today()).is_empty());
    assert_eq!(JoinField::of(SignupField::LastName), JoinField::Name);
}

#[test]
fn linked_events_refusals_land_on_their_fields_once_and_the_rest_is_named() {
    // As Linked Events answers a two-person sign-up without the address it requires, and a
    // contact language it does not serve (tests/fixtures/linkedevents).
    let fields: Vec<(String, String)> = [
        ("signups.0.street_address", "This field must be specified."),
        ("signups.0.zipcode", "This field must be specified."),
        ("signups.1.street_address", "This field must be specified."),
        ("signups.1.zipcode", "This field must be specified."),
        ("signups.0.date_of_birth", "The participant is too young."),
        (
            "signups.0.contact_person.service_language",
            "Epäkelpo pääavain ru - objektia ei ole olemassa.",
        ),
        (
            "signups",
            "Number of signups exceeds the number of requested seats",
        ),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let r = sort_refusal(&fields, 3);
    assert_eq!(
        r.fields,
        vec![
            (JoinField::StreetAddress, JoinProblem::Required),
            (JoinField::Zipcode, JoinProblem::Required),
            (JoinField::BirthDate, JoinProblem::TooYoung),
        ]
    );
    assert_eq!(r.others, vec!["service_language", "signups"]);
}
