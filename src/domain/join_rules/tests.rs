use super::*;

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
        validate(&long, 4),
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
    assert!(validate(&base, 3).is_empty());
    let needs = JoinInput {
        phone_required: true,
        ..base.clone()
    };
    assert_eq!(
        validate(&needs, 3),
        vec![(JoinField::Phone, JoinProblem::Required)]
    );
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
            vec![(JoinField::Phone, JoinProblem::Phone)],
            "{bad}"
        );
    }
    let refused = vec![("signups.0.phone_number".into(), "required".into())];
    assert_eq!(
        field_problems(&refused, 3),
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
        field_problems(&v, 10),
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
