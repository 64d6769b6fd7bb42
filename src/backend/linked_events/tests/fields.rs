//! The details a registration requires: asked of every sign-up, sent with each, and refusals
//! sorted back onto them.

use super::*;

#[test]
fn mandatory_fields_and_age_limits_become_the_details_a_sign_up_gives() {
    let address = parse_registration(&ok(fixture!(
        "registration-detail-mandatory-address-anonymous-200.json"
    )))
    .unwrap();
    assert_eq!(
        address.signup_fields,
        [SignupField::StreetAddress, SignupField::Zipcode]
    );
    let phone = parse_registration(&ok(fixture!(
        "registration-detail-mandatory-phone-anonymous-200.json"
    )))
    .unwrap();
    assert_eq!(phone.signup_fields, [SignupField::Phone]);
    assert_eq!(phone.max_group_size, Some(2));
}

#[test]
fn every_sign_up_of_a_group_carries_the_address_and_the_first_the_name() {
    let hold = parse_reservation(&ApiResponse::new(
        201,
        fixture!("post-seats-reservation-mandatory-address-201.json"),
    ))
    .unwrap();
    let new = NewRegistration {
        name: "Ritva Rekisteröityjä".into(),
        email: Some("ritva@example.invalid".into()),
        phone: Some("040 765 4321".into()),
        street_address: Some("Kirkkokatu 1".into()),
        zipcode: Some(" 00170 ".into()),
        city: None,
        birth_date: None,
        seats: 2,
        language: Lang::Fi,
    };
    let body = sign_up("2", &hold, &new).body.unwrap();
    let signups = body["signups"].as_array().unwrap();
    assert_eq!(signups.len(), 2);
    for s in signups {
        assert_eq!(s["street_address"], "Kirkkokatu 1");
        assert_eq!(s["zipcode"], "00170");
        assert_eq!(s["phone_number"], "040 765 4321");
        assert!(s.get("city").is_none());
    }
    assert_eq!(signups[0]["first_name"], "Ritva");
    assert!(signups[1].get("first_name").is_none());
}

#[test]
fn each_refused_detail_lands_on_its_field_and_the_contact_language_is_named() {
    let refused = |body: &str| match parse_signup(&ApiResponse::new(400, body)) {
        Err(BackendError::Validation { fields }) => sort_refusal(&fields, 3),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let address = refused(fixture!("post-signups-missing-mandatory-address-400.json"));
    assert_eq!(
        address.fields,
        [
            (JoinField::StreetAddress, JoinProblem::Required),
            (JoinField::Zipcode, JoinProblem::Required)
        ]
    );
    assert!(address.others.is_empty());
    let empty = refused(fixture!("post-signups-empty-mandatory-address-400.json"));
    assert_eq!(empty, address);
    let phone = refused(fixture!(
        "post-signups-missing-mandatory-phone-number-400.json"
    ));
    assert_eq!(phone.fields, [(JoinField::Phone, JoinProblem::Required)]);
    let with_birth = refused(fixture!("post-signups-missing-mandatory-phone-400.json"));
    assert_eq!(
        with_birth.fields,
        [
            (JoinField::BirthDate, JoinProblem::Required),
            (JoinField::Phone, JoinProblem::Required)
        ]
    );
    let language = refused(fixture!("post-signups-service-language-ru-400.json"));
    assert!(language.fields.is_empty());
    assert_eq!(language.others, ["service_language"]);
}
