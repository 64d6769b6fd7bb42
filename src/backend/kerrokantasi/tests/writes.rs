//! Comments, votes and follows sent to Kerrokantasi, and its refusals.

use super::*;

fn body(json: &str) -> Option<Value> {
    Some(serde_json::from_str(json).unwrap())
}

fn created(body: &str) -> ApiResponse<'_> {
    ApiResponse::new(201, body)
}

#[test]
fn a_plain_comment_and_a_reply_are_posted_to_the_section_with_a_trailing_slash() {
    let plain = NewComment {
        text: "Hyvä suunnitelma, kannatan!".into(),
        nickname: Some("Matti Testaaja".into()),
        ..NewComment::default()
    };
    let request = create_comment(HEARING, MAIN, &plain, &[]);
    assert_eq!(request.method, Method::Post);
    assert_eq!(
        request.path,
        format!("hearing/{HEARING}/sections/{MAIN}/comments/")
    );
    assert_eq!(request.idempotency_key, None);
    assert_eq!(
        request.body,
        body(r#"{"content": "Hyvä suunnitelma, kannatan!", "author_name": "Matti Testaaja"}"#)
    );
    let c = parse_comment(&created(fixture!("post-comment-plain-201.json"))).unwrap();
    assert_eq!(
        (c.id, c.text.as_deref()),
        (1, Some("Hyvä suunnitelma, kannatan!"))
    );
    assert_eq!(c.moderation, Moderation::Visible);

    let reply = NewComment {
        text: "Olen samaa mieltä.".into(),
        nickname: Some("Vastaaja".into()),
        parent: Some(1),
        ..NewComment::default()
    };
    let request = create_comment(HEARING, MAIN, &reply, &[]);
    assert_eq!(
        request.body,
        body(r#"{"content": "Olen samaa mieltä.", "author_name": "Vastaaja", "comment": 1}"#)
    );
    let c = parse_comment(&created(fixture!("post-comment-reply-201.json"))).unwrap();
    assert_eq!((c.id, c.parent), (5, Some(1)));
}

#[test]
fn places_go_out_as_geojson_and_come_back_as_sent() {
    let point = Geometry::Point(LatLng::new(60.1699, 24.9414));
    let new = NewComment {
        text: "Tähän risteykseen tarvitaan suojatie.".into(),
        nickname: Some("Pia Pisteläinen".into()),
        geometry: Some(point.clone()),
        ..NewComment::default()
    };
    let sent = create_comment(HEARING, MAIN, &new, &[]).body.unwrap();
    assert_eq!(
        sent["geojson"],
        serde_json::json!({"type": "Point", "coordinates": [24.9414, 60.1699]})
    );
    let c = parse_comment(&created(fixture!("post-comment-geojson-point-201.json"))).unwrap();
    assert_eq!(c.geometry, Some(point));

    let c = parse_comment(&created(fixture!(
        "post-comment-geojson-featurecollection-201.json"
    )))
    .unwrap();
    let route = c.geometry.unwrap();
    assert_eq!(route.vertex_count(), 4);
    let sent = create_comment(
        HEARING,
        MAIN,
        &NewComment {
            geometry: Some(route),
            ..new
        },
        &[],
    );
    let geojson = &sent.body.unwrap()["geojson"];
    assert_eq!(geojson["type"], "FeatureCollection");
    assert_eq!(geojson["features"][0]["geometry"]["type"], "LineString");
    assert_eq!(
        geojson["features"][0]["geometry"]["coordinates"][1],
        serde_json::json!([24.95, 60.172])
    );
    let c = parse_comment(&created(fixture!(
        "post-comment-geojson-polygon-feature-201.json"
    )))
    .unwrap();
    assert!(
        matches!(c.geometry, Some(Geometry::Polygon(ref r)) if r.len() == 1 && r[0].len() == 5)
    );
}

#[test]
fn survey_answers_carry_the_question_type_and_go_to_the_questions_section() {
    let plan = parse_plan(&ok(fixture!("hearing-detail-200.json"))).unwrap();
    let new = NewComment {
        text: "Vastasin kyselyyn.".into(),
        nickname: Some("Kyselyvastaaja".into()),
        answers: vec![
            Answer {
                question: 1,
                options: vec![1],
            },
            Answer {
                question: 2,
                options: vec![3, 4],
            },
        ],
        ..NewComment::default()
    };
    // The questions are the seeded part section's own.
    let questions = &plan.parts[0].questions;
    let section = questions[0].section.as_deref().unwrap();
    let request = create_comment(HEARING, section, &new, questions);
    assert_eq!(
        request.path,
        format!("hearing/{HEARING}/sections/{PART}/comments/")
    );
    let expected = r#"{"content": "Vastasin kyselyyn.", "author_name": "Kyselyvastaaja", "answers": [
        {"question": 1, "type": "single-choice", "answers": [1]},
        {"question": 2, "type": "multiple-choice", "answers": [3, 4]}]}"#;
    assert_eq!(request.body, body(expected));
    let c = parse_comment(&created(fixture!("post-comment-poll-answers-201.json"))).unwrap();
    assert_eq!(c.answers, new.answers);
}

#[test]
fn votes_use_kerrokantasis_action_paths() {
    let request = vote(HEARING, MAIN, 2);
    assert_eq!(request.method, Method::Post);
    assert_eq!(
        request.path,
        format!("hearing/{HEARING}/sections/{MAIN}/comments/2/vote/")
    );
    assert_eq!(request.body, None);
    assert_eq!(
        unvote(HEARING, MAIN, 2).path,
        format!("hearing/{HEARING}/sections/{MAIN}/comments/2/unvote/")
    );
    let state = parse_vote(&ok(fixture!("post-vote-comment-200.json")), true).unwrap();
    assert_eq!(
        state,
        VoteState {
            votes: None,
            voted: true
        }
    );
}

#[test]
fn refusals_keep_kerrokantasis_reason_codes() {
    let forbidden = |code: &str| Err(BackendError::Forbidden { code: code.into() });
    let closed = parse_comment(&ApiResponse::new(
        403,
        fixture!("post-comment-closed-hearing-403.json"),
    ));
    assert_eq!(closed, forbidden("hearing_closed"));
    let registered = parse_vote(
        &ApiResponse::new(403, fixture!("post-vote-registered-only-section-403.json")),
        true,
    );
    assert_eq!(
        registered,
        Err(BackendError::Forbidden {
            code: "voting_registered".into()
        })
    );
    let unvote = parse_vote(
        &ApiResponse::new(403, fixture!("post-unvote-anonymous-403.json")),
        false,
    );
    assert_eq!(
        unvote,
        Err(BackendError::Forbidden {
            code: "forbidden".into()
        })
    );
    let users = BackendError::from_response(401, fixture!("users-anonymous-401.json"), None);
    assert_eq!(users, BackendError::Unauthorized);
}

#[test]
fn invalid_comments_name_the_field_and_server_crashes_stay_server_errors() {
    let invalid = |body: &str| match parse_comment(&ApiResponse::new(400, body)) {
        Err(BackendError::Validation { fields }) => fields,
        other => panic!("expected a validation error, got {other:?}"),
    };
    let no_content = invalid(fixture!("post-comment-no-content-400.json"));
    assert_eq!(no_content.len(), 1);
    assert_eq!(no_content[0].0, "");
    assert!(no_content[0].1.starts_with("You must supply at least one"));
    assert_eq!(
        invalid(fixture!("post-comment-poll-only-no-content-400.json"))[0].0,
        ""
    );
    assert_eq!(
        invalid(fixture!("post-comment-invalid-geojson-400.json"))[0].0,
        "geojson"
    );
    assert_eq!(
        invalid(fixture!("post-comment-invalid-geojson-type-400.json"))[0].0,
        "geojson"
    );
    assert_eq!(
        invalid(fixture!("post-comment-poll-bad-option-400.json"))[0].0,
        "option"
    );
    let two = invalid(fixture!(
        "post-comment-poll-single-choice-two-answers-400.json"
    ));
    assert_eq!(
        two,
        vec![(
            "answers".into(),
            "A single choice poll may not have several answers.".into()
        )]
    );
    let crash = parse_comment(&ApiResponse::new(
        500,
        fixture!("post-comment-invalid-geojson-string-500.json"),
    ));
    assert_eq!(crash, Err(BackendError::Server { status: 500 }));
}
