//! Follows and changes use precise instants: an update published in the same second as the
//! follow (but after it) is a change since the follow.

mod common;

use common::Api;
use serde_json::json;

/// The whole-second part of an RFC 3339 instant.
fn second(ts: &str) -> &str {
    &ts[..19]
}

#[tokio::test]
async fn an_update_in_the_same_second_as_the_follow_is_a_change() {
    let api = Api::demo();
    let token = api.participant().await;
    let mut same_second_seen = 0;
    for (attempt, project) in [1, 2, 3, 4, 1, 2, 3, 4].into_iter().enumerate() {
        let f = api
            .post(
                &format!("/api/v1/projects/{project}/unfollow"),
                Some(&token),
                &json!({}),
            )
            .await;
        assert_eq!(f.status, 200);
        let f = api
            .post(
                &format!("/api/v1/projects/{project}/follow"),
                Some(&token),
                &json!({}),
            )
            .await;
        assert_eq!(f.status, 200, "{}", f.text);
        let u = api
            .post(
                &format!("/api/v1/demo/projects/{project}/updates"),
                None,
                &json!({"title": {"fi": format!("Heti perään {attempt}")}, "body": {"fi": "Uutta"}}),
            )
            .await;
        assert_eq!(u.status, 201, "{}", u.text);
        let me = api.get("/api/v1/me", Some(&token)).await;
        let followed_at = me.body["follows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "project" && f["id"] == project)
            .unwrap()["followed_at"]
            .as_str()
            .unwrap()
            .to_owned();
        let published_at = u.body["published_at"].as_str().unwrap().to_owned();
        if second(&followed_at) == second(&published_at) {
            same_second_seen += 1;
        }
        // What the app asks: everything since the follow, with the instant as the server gave it.
        let since = followed_at.replace('+', "%2B");
        let changes = api
            .get(&format!("/api/v1/me/changes?since={since}"), Some(&token))
            .await;
        assert_eq!(changes.status, 200, "{}", changes.text);
        let found = changes.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "project_update" && c["update_id"] == u.body["id"]);
        assert!(
            found,
            "update {published_at} after follow {followed_at} is missing: {}",
            changes.text
        );
        let instant = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        assert!(
            instant(&published_at) > instant(&followed_at),
            "{published_at} {followed_at}"
        );
    }
    assert!(same_second_seen > 0, "no attempt fell within one second");
}
