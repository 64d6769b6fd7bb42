//! The staff workspace for plans over real HTTP: drafts hidden from residents, publishing and
//! archiving, optimistic locking with ETag / If-Match, the audit log.
mod common;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/staff.rs"]
mod staff;

use common::Api;
use common::Resp;
use idp::{flags, Idp};
use serde_json::{json, Value};
use staff::{plan_body, send};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_publishing_and_optimistic_locking() {
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(&idp, &["--demo"]));
    let editor = idp.token("editor-1", &["editor"]);
    let admin = idp.token("admin-1", &["admin"]);
    let resident = api.participant().await;

    let r = send(
        &api,
        "POST",
        "/api/v1/staff/plans",
        Some(&editor),
        None,
        Some(&plan_body("Testikorttelin puisto")),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.header("etag"), "\"v1\"");
    let id = r.body["id"].as_i64().unwrap();
    assert_eq!(r.header("location"), format!("/api/v1/staff/plans/{id}"));
    assert_eq!(r.body["status"], "draft");
    assert_eq!(r.body["slug"], "testikorttelin-puisto");
    assert_eq!(r.body["created_by"], "editor-1");
    assert_eq!(r.body["commenting"], "anyone");
    assert_eq!(r.body["map_tools"], "point");
    assert_eq!(r.body["contacts"][0]["role"]["fi"], "Kaavoittaja");
    let html = r.body["description"]["fi"].as_str().unwrap();
    assert!(
        html.contains("<strong>tärkeä</strong>")
            && !html.contains("script")
            && !html.contains("onclick"),
        "{html}"
    );
    assert!(
        html.contains("rel=\"noopener noreferrer nofollow\""),
        "{html}"
    );

    // A draft is nowhere for residents.
    let plans = |r: &Resp| {
        r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let listed = api.get("/api/v1/plans?limit=100", None).await;
    assert_eq!(listed.body["count"], 6);
    assert!(!plans(&listed).contains(&id));
    api.get(&format!("/api/v1/plans/{id}"), None)
        .await
        .problem(404, "not_found");
    api.get(&format!("/api/v1/plans/{id}/comments"), None)
        .await
        .problem(404, "not_found");
    let c = api
        .post(
            &format!("/api/v1/plans/{id}/comments"),
            None,
            &json!({"text": "Hei"}),
        )
        .await;
    assert_eq!(c.status, 404, "{}", c.text);
    let f = api
        .post(
            &format!("/api/v1/plans/{id}/follow"),
            Some(&resident),
            &json!({}),
        )
        .await;
    assert_eq!(f.status, 404, "{}", f.text);
    assert_eq!(
        api.get("/api/v1/plans?q=testikortteli", None).await.body["count"],
        0
    );

    // Staff see it in every status, with its version as the ETag.
    let r = send(
        &api,
        "GET",
        &format!("/api/v1/staff/plans/{id}"),
        Some(&editor),
        None,
        None,
    )
    .await;
    assert_eq!((r.status, r.header("etag")), (200, "\"v1\""));
    let r = send(
        &api,
        "GET",
        "/api/v1/staff/plans?status=draft",
        Some(&editor),
        None,
        None,
    )
    .await;
    assert_eq!(r.body["count"], 1);
    assert_eq!(r.body["items"][0]["id"], id);
    assert_eq!(
        send(
            &api,
            "GET",
            "/api/v1/staff/plans",
            Some(&editor),
            None,
            None
        )
        .await
        .body["count"],
        7
    );

    // Writes need If-Match; an old version gets the current plan back.
    let path = format!("/api/v1/staff/plans/{id}");
    let mut changed = plan_body("Testikorttelin puisto");
    changed["phase"] = json!("proposal");
    send(&api, "PUT", &path, Some(&editor), None, Some(&changed))
        .await
        .problem(428, "precondition_required");
    let r = send(
        &api,
        "PUT",
        &path,
        Some(&editor),
        Some("\"v0\""),
        Some(&changed),
    )
    .await;
    r.problem(412, "precondition_failed");
    assert_eq!(r.header("etag"), "\"v1\"");
    assert_eq!(r.body["current"]["version"], 1);
    assert_eq!(r.body["current"]["phase"], "draft");
    let r = send(
        &api,
        "PUT",
        &path,
        Some(&editor),
        Some("\"v1\""),
        Some(&changed),
    )
    .await;
    assert_eq!((r.status, r.header("etag")), (200, "\"v2\""), "{}", r.text);
    assert_eq!(r.body["phase"], "proposal");
    let status = format!("{path}/status");
    let publish = json!({"status": "published"});
    send(
        &api,
        "POST",
        &status,
        Some(&editor),
        Some("\"v1\""),
        Some(&publish),
    )
    .await
    .problem(412, "precondition_failed");
    let r = send(
        &api,
        "POST",
        &status,
        Some(&editor),
        Some("\"v2\""),
        Some(&publish),
    )
    .await;
    assert_eq!((r.status, r.header("etag")), (200, "\"v3\""), "{}", r.text);

    // Published: listed, readable, open for comments.
    let listed = api.get("/api/v1/plans?limit=100", None).await;
    assert_eq!(listed.body["count"], 7);
    assert!(plans(&listed).contains(&id));
    let d = api.get(&format!("/api/v1/plans/{id}"), None).await;
    assert_eq!(d.status, 200, "{}", d.text);
    assert_eq!(
        (
            d.body["status"].as_str(),
            d.body["commenting"].as_str(),
            d.body["map_tools"].as_str()
        ),
        (Some("published"), Some("anyone"), Some("point"))
    );
    assert_eq!(d.body["phase"], "proposal");
    let c = api
        .post(
            &format!("/api/v1/plans/{id}/comments"),
            None,
            &json!({"text": "Hyvä puisto"}),
        )
        .await;
    assert_eq!(c.status, 201, "{}", c.text);

    // Archived: readable by its address, not listed, closed for comments.
    let r = send(
        &api,
        "POST",
        &status,
        Some(&editor),
        Some("*"),
        Some(&json!({"status": "archived"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(!plans(&api.get("/api/v1/plans?limit=100", None).await).contains(&id));
    assert_eq!(
        api.get(&format!("/api/v1/plans/{id}"), None).await.body["status"],
        "archived"
    );
    api.post(
        &format!("/api/v1/plans/{id}/comments"),
        None,
        &json!({"text": "Myöhässä"}),
    )
    .await
    .problem(409, "comment_period_closed");

    // Every write is in the audit log, newest first, with the item before and after.
    let r = send(
        &api,
        "GET",
        &format!("/api/v1/staff/audit?item_type=plan&item_id={id}"),
        Some(&admin),
        None,
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let items = r.body["items"].as_array().unwrap();
    let actions: Vec<&str> = items
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["status", "status", "update", "create"]);
    assert_eq!(items[3]["before"], Value::Null);
    assert_eq!(items[3]["after"]["version"], 1);
    assert_eq!(items[2]["before"]["phase"], "draft");
    assert_eq!(items[2]["after"]["phase"], "proposal");
    assert_eq!(items[1]["after"]["status"], "published");
    assert_eq!(
        items[0]["actor"],
        json!({"sub": "editor-1", "name": "Sanna Suunnittelija"})
    );
    assert!(items[0]["at"].as_str().unwrap().ends_with('Z'));
}
