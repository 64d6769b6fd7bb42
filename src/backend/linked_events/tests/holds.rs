//! Places held between tries: one reservation per resident, changed or given back with its
//! code (Linked Events has no DELETE for reservations), and recognised when it is gone.

use super::*;

fn hold() -> SeatHold {
    parse_reservation(&ApiResponse::new(
        201,
        fixture!("post-seats-reservation-mandatory-address-201.json"),
    ))
    .unwrap()
}

#[test]
fn a_hold_keeps_its_id_code_and_end() {
    let h = hold();
    assert_eq!((h.id.as_str(), h.seats, h.waitlisted), ("10", 2, false));
    assert_eq!(h.code, "9603b2b0-f69c-484e-9112-c82d77883bf6");
    // 15 minutes and a minute per seat after it was made.
    assert_eq!(h.expires, at("2026-12-03T09:26:41.298793Z"));
    assert!(!h.maybe_used);
}

#[test]
fn places_are_given_back_with_a_put_of_zero_seats_and_the_code() {
    let h = hold();
    let request = release_seats("2", &h);
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Put, "seats_reservation/10/")
    );
    let expected = serde_json::json!({
        "registration": 2,
        "seats": 0,
        "code": "9603b2b0-f69c-484e-9112-c82d77883bf6",
    });
    assert_eq!(request.body, Some(expected));
    let released = parse_reservation(&ok(fixture!(
        "put-seats-reservation-release-0-seats-200.json"
    )))
    .unwrap();
    assert_eq!((released.id.as_str(), released.seats), ("10", 0));
    assert_eq!(released.code, h.code);
    assert_eq!(released.expires, at("2026-12-03T09:24:41.298793Z"));
    // What the registration said while the places were held, and after.
    let held = parse_registration(&ok(fixture!(
        "registration-detail-mandatory-address-with-reservation-anonymous-200.json"
    )))
    .unwrap();
    let after = parse_registration(&ok(fixture!(
        "registration-detail-mandatory-address-after-release-anonymous-200.json"
    )))
    .unwrap();
    assert_eq!(
        (held.seats.remaining, after.seats.remaining),
        (Some(8), Some(10))
    );
    // Why not DELETE: Linked Events does not allow it.
    let deleted = parse_cancel(&ApiResponse::new(
        405,
        fixture!("delete-seats-reservation-405.json"),
    ));
    assert_eq!(deleted, Err(BackendError::Rejected { status: 405 }));
}

#[test]
fn a_changed_number_of_places_updates_the_same_hold() {
    let request = update_seats("2", &hold(), 1);
    assert_eq!(request.path, "seats_reservation/10/");
    assert_eq!(request.body.as_ref().unwrap()["seats"], 1);
    assert_eq!(
        request.body.as_ref().unwrap()["code"],
        "9603b2b0-f69c-484e-9112-c82d77883bf6"
    );
    let wrong = parse_reservation(&ApiResponse::new(
        400,
        fixture!("put-seats-reservation-wrong-code-400.json"),
    ));
    assert!(matches!(wrong, Err(BackendError::Validation { .. })));
}

#[test]
fn a_sign_up_whose_hold_is_gone_is_recognised() {
    let refusal =
        |name: &str, body: &str| parse_signup(&ApiResponse::new(400, body)).expect_err(name);
    let used = refusal("used", fixture!("post-signups-reuse-code-400.json"));
    let given_back = refusal(
        "given back",
        fixture!("post-signups-after-release-0-seats-400.json"),
    );
    let fields = refusal(
        "fields",
        fixture!("post-signups-missing-mandatory-address-400.json"),
    );
    assert!(hold_gone(&used) && hold_gone(&given_back));
    assert!(!hold_gone(&fields));
    assert!(!hold_gone(&BackendError::Timeout));
}
