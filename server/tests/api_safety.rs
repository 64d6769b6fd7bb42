//! Idempotency keys, rate limits, body limits, restarts and participants.
mod common;

use common::{client, Api, Server};
use serde_json::json;

#[tokio::test]
async fn idempotent_replay_and_key_reuse() {
    let api = Api::demo();
    let path = "/api/v1/plans/1/comments";
    let before = api.get(path, None).await.body["count"].as_i64().unwrap();
    let body = json!({"text": "Lähetetään kahdesti", "geometry": {"type": "Point", "coordinates": [25.663, 60.390]}});
    let first = api.post_with(path, None, Some("key-123"), &body).await;
    assert_eq!(first.status, 201);
    assert_eq!(first.header("idempotency-replayed"), "");
    let again = api.post_with(path, None, Some("key-123"), &body).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.text, first.text, "the first response, byte for byte");
    assert_eq!(again.header("idempotency-replayed"), "true");
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(again.header("cache-control"), "no-store");
    assert_eq!(
        api.get(path, None).await.body["count"].as_i64().unwrap(),
        before + 1,
        "stored once"
    );

    let other = api
        .post_with(path, None, Some("key-123"), &json!({"text": "Eri teksti"}))
        .await;
    other.problem(422, "idempotency_key_reused");
    // The same key on another endpoint is a different request too.
    api.post_with("/api/v1/plans/2/comments", None, Some("key-123"), &body)
        .await
        .problem(422, "idempotency_key_reused");
    // Keys are scoped per participant token.
    let t = api.participant().await;
    assert_eq!(
        api.post_with(path, Some(&t), Some("key-123"), &body)
            .await
            .status,
        201
    );
    assert_eq!(
        api.get(path, None).await.body["count"].as_i64().unwrap(),
        before + 2
    );

    // Errors are replayed as well, so a retry cannot turn a refusal into a success by accident.
    let bad = json!({"text": ""});
    let e1 = api.post_with(path, None, Some("bad-1"), &bad).await;
    e1.problem(422, "validation_failed");
    let e2 = api.post_with(path, None, Some("bad-1"), &bad).await;
    assert_eq!(e2.text, e1.text);
    assert_eq!(e2.header("content-type"), "application/problem+json");

    let r = api
        .post_with(path, None, Some("spaces are not allowed"), &body)
        .await;
    r.problem(400, "invalid_idempotency_key");
    let long = "k".repeat(256);
    api.post_with(path, None, Some(&long), &body)
        .await
        .problem(400, "invalid_idempotency_key");

    // Authentication comes before the key store: no token, or a bad one, is a 401 even with a used key.
    api.post_with("/api/v1/comments/5/vote", None, Some("key-123"), &json!({}))
        .await
        .problem(401, "unauthorized");
    api.post_with(path, Some("forged"), Some("key-123"), &body)
        .await
        .problem(401, "unauthorized");

    // Endpoints that take no token ignore whatever Authorization header comes along.
    let r = api
        .post_with(
            "/api/v1/participants",
            Some("stale-token"),
            Some("new-participant"),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);

    // Registration with a key: a retried join does not register twice.
    let me = api.participant().await;
    let reg = "/api/v1/events/5/registrations";
    let a = api
        .post_with(reg, Some(&me), Some("join-1"), &json!({"name": "Kerran"}))
        .await;
    let b = api
        .post_with(reg, Some(&me), Some("join-1"), &json!({"name": "Kerran"}))
        .await;
    assert_eq!((a.status, b.status), (201, 201));
    assert_eq!(a.body["cancel_token"], b.body["cancel_token"]);
    assert_eq!(
        api.get("/api/v1/me/registrations", Some(&me)).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn rate_limit_on_comments_and_registrations() {
    let api = Api::with(&["--demo", "--rate-limit", "3"]);
    let path = "/api/v1/plans/1/comments";
    for i in 0..3 {
        assert_eq!(
            api.post(path, None, &json!({"text": format!("viesti {i}")}))
                .await
                .status,
            201
        );
    }
    let r = api.post(path, None, &json!({"text": "liikaa"})).await;
    r.problem(429, "rate_limited");
    let wait: u64 = r.header("retry-after").parse().unwrap();
    assert!((1..=20).contains(&wait), "{wait}");
    // Another participant has its own budget.
    let t = api.participant().await;
    assert_eq!(
        api.post(path, Some(&t), &json!({"text": "oma kiintiö"}))
            .await
            .status,
        201
    );
    // A rate-limited request with a key is not stored: the retry is evaluated again.
    let k = api
        .post_with(path, None, Some("limited-1"), &json!({"text": "x"}))
        .await;
    k.problem(429, "rate_limited");
    let k2 = api
        .post_with(path, None, Some("limited-1"), &json!({"text": "x"}))
        .await;
    assert_eq!(k2.status, 429);
    assert_eq!(k2.header("idempotency-replayed"), "");

    let reg = "/api/v1/events/5/registrations";
    for _ in 0..3 {
        // Each registration is by the same participant; after the first it is a 409, which still counts.
        api.post(reg, Some(&t), &json!({"name": "Toistuva"})).await;
    }
    api.post(reg, Some(&t), &json!({"name": "Toistuva"}))
        .await
        .problem(429, "rate_limited");
}

#[tokio::test]
async fn body_limit_and_methods() {
    let api = Api::with(&["--demo", "--body-limit", "4096"]);
    let path = "/api/v1/plans/1/comments";
    let big = json!({"text": "x".repeat(5000)});
    api.post(path, None, &big)
        .await
        .problem(413, "payload_too_large");
    api.post_with(path, None, Some("big-1"), &big)
        .await
        .problem(413, "payload_too_large");
    // Without a Content-Length (chunked) the limit holds too.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![
        Ok(b"{\"text\": \"".to_vec()),
        Ok(vec![b'y'; 8000]),
        Ok(b"\"}".to_vec()),
    ];
    let r = api
        .c
        .post(api.s.url(path))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures_stream(chunks)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);

    let r = api
        .c
        .delete(api.s.url("/api/v1/plans/1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    assert_eq!(r.headers()["allow"], "GET,HEAD");
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["code"], "method_not_allowed");
    let r = api
        .c
        .put(api.s.url("/api/v1/plans/1/comments"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
}

fn futures_stream(
    chunks: Vec<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    struct S(std::collections::VecDeque<Result<Vec<u8>, std::io::Error>>);
    impl futures_core::Stream for S {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.pop_front())
        }
    }
    S(chunks.into())
}

#[tokio::test]
async fn data_survives_restart() {
    let dir = tempfile::tempdir().unwrap();
    common::write_dist(&dir.path().join("dist"));
    let s = Server::start_in(dir.path(), &["--demo"]);
    let c = client();
    let token = c
        .post(s.url("/api/v1/participants"))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let created: serde_json::Value = c
        .post(s.url("/api/v1/plans/1/comments"))
        .bearer_auth(&token)
        .json(&json!({"text": "Pysyn tallessa"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    c.post(s.url("/api/v1/projects/2/follow"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let count: i64 = c
        .get(s.url("/api/v1/plans/1/comments"))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["count"]
        .as_i64()
        .unwrap();
    assert!(s.storage_exists());
    s.stop();

    // Started again, still with --demo: nothing is seeded twice and everything is there.
    let s = Server::start_in(dir.path(), &["--demo"]);
    let got: serde_json::Value = c
        .get(s.url(&format!("/api/v1/comments/{}", created["id"])))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got["text"], "Pysyn tallessa");
    let again: i64 = c
        .get(s.url("/api/v1/plans/1/comments"))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["count"]
        .as_i64()
        .unwrap();
    assert_eq!(again, count);
    let plans: serde_json::Value = c
        .get(s.url("/api/v1/plans"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(plans["count"], 6);
    let me: serde_json::Value = c
        .get(s.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        me["followed_project_ids"],
        json!([2]),
        "the participant token still works"
    );
}

#[tokio::test]
async fn participants_and_health() {
    let api = Api::with(&[]);
    let r = api.post("/api/v1/participants", None, &json!({})).await;
    assert_eq!(r.status, 201);
    let token = r.body["token"].as_str().unwrap();
    assert!(
        token.len() >= 43
            && token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    );
    let me = api.get("/api/v1/me", Some(token)).await;
    assert_eq!(me.body["participant_id"], r.body["participant_id"]);
    assert_eq!(me.body["followed_project_ids"], json!([]));
    api.get("/api/v1/me", None)
        .await
        .problem(401, "unauthorized");
    api.get("/api/v1/me", Some("x"))
        .await
        .problem(401, "unauthorized");
    let r = api
        .c
        .get(api.s.url("/api/v1/me"))
        .header("authorization", "Basic abc")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    // The token itself is not stored in the database.
    let hay = api.s.stored_bytes();
    assert!(!hay.windows(token.len()).any(|w| w == token.as_bytes()));

    let h = api.get("/api/v1/health", None).await;
    assert_eq!(h.body["status"], "ok");
    // An empty database without --demo has no content.
    assert_eq!(api.get("/api/v1/plans", None).await.body["count"], 0);
}

#[tokio::test]
async fn key_in_flight_is_a_conflict_and_stale_claims_are_released() {
    let api = Api::demo();
    let path = "/api/v1/plans/1/comments";
    let body = json!({"text": "Kesken"});
    assert_eq!(
        api.post_with(path, None, Some("flight-1"), &body)
            .await
            .status,
        201
    );
    let count = api.get(path, None).await.body["count"].as_i64().unwrap();
    // Turn the stored answer back into a claim whose request is still running.
    let now = chrono::Utc::now().timestamp();
    let changed = api.s.sql(&format!(
        "UPDATE idempotency SET status = NULL, headers = NULL, body = NULL, created_at = {now} WHERE key = 'flight-1'"
    ));
    assert_eq!(changed, 1);
    api.post_with(path, None, Some("flight-1"), &body)
        .await
        .problem(409, "idempotency_key_in_use");
    // A claim older than a minute belongs to a request that died: the retry runs again.
    api.s.sql(&format!(
        "UPDATE idempotency SET created_at = {} WHERE key = 'flight-1'",
        now - 120
    ));
    assert_eq!(
        api.post_with(path, None, Some("flight-1"), &body)
            .await
            .status,
        201
    );
    assert_eq!(
        api.get(path, None).await.body["count"].as_i64().unwrap(),
        count + 1
    );
    // Records older than a day are forgotten.
    api.s.sql(&format!(
        "UPDATE idempotency SET created_at = {} WHERE key = 'flight-1'",
        now - 90_000
    ));
    let r = api
        .post_with(path, None, Some("flight-1"), &json!({"text": "Uusi päivä"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
}

async fn post_from(api: &Api, forwarded: &str, text: &str) -> u16 {
    api.c
        .post(api.s.url("/api/v1/plans/1/comments"))
        .header("x-forwarded-for", forwarded)
        .json(&json!({ "text": text }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn forwarded_addresses_only_count_behind_a_trusted_proxy() {
    let api = Api::with(&["--demo", "--rate-limit", "2", "--trust-proxy"]);
    assert_eq!(post_from(&api, "203.0.113.5", "a").await, 201);
    // The client may prepend anything; only the proxy's own (last) entry counts.
    assert_eq!(post_from(&api, "198.51.100.1, 203.0.113.5", "b").await, 201);
    assert_eq!(post_from(&api, "203.0.113.5", "c").await, 429);
    assert_eq!(
        post_from(&api, "203.0.113.6", "d").await,
        201,
        "another resident behind the proxy"
    );

    let plain = Api::with(&["--demo", "--rate-limit", "2"]);
    assert_eq!(post_from(&plain, "203.0.113.5", "a").await, 201);
    assert_eq!(post_from(&plain, "203.0.113.6", "b").await, 201);
    assert_eq!(
        post_from(&plain, "203.0.113.7", "c").await,
        429,
        "without --trust-proxy the header is ignored"
    );
}
