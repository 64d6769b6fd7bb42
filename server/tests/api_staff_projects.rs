//! Staff posting project updates over real HTTP: roles, the update residents see, the audit.
mod common;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/staff.rs"]
mod staff;

use common::Api;
use idp::{flags, Idp};
use serde_json::json;
use staff::send;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editors_post_project_updates() {
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(&idp, &["--demo"]));
    let editor = idp.token("editor-2", &["editor"]);
    let path = "/api/v1/staff/projects/1/updates";
    let update = json!({"title": {"fi": "Työmaa alkaa", "en": "Works begin"},
        "body": {"fi": "Kaivuutyöt alkavat maanantaina.\nLiikenne ohjataan Jokikadulle."}});

    send(&api, "POST", path, None, None, Some(&update))
        .await
        .problem(401, "staff_token_required");
    let resident = api.participant().await;
    send(&api, "POST", path, Some(&resident), None, Some(&update))
        .await
        .problem(401, "invalid_token");
    let moderator = idp.token("m", &["moderator"]);
    send(&api, "POST", path, Some(&moderator), None, Some(&update))
        .await
        .problem(403, "forbidden");
    let r = send(
        &api,
        "POST",
        path,
        Some(&editor),
        None,
        Some(&json!({"title": {"sv": "Bara svenska"}})),
    )
    .await;
    r.problem(422, "validation_failed");
    let pointers: Vec<&str> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, vec!["/title/fi", "/body/fi"]);
    send(
        &api,
        "POST",
        "/api/v1/staff/projects/999/updates",
        Some(&editor),
        None,
        Some(&update),
    )
    .await
    .problem(404, "not_found");

    let r = send(&api, "POST", path, Some(&editor), None, Some(&update)).await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.header("location"), "/api/v1/projects/1/updates");
    let id = r.body["id"].clone();
    let listed = api.get("/api/v1/projects/1/updates", None).await;
    assert_eq!(listed.body["items"][0]["id"], id, "{}", listed.text);
    assert_eq!(listed.body["items"][0]["title"]["en"], "Works begin");

    let admin = idp.token("a", &["admin"]);
    let r = send(
        &api,
        "GET",
        "/api/v1/staff/audit?item_type=project&item_id=1",
        Some(&admin),
        None,
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let e = &r.body["items"][0];
    assert_eq!(
        (e["action"].as_str(), e["item_type"].as_str()),
        (Some("post_update"), Some("project"))
    );
    assert_eq!(e["actor"]["sub"], "editor-2");
    assert_eq!(e["after"]["id"], id);
    assert_eq!(r.body["items"].as_array().unwrap().len(), 1);
}
