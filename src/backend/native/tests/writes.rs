//! Writing comments, votes and reports, and the errors the server answers with.

use super::*;

fn created(body: &str) -> ApiResponse<'_> {
    ApiResponse::new(201, body)
}

#[test]
fn a_located_comment_is_posted_with_nickname_geometry_and_key() {
    let new = NewComment {
        text: "Rantaan tarvitaan lisää penkkejä.".into(),
        nickname: Some("Jokirannan Jaana".into()),
        geometry: Some(Geometry::Point(LatLng::new(60.3904, 25.6631))),
        ..NewComment::default()
    };
    let request = create_comment("1", &new, "key-1");
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path, "plans/1/comments");
    assert_eq!(request.idempotency_key.as_deref(), Some("key-1"));
    let expected = r#"{"text":"Rantaan tarvitaan lisää penkkejä.","nickname":"Jokirannan Jaana","geometry":{"type":"Point","coordinates":[25.6631,60.3904]}}"#;
    assert_eq!(request.body, Some(serde_json::from_str(expected).unwrap()));
    let c = parse_comment(&created(fixture!("comment-post-point-201.json"))).unwrap();
    assert_eq!(c.id, 1286);
    assert_eq!(c.geometry, new.geometry);
    assert_eq!(c.nickname, new.nickname);
}

#[test]
fn an_area_with_a_hole_goes_out_and_comes_back_with_both_rings() {
    let body = r#"{"text":"Tämä alue puistoksi, lampi keskelle.","geometry":{"type":"Polygon","coordinates":[[[25.66,60.39],[25.665,60.39],[25.665,60.392],[25.66,60.392],[25.66,60.39]],[[25.661,60.3905],[25.662,60.3905],[25.662,60.391],[25.661,60.3905]]]}}"#;
    let c = parse_comment(&created(fixture!("comment-post-polygon-hole-201.json"))).unwrap();
    let Some(Geometry::Polygon(rings)) = &c.geometry else {
        panic!("expected a polygon, got {:?}", c.geometry)
    };
    assert_eq!(rings.len(), 2);
    assert_eq!(rings[1][0], LatLng::new(60.3905, 25.661));
    assert_eq!(c.geometry.as_ref().unwrap().validate(), Ok(()));
    let new = NewComment {
        text: "Tämä alue puistoksi, lampi keskelle.".into(),
        nickname: Some("  ".into()),
        geometry: c.geometry.clone(),
        ..NewComment::default()
    };
    let request = create_comment("1", &new, "key-2");
    assert_eq!(request.body, Some(serde_json::from_str(body).unwrap()));
}

#[test]
fn a_reply_names_its_parent_and_survey_answers_name_questions_and_options() {
    let reply = NewComment {
        text: "Samaa mieltä!".into(),
        parent: Some(1286),
        ..NewComment::default()
    };
    let body = create_comment("1", &reply, "k").body.unwrap();
    assert_eq!(
        body,
        serde_json::json!({"text": "Samaa mieltä!", "parent_id": 1286})
    );
    let c = parse_comment(&created(fixture!("comment-post-reply-201.json"))).unwrap();
    assert_eq!((c.id, c.parent), (1288, Some(1286)));

    let survey = NewComment {
        text: "Kävelykatu on hyvä ajatus.".into(),
        answers: vec![
            Answer {
                question: 1,
                options: vec![2],
            },
            Answer {
                question: 2,
                options: vec![4, 5],
            },
        ],
        ..NewComment::default()
    };
    let request = create_comment("2", &survey, "k");
    let expected = r#"{"text":"Kävelykatu on hyvä ajatus.","answers":[{"question_id":1,"option_ids":[2]},{"question_id":2,"option_ids":[4,5]}]}"#;
    assert_eq!(request.body, Some(serde_json::from_str(expected).unwrap()));
    let c = parse_comment(&created(fixture!("comment-post-answers-201.json"))).unwrap();
    assert_eq!(c.answers, survey.answers);
}

#[test]
fn votes_and_reports_go_to_the_comment_and_return_the_new_state() {
    let request = vote(1286, "v1");
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "comments/1286/vote")
    );
    assert_eq!(
        (request.body.clone(), request.idempotency_key.as_deref()),
        (None, Some("v1"))
    );
    assert_eq!(unvote(1286, "v2").path, "comments/1286/unvote");
    let voted = parse_vote(&ApiResponse::new(200, fixture!("comment-vote-200.json"))).unwrap();
    assert_eq!(
        voted,
        VoteState {
            votes: Some(1),
            voted: true
        }
    );
    let unvoted = parse_vote(&ApiResponse::new(200, fixture!("comment-unvote-200.json"))).unwrap();
    assert_eq!(
        unvoted,
        VoteState {
            votes: Some(0),
            voted: false
        }
    );

    let new = NewReport {
        reason: ReportReason::PersonalData,
        details: Some("Kommentissa on naapurin nimi.".into()),
    };
    let request = report(1286, &new, "r1");
    assert_eq!(request.path, "comments/1286/reports");
    let expected = r#"{"reason":"personal_data","details":"Kommentissa on naapurin nimi."}"#;
    assert_eq!(request.body, Some(serde_json::from_str(expected).unwrap()));
    assert_eq!(
        parse_report(&ApiResponse::new(202, fixture!("comment-report-202.json"))),
        Ok(())
    );
}

#[test]
fn every_error_answer_becomes_the_right_typed_error() {
    let invalid = parse_comment(&ApiResponse::new(
        422,
        fixture!("comment-post-invalid-422.json"),
    ));
    let fields = vec![
        ("text".to_string(), "required".to_string()),
        (
            "geometry/coordinates/0".to_string(),
            "ring_not_closed".to_string(),
        ),
    ];
    assert_eq!(invalid, Err(BackendError::Validation { fields }));
    let closed = parse_comment(&ApiResponse::new(
        409,
        fixture!("comment-post-period-closed-409.json"),
    ));
    assert_eq!(
        closed,
        Err(BackendError::Conflict {
            code: "comment_period_closed".into()
        })
    );
    let anonymous = parse_vote(&ApiResponse::new(
        401,
        fixture!("comment-vote-anonymous-401.json"),
    ));
    assert_eq!(anonymous, Err(BackendError::Unauthorized));
    let bad_token = parse_vote(&ApiResponse::new(
        401,
        fixture!("comment-vote-bad-token-401.json"),
    ));
    assert_eq!(bad_token, Err(BackendError::Unauthorized));
    let missing = parse_plan(&ApiResponse::new(
        404,
        fixture!("plan-detail-missing-404.json"),
    ));
    assert_eq!(missing, Err(BackendError::NotFound));
    let bbox = parse_plans(&ApiResponse::new(
        400,
        fixture!("plan-list-bad-bbox-400.json"),
    ));
    let fields = vec![("query:bbox".to_string(), "invalid".to_string())];
    assert_eq!(bbox, Err(BackendError::Validation { fields }));
    let limited = ApiResponse {
        status: 429,
        body: fixture!("comment-report-rate-limited-429.json"),
        retry_after: Some("2"),
    };
    assert_eq!(
        parse_report(&limited),
        Err(BackendError::RateLimited {
            retry_after_s: Some(2)
        })
    );
}

#[test]
fn a_success_answer_of_the_wrong_shape_is_a_decode_error_saying_where() {
    let err = parse_comment(&ApiResponse::new(201, r#"{"id": "x"}"#)).unwrap_err();
    let BackendError::Decode { detail } = err else {
        panic!("expected a decode error, got {err:?}")
    };
    assert!(
        detail.contains("invalid type") && detail.contains("line 1 column 10"),
        "{detail}"
    );
    let bad_time =
        fixture!("comment-post-point-201.json").replace("2026-11-25T16:09:38Z", "yesterday");
    assert!(matches!(
        parse_comment(&ApiResponse::new(201, &bad_time)),
        Err(BackendError::Decode { .. })
    ));
}
