//! Plans and comments over real HTTP against the demo town.
mod common;

use common::Api;
use serde_json::{json, Value};

const OPEN_PLAN: i64 = 1; // Jokiranta: draft, open, ~1,000 comments
const SURVEY_PLAN: i64 = 2; // Kauppakatu: proposal, open, questions
const UPCOMING_PLAN: i64 = 4; // Satama: comment period not yet open
const CLOSED_PLAN: i64 = 5; // Kirkonmäki: approved, closed

fn square(n: usize) -> Value {
    // A closed ring with n + 1 positions around the Jokiranta area.
    let mut ring: Vec<Value> = (0..n)
        .map(|i| {
            let a = i as f64 / n as f64 * std::f64::consts::TAU;
            json!([25.663 + 0.002 * a.cos(), 60.390 + 0.001 * a.sin()])
        })
        .collect();
    ring.push(ring[0].clone());
    json!({"type": "Polygon", "coordinates": [ring]})
}

#[tokio::test]
async fn plan_list_filters_and_paging() {
    let api = Api::demo();
    let r = api.get("/api/v1/plans", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), "no-store");
    assert_eq!(r.body["count"], 6);
    let items = r.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    let phases: std::collections::BTreeSet<&str> =
        items.iter().map(|p| p["phase"].as_str().unwrap()).collect();
    assert_eq!(phases.len(), 6, "every phase is represented");
    for p in items {
        assert!(
            p["title"]["fi"].is_string()
                && p["title"]["sv"].is_string()
                && p["title"]["en"].is_string()
        );
        assert!(p["comment_period"]["opens_at"]
            .as_str()
            .unwrap()
            .ends_with('Z'));
    }

    let open_flags: Vec<bool> = items
        .iter()
        .map(|p| p["comment_period"]["is_open"].as_bool().unwrap())
        .collect();
    assert_eq!(
        open_flags,
        vec![true, true, true, false, false, false],
        "open plans come first"
    );
    let r = api.get("/api/v1/plans?open=true", None).await;
    let open: Vec<i64> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(r.body["count"], 3);
    assert!(
        open.contains(&OPEN_PLAN) && open.contains(&SURVEY_PLAN) && !open.contains(&CLOSED_PLAN)
    );
    assert!(r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["comment_period"]["is_open"] == true));
    let r = api.get("/api/v1/plans?open=false", None).await;
    assert_eq!(r.body["count"], 3);

    let r = api.get("/api/v1/plans?phase=approved", None).await;
    assert_eq!(r.body["count"], 1);
    assert_eq!(r.body["items"][0]["id"], CLOSED_PLAN);

    let r = api.get("/api/v1/plans?q=k%C3%A4velykatu", None).await;
    assert_eq!(r.body["count"], 1, "{}", r.text);
    // Case-insensitive beyond ASCII, in any language.
    let r = api.get("/api/v1/plans?q=M%C3%84NTYM%C3%84EN", None).await;
    assert_eq!(r.body["count"], 1, "{}", r.text);
    let r = api.get("/api/v1/plans?q=%C3%A5STRANDEN", None).await;
    assert_eq!(r.body["count"], 1, "{}", r.text);
    let r = api.get("/api/v1/plans?q=%25", None).await;
    assert_eq!(r.body["count"], 0, "LIKE wildcards are escaped");

    // A box around the harbour only.
    let r = api
        .get("/api/v1/plans?bbox=25.672,60.382,25.679,60.386", None)
        .await;
    assert_eq!(r.body["count"], 1);
    assert_eq!(r.body["items"][0]["id"], UPCOMING_PLAN);
    let r = api
        .get("/api/v1/plans?bbox=24.0,61.0,24.1,61.1", None)
        .await;
    assert_eq!(r.body["count"], 0);

    let r = api.get("/api/v1/plans?limit=2&offset=2", None).await;
    assert_eq!(r.body["count"], 6);
    assert_eq!(r.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        (r.body["limit"].as_i64(), r.body["offset"].as_i64()),
        (Some(2), Some(2))
    );

    api.get("/api/v1/plans?limit=0", None)
        .await
        .problem(400, "invalid_query");
    api.get("/api/v1/plans?limit=abc", None)
        .await
        .problem(400, "invalid_query");
    api.get("/api/v1/plans?phase=demolished", None)
        .await
        .problem(400, "invalid_query");
    api.get("/api/v1/plans?open=maybe", None)
        .await
        .problem(400, "invalid_query");
    let p = api.get("/api/v1/plans?bbox=1,2,3", None).await;
    assert_eq!(
        p.problem(400, "invalid_query")["errors"][0]["pointer"],
        "query:bbox"
    );
    api.get("/api/v1/plans?bbox=-200,0,0,0", None)
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn plan_detail() {
    let api = Api::demo();
    let r = api.get(&format!("/api/v1/plans/{SURVEY_PLAN}"), None).await;
    assert_eq!(r.status, 200);
    let p = &r.body;
    assert_eq!(p["geometry"]["type"], "Polygon");
    let ring = p["geometry"]["coordinates"][0].as_array().unwrap();
    assert_eq!(ring.first(), ring.last());
    let lon = ring[0][0].as_f64().unwrap();
    let lat = ring[0][1].as_f64().unwrap();
    assert!(
        (25.0..26.0).contains(&lon) && (60.0..61.0).contains(&lat),
        "WGS84 lon/lat order"
    );
    let phases = p["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 6);
    assert_eq!(
        phases.iter().filter(|ph| ph["status"] == "current").count(),
        1
    );
    assert!(phases
        .iter()
        .all(|ph| ph["starts_on"].as_str().unwrap().len() == 10));
    assert!(!p["documents"].as_array().unwrap().is_empty());
    assert!(p["documents"][0]["size_bytes"].as_i64().unwrap() > 0);
    assert!(!p["contacts"].as_array().unwrap().is_empty());
    let qs = p["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0]["type"], "single_choice");
    assert_eq!(qs[1]["type"], "multiple_choice");
    assert!(p["description"]["fi"].as_str().unwrap().contains("<p>"));
    // Rich text was sanitised on write.
    let en = api
        .get(&format!("/api/v1/plans/{SURVEY_PLAN}"), None)
        .await
        .body["description"]["en"]
        .clone();
    assert!(!en.as_str().unwrap().contains("onclick"));
    let joki = api.get(&format!("/api/v1/plans/{OPEN_PLAN}"), None).await;
    assert!(!joki.body["description"]["en"]
        .as_str()
        .unwrap()
        .contains("<script"));
    assert!(joki.body["n_comments"].as_i64().unwrap() >= 1000);

    api.get("/api/v1/plans/9999", None)
        .await
        .problem(404, "not_found");
    api.get("/api/v1/plans/%FF", None)
        .await
        .problem(404, "not_found");
    api.get("/api/v1/plans/-1", None)
        .await
        .problem(404, "not_found");
    api.get("/api/v1/plans/abc", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn comment_listing() {
    let api = Api::demo();
    let r = api
        .get(
            &format!("/api/v1/plans/{OPEN_PLAN}/comments?limit=1000"),
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    let mut items = r.body["items"].as_array().unwrap().clone();
    let rest = api
        .get(
            &format!("/api/v1/plans/{OPEN_PLAN}/comments?limit=1000&offset=1000"),
            None,
        )
        .await;
    items.extend(rest.body["items"].as_array().unwrap().iter().cloned());
    assert_eq!(items.len() as i64, r.body["count"].as_i64().unwrap());
    let ids: std::collections::BTreeSet<i64> =
        items.iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), items.len(), "pages do not overlap");
    let located = items.iter().filter(|c| !c["geometry"].is_null()).count();
    assert!((900..=1100).contains(&located), "{located}");
    assert!(items.iter().all(|c| c["parent_id"].is_null()));
    let times: Vec<&str> = items
        .iter()
        .map(|c| c["created_at"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let hidden: Vec<&Value> = items
        .iter()
        .filter(|c| c["moderation"]["state"] == "hidden")
        .collect();
    assert!(!hidden.is_empty());
    for h in hidden {
        assert!(h["text"].is_null() && h["geometry"].is_null());
        assert!(h["moderation"]["reason"].is_string());
    }

    let r = api
        .get(
            &format!("/api/v1/plans/{OPEN_PLAN}/comments?sort=votes&limit=20"),
            None,
        )
        .await;
    let votes: Vec<i64> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["n_votes"].as_i64().unwrap())
        .collect();
    assert!(votes.windows(2).all(|w| w[0] >= w[1]));

    let r = api
        .get(
            &format!(
                "/api/v1/plans/{OPEN_PLAN}/comments?bbox=25.660,60.389,25.664,60.391&limit=1000"
            ),
            None,
        )
        .await;
    let n = r.body["count"].as_i64().unwrap();
    assert!(n > 0 && n < 400, "{n}");
    for c in r.body["items"].as_array().unwrap() {
        if c["geometry"]["type"] == "Point" {
            let lon = c["geometry"]["coordinates"][0].as_f64().unwrap();
            let lat = c["geometry"]["coordinates"][1].as_f64().unwrap();
            assert!((25.660..=25.664).contains(&lon) && (60.389..=60.391).contains(&lat));
        }
    }

    // Replies of a comment that has some.
    let all = api
        .get(
            &format!("/api/v1/plans/{OPEN_PLAN}/comments?limit=1000"),
            None,
        )
        .await;
    let parent = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["n_replies"].as_i64().unwrap() > 0)
        .unwrap()
        .clone();
    let r = api
        .get(
            &format!(
                "/api/v1/plans/{OPEN_PLAN}/comments?parent_id={}",
                parent["id"]
            ),
            None,
        )
        .await;
    assert_eq!(r.body["count"], parent["n_replies"]);
    assert!(r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["parent_id"] == parent["id"]));

    api.get(
        &format!("/api/v1/plans/{OPEN_PLAN}/comments?sort=random"),
        None,
    )
    .await
    .problem(400, "invalid_query");
    api.get(
        &format!("/api/v1/plans/{OPEN_PLAN}/comments?limit=1001"),
        None,
    )
    .await
    .problem(400, "invalid_query");
    api.get("/api/v1/plans/777/comments", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn create_comments_replies_and_answers() {
    let api = Api::demo();
    let path = format!("/api/v1/plans/{OPEN_PLAN}/comments");
    let before = api.get(&path, None).await.body["count"].as_i64().unwrap();

    let evil = "<img src=x onerror=alert(1)> <script>alert(2)</script> \u{202e}txt.exe";
    let r = api
        .post(&path, None, &json!({"text": evil, "nickname": "  Testaaja ", "geometry": {"type": "Point", "coordinates": [25.663, 60.390]}}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.header("cache-control"), "no-store");
    let c = r.body.clone();
    assert_eq!(
        c["text"], evil,
        "user text is stored and returned as plain text"
    );
    assert_eq!(c["nickname"], "Testaaja");
    assert_eq!(c["n_votes"], 0);
    assert_eq!(c["moderation"]["state"], "visible");
    assert_eq!(
        r.header("location"),
        format!("/api/v1/comments/{}", c["id"])
    );
    assert_eq!(
        api.get(&path, None).await.body["count"].as_i64().unwrap(),
        before + 1
    );
    let fetched = api
        .get(&format!("/api/v1/comments/{}", c["id"]), None)
        .await;
    assert_eq!(fetched.body["text"], evil);

    // Exactly 5,000 characters (multi-byte) is fine; 5,001 is not.
    let long: String = "ä".repeat(5000);
    assert_eq!(
        api.post(&path, None, &json!({"text": long})).await.status,
        201
    );
    let r = api
        .post(&path, None, &json!({"text": "ä".repeat(5001)}))
        .await;
    let p = r.problem(422, "validation_failed");
    assert_eq!(p["errors"][0]["pointer"], "/text");
    assert_eq!(p["errors"][0]["code"], "too_long");
    api.post(&path, None, &json!({"text": "   "}))
        .await
        .problem(422, "validation_failed");
    api.post(&path, None, &json!({"text": "a\u{0}b"}))
        .await
        .problem(422, "validation_failed");

    // Line and polygon geometries.
    let line = json!({"type": "LineString", "coordinates": [[25.661, 60.389], [25.665, 60.391]]});
    assert_eq!(
        api.post(&path, None, &json!({"text": "Reitti", "geometry": line}))
            .await
            .status,
        201
    );
    assert_eq!(
        api.post(
            &path,
            None,
            &json!({"text": "Alue", "geometry": square(999)})
        )
        .await
        .status,
        201
    );

    // Reply.
    let r = api
        .post(
            &path,
            None,
            &json!({"text": "Vastaus", "parent_id": c["id"]}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let reply = r.body.clone();
    assert_eq!(reply["parent_id"], c["id"]);
    assert_eq!(
        api.get(&format!("/api/v1/comments/{}", c["id"]), None)
            .await
            .body["n_replies"],
        1
    );
    let r = api
        .post(
            &path,
            None,
            &json!({"text": "Syvä", "parent_id": reply["id"]}),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "nested_reply"
    );
    let r = api
        .post(&path, None, &json!({"text": "Väärä", "parent_id": 99999}))
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["pointer"],
        "/parent_id"
    );

    // Survey answers.
    let plan = api
        .get(&format!("/api/v1/plans/{SURVEY_PLAN}"), None)
        .await
        .body;
    let q1 = &plan["questions"][0];
    let q2 = &plan["questions"][1];
    let (q1id, q2id) = (q1["id"].as_i64().unwrap(), q2["id"].as_i64().unwrap());
    let o1: Vec<i64> = q1["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    let o2: Vec<i64> = q2["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    let spath = format!("/api/v1/plans/{SURVEY_PLAN}/comments");
    let r = api
        .post(&spath, None, &json!({"text": "Hyvä", "answers": [{"question_id": q1id, "option_ids": [o1[0]]}, {"question_id": q2id, "option_ids": [o2[0], o2[2]]}]}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(
        r.body["answers"],
        json!([{"question_id": q1id, "option_ids": [o1[0]]}, {"question_id": q2id, "option_ids": [o2[0], o2[2]]}])
    );
    let after = api
        .get(&format!("/api/v1/plans/{SURVEY_PLAN}"), None)
        .await
        .body;
    assert_eq!(
        after["questions"][0]["options"][0]["n_answers"]
            .as_i64()
            .unwrap(),
        q1["options"][0]["n_answers"].as_i64().unwrap() + 1
    );
    // Required question missing, two options for a single choice, an option of another question, unknown question.
    let r = api
        .post(&spath, None, &json!({"text": "Ei vastausta"}))
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "required"
    );
    let r = api
        .post(
            &spath,
            None,
            &json!({"text": "x", "answers": [{"question_id": q1id, "option_ids": [o1[0], o1[1]]}]}),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "single_choice"
    );
    let r = api
        .post(
            &spath,
            None,
            &json!({"text": "x", "answers": [{"question_id": q1id, "option_ids": [o2[0]]}]}),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "invalid_option"
    );
    let r = api.post(&spath, None, &json!({"text": "x", "answers": [{"question_id": q1id, "option_ids": [o1[0]]}, {"question_id": 4242, "option_ids": [1]}]})).await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["pointer"],
        "/answers/1/question_id"
    );
    let r = api.post(&spath, None, &json!({"text": "x", "answers": [{"question_id": q1id, "option_ids": [o1[0]], "extra": 1}]})).await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "unknown_field"
    );
}

#[tokio::test]
async fn comment_rejections() {
    let api = Api::demo();
    let path = format!("/api/v1/plans/{OPEN_PLAN}/comments");
    let before = api.get(&path, None).await.body["count"].clone();

    let r = api
        .post(&path, None, &json!({"text": "x", "admin": true}))
        .await;
    let p = r.problem(422, "validation_failed");
    assert_eq!(p["errors"][0]["code"], "unknown_field");
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("admin"));
    let r = api.post(&path, None, &json!({"text": 42})).await;
    let p = r.problem(422, "validation_failed");
    assert_eq!(
        (
            p["errors"][0]["pointer"].as_str(),
            p["errors"][0]["code"].as_str()
        ),
        (Some("/text"), Some("invalid_type"))
    );
    let r = api.post(&path, None, &json!({"nickname": "x"})).await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "required"
    );
    api.post_raw(&path, "application/json", b"{\"text\": ".to_vec())
        .await
        .problem(400, "invalid_json");
    api.post_raw(&path, "text/plain", b"{\"text\": \"x\"}".to_vec())
        .await
        .problem(415, "unsupported_media_type");

    let geo = |g: Value| json!({"text": "paikka", "geometry": g});
    let r = api
        .post(
            &path,
            None,
            &geo(json!({"type": "Point", "coordinates": [190.0, 60.0]})),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "out_of_range"
    );
    let r = api
        .post(
            &path,
            None,
            &geo(json!({"type": "Point", "coordinates": [25.0, 95.0]})),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["pointer"],
        "/geometry/coordinates/1"
    );
    let open_ring = json!({"type": "Polygon", "coordinates": [[[25.66, 60.39], [25.67, 60.39], [25.67, 60.40], [25.66, 60.40]]]});
    let r = api.post(&path, None, &geo(open_ring)).await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "ring_not_closed"
    );
    let r = api
        .post(
            &path,
            None,
            &geo(json!({"type": "Feature", "geometry": null})),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "invalid_geometry"
    );
    let r = api
        .post(
            &path,
            None,
            &geo(json!({"type": "Point", "coordinates": "25,60"})),
        )
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "invalid_geometry"
    );
    let r = api.post(&path, None, &geo(square(1000))).await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["code"],
        "too_many_vertices"
    );
    // 100k vertices is far past the body limit.
    let r = api.post(&path, None, &geo(square(100_000))).await;
    r.problem(413, "payload_too_large");

    api.post(
        &format!("/api/v1/plans/{CLOSED_PLAN}/comments"),
        None,
        &json!({"text": "myöhässä"}),
    )
    .await
    .problem(409, "comment_period_closed");
    api.post(
        &format!("/api/v1/plans/{UPCOMING_PLAN}/comments"),
        None,
        &json!({"text": "liian aikaisin"}),
    )
    .await
    .problem(409, "comment_period_closed");
    api.post("/api/v1/plans/31337/comments", None, &json!({"text": "x"}))
        .await
        .problem(404, "not_found");

    assert_eq!(
        api.get(&path, None).await.body["count"],
        before,
        "nothing was stored"
    );
}

#[tokio::test]
async fn votes_and_reports() {
    let api = Api::demo();
    let path = format!("/api/v1/plans/{OPEN_PLAN}/comments");
    let c = api
        .post(&path, None, &json!({"text": "Äänestä tätä"}))
        .await
        .body;
    let id = c["id"].as_i64().unwrap();
    let vote = format!("/api/v1/comments/{id}/vote");
    api.post(&vote, None, &json!({}))
        .await
        .problem(401, "unauthorized");
    api.post(&vote, Some("not-a-token"), &json!({}))
        .await
        .problem(401, "unauthorized");

    let (a, b) = (api.participant().await, api.participant().await);
    let r = api.post(&vote, Some(&a), &json!({})).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.body,
        json!({"comment_id": id, "n_votes": 1, "voted": true})
    );
    assert_eq!(
        api.post(&vote, Some(&a), &json!({})).await.body["n_votes"],
        1,
        "one vote per participant"
    );
    assert_eq!(
        api.post(&vote, Some(&b), &json!({})).await.body["n_votes"],
        2
    );
    assert_eq!(
        api.get(&format!("/api/v1/comments/{id}"), Some(&a))
            .await
            .body["voted"],
        true
    );
    assert_eq!(
        api.get(&format!("/api/v1/comments/{id}"), None).await.body["voted"],
        false
    );
    let r = api
        .post(
            &format!("/api/v1/comments/{id}/unvote"),
            Some(&a),
            &json!({}),
        )
        .await;
    assert_eq!(
        r.body,
        json!({"comment_id": id, "n_votes": 1, "voted": false})
    );
    assert_eq!(
        api.post(
            &format!("/api/v1/comments/{id}/unvote"),
            Some(&a),
            &json!({})
        )
        .await
        .body["n_votes"],
        1
    );
    api.post("/api/v1/comments/999999/vote", Some(&a), &json!({}))
        .await
        .problem(404, "not_found");
    // Closed plan: no voting.
    let closed =
        api.get("/api/v1/plans/5/comments?limit=1", None).await.body["items"][0]["id"].clone();
    api.post(
        &format!("/api/v1/comments/{closed}/vote"),
        Some(&a),
        &json!({}),
    )
    .await
    .problem(409, "comment_period_closed");

    let report = format!("/api/v1/comments/{id}/reports");
    let r = api
        .post(&report, None, &json!({"reason": "advertising"}))
        .await;
    assert_eq!(
        r.problem(422, "validation_failed")["errors"][0]["pointer"],
        "/reason"
    );
    let r = api
        .post(
            &report,
            Some(&a),
            &json!({"reason": "spam", "details": "Mainos"}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.text);
    // The same reporter twice counts once.
    api.post(&report, Some(&a), &json!({"reason": "spam"}))
        .await;
    assert_eq!(
        api.get(&format!("/api/v1/comments/{id}"), None).await.body["moderation"]["state"],
        "visible"
    );
    api.post(&report, Some(&b), &json!({"reason": "offensive"}))
        .await;
    api.post(&report, None, &json!({"reason": "other"})).await;
    let hidden = api.get(&format!("/api/v1/comments/{id}"), None).await.body;
    assert_eq!(hidden["moderation"]["state"], "hidden");
    assert!(hidden["moderation"]["reason"].is_string());
    assert!(hidden["text"].is_null());
    api.post(&vote, Some(&b), &json!({}))
        .await
        .problem(409, "comment_hidden");
    api.post(
        "/api/v1/comments/999999/reports",
        None,
        &json!({"reason": "spam"}),
    )
    .await
    .problem(404, "not_found");
}
