//! PostgreSQL only (skipped without `OSALLISTU_TEST_PG_HOST`, see `server/scripts/pg-cluster`):
//! two server instances on one database lose and duplicate nothing; both engines have the same
//! schema; a SQLite installation copied into PostgreSQL answers every read the same.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::{client, Api, Pg, Server};
use serde_json::{json, Value};

static N: AtomicUsize = AtomicUsize::new(0);

/// A fresh database on the test cluster, or `None` when the tests run on SQLite only.
fn fresh_pg(what: &str) -> Option<Pg> {
    let n = N.fetch_add(1, Ordering::Relaxed);
    let pg = Pg::from_env(&format!("m_{}_{}_{what}", std::process::id(), n))?;
    pg.create();
    Some(pg)
}

/// Two servers on one PostgreSQL database (the first seeds the demo town).
fn two_instances(what: &str, extra: &[&str]) -> Option<(Api, Api, Pg, Vec<tempfile::TempDir>)> {
    let pg = fresh_pg(what)?;
    let mut dirs = Vec::new();
    let mut start = |args: &[&str]| {
        let dir = tempfile::tempdir().unwrap();
        common::write_dist(&dir.path().join("dist"));
        let s = Server::start_on(dir.path(), Some(pg.clone()), args);
        dirs.push(dir);
        Api { s, c: client() }
    };
    let mut args = vec!["--demo"];
    args.extend_from_slice(extra);
    let a = start(&args);
    let b = start(&args);
    Some((a, b, pg, dirs))
}

macro_rules! or_skip {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => {
                eprintln!("skipped: set OSALLISTU_TEST_PG_HOST (server/scripts/pg-cluster env)");
                return;
            }
        }
    };
}

#[tokio::test]
async fn seats_hold_with_two_instances_and_a_hundred_parallel_joins() {
    let (a, b, pg, _dirs) = or_skip!(two_instances("seats", &["--rate-limit", "1000000"]));
    // A new event with ten places, far enough ahead to take registrations.
    pg.exec(
        "INSERT INTO events (slug, title, summary, description, topics, starts_at, ends_at, is_free, \
         capacity, status, created_at, updated_at) VALUES ('kymmenen', '{\"fi\":\"Kymmenen paikkaa\"}', \
         '{\"fi\":\"\"}', '{\"fi\":\"\"}', '[]', 4102444800, 4102452000, 1, 10, 'scheduled', 0, 0)",
    );
    let id = pg.exec("SELECT id FROM events WHERE slug = 'kymmenen'");
    let id: i64 = id
        .lines()
        .find_map(|l| l.trim().parse().ok())
        .expect("event id");
    let mut tokens = Vec::new();
    for i in 0..100 {
        let api = if i % 2 == 0 { &a } else { &b };
        tokens.push(api.participant().await);
    }
    let path = format!("/api/v1/events/{id}/registrations");
    let joins = tokens.iter().enumerate().map(|(i, t)| {
        let api = if i % 2 == 0 { &a } else { &b };
        let path = path.clone();
        async move {
            api.post(&path, Some(t), &json!({"name": format!("Osallistuja {i}")}))
                .await
        }
    });
    let answers = futures_join_all(joins).await;
    let attending = answers
        .iter()
        .filter(|r| r.status == 201 && r.body["status"] == "attending")
        .count();
    let waitlisted = answers
        .iter()
        .filter(|r| r.status == 201 && r.body["status"] == "waitlisted")
        .count();
    assert_eq!((attending, waitlisted), (10, 90));
    let event = a.get(&format!("/api/v1/events/{id}"), None).await;
    assert_eq!(event.body["attending_seats"], 10);
    assert_eq!(event.body["waitlist_count"], 90);
    // Five attendees cancel at once on both instances: exactly five move up, in order.
    let cancels = answers
        .iter()
        .filter(|r| r.body["status"] == "attending")
        .take(5)
        .enumerate()
        .map(|(i, r)| {
            let api = if i % 2 == 0 { &a } else { &b };
            let token = r.body["cancel_token"].as_str().unwrap().to_owned();
            async move {
                api.post(
                    "/api/v1/registrations/cancel",
                    None,
                    &json!({ "cancel_token": token }),
                )
                .await
            }
        });
    let cancelled = futures_join_all(cancels).await;
    assert!(
        cancelled.iter().all(|r| r.status == 200),
        "{:?}",
        cancelled.iter().map(|r| &r.text).collect::<Vec<_>>()
    );
    let event = b.get(&format!("/api/v1/events/{id}"), None).await;
    assert_eq!(event.body["attending_seats"], 10);
    assert_eq!(event.body["waitlist_count"], 85);
    let first_waiting: Vec<i64> = answers
        .iter()
        .filter(|r| r.body["status"] == "waitlisted")
        .map(|r| r.body["id"].as_i64().unwrap())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .take(5)
        .collect();
    let promoted = pg.exec(&format!(
        "SELECT string_agg(CAST(id AS TEXT), ',' ORDER BY id) FROM registrations \
         WHERE event_id = {id} AND promoted_at IS NOT NULL"
    ));
    let want = first_waiting
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    assert!(promoted.contains(&want), "{promoted} vs {want}");
}

/// Runs futures concurrently on this task (the requests travel in parallel).
async fn futures_join_all<F: std::future::Future>(
    fs: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    let mut pending: Vec<Option<std::pin::Pin<Box<F>>>> =
        fs.into_iter().map(|f| Some(Box::pin(f))).collect();
    let mut results: Vec<Option<F::Output>> = pending.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut done = true;
        for (slot, out) in pending.iter_mut().zip(results.iter_mut()) {
            if let Some(fut) = slot {
                match fut.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => {
                        *out = Some(v);
                        *slot = None;
                    }
                    std::task::Poll::Pending => done = false,
                }
            }
        }
        if done {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    results
        .into_iter()
        .map(|r| r.expect("every future finished"))
        .collect()
}

fn comments_with(pg: &Pg, text: &str) -> usize {
    pg.exec(&format!(
        "SELECT COUNT(*) FROM comments WHERE text = '{text}'"
    ))
    .lines()
    .find_map(|l| l.trim().parse().ok())
    .unwrap_or(usize::MAX)
}

#[tokio::test]
async fn a_retry_on_the_other_instance_replays_the_first_answer() {
    let (a, b, pg, _dirs) = or_skip!(two_instances("replay", &[]));
    let body = json!({"text": "Kerran vain"});
    let first = a
        .post_with("/api/v1/plans/1/comments", None, Some("retry-1"), &body)
        .await;
    assert_eq!(first.status, 201, "{}", first.text);
    let again = b
        .post_with("/api/v1/plans/1/comments", None, Some("retry-1"), &body)
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotency-replayed"), "true");
    assert_eq!(again.body, first.body);
    // Many clients at once with one key, on both instances: one comment.
    let body = json!({"text": "Yhtä aikaa"});
    let tries = (0..20).map(|i| {
        let api = if i % 2 == 0 { &a } else { &b };
        let body = body.clone();
        async move {
            api.post_with("/api/v1/plans/1/comments", None, Some("race-1"), &body)
                .await
        }
    });
    let answers = futures_join_all(tries).await;
    assert!(answers.iter().all(|r| r.status == 201 || r.status == 409));
    assert_eq!(
        answers
            .iter()
            .filter(|r| r.status == 201 && r.header("idempotency-replayed") != "true")
            .count(),
        1
    );
    assert_eq!(comments_with(&pg, "Kerran vain"), 1);
    assert_eq!(comments_with(&pg, "Yhtä aikaa"), 1);
}

#[tokio::test]
async fn an_instance_killed_mid_request_leaves_the_retry_to_the_other_exactly_once() {
    let (a, b, pg, _dirs) = or_skip!(two_instances("kill", &[]));
    let body = json!({"text": "Katkesi kesken"}).to_string();
    // The body is half sent when instance A dies.
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(2);
    let stream = futures_stream(rx);
    let url = a.s.url("/api/v1/plans/1/comments");
    let sending = tokio::spawn(async move {
        client()
            .post(url)
            .header("content-type", "application/json")
            .header("idempotency-key", "kill-1")
            .header("content-length", body.len().to_string())
            .body(reqwest::Body::wrap_stream(stream))
            .send()
            .await
    });
    let full = json!({"text": "Katkesi kesken"}).to_string().into_bytes();
    tx.send(Ok(full[..10].to_vec())).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let a_dir = a.s.stop();
    drop(tx);
    assert!(
        sending.await.unwrap().is_err(),
        "the client sees the connection drop"
    );
    let retry = b
        .post_with(
            "/api/v1/plans/1/comments",
            None,
            Some("kill-1"),
            &json!({"text": "Katkesi kesken"}),
        )
        .await;
    assert_eq!(retry.status, 201, "{}", retry.text);
    assert_eq!(comments_with(&pg, "Katkesi kesken"), 1);
    // Stored by A, answer lost with A: the retry on B gets the stored answer, nothing new.
    let a = Server::start_on(&a_dir, Some(pg.clone()), &["--demo"]);
    let c = client();
    let stored = c
        .post(a.url("/api/v1/plans/1/comments"))
        .header("idempotency-key", "kill-2")
        .json(&json!({"text": "Vastaus hukkui"}))
        .send()
        .await
        .unwrap();
    assert_eq!(stored.status(), 201);
    a.stop();
    let retry = b
        .post_with(
            "/api/v1/plans/1/comments",
            None,
            Some("kill-2"),
            &json!({"text": "Vastaus hukkui"}),
        )
        .await;
    assert_eq!(retry.status, 201);
    assert_eq!(retry.header("idempotency-replayed"), "true");
    assert_eq!(comments_with(&pg, "Vastaus hukkui"), 1);
}

fn futures_stream(
    rx: tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    struct S(tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>);
    impl futures_core::Stream for S {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            self.0.poll_recv(cx)
        }
    }
    S(rx)
}

#[tokio::test]
async fn the_rate_limit_is_shared_by_the_instances() {
    let (a, b, _pg, _dirs) = or_skip!(two_instances("limit", &["--rate-limit", "4"]));
    let token = a.participant().await;
    let mut statuses = Vec::new();
    for i in 0..5 {
        let api = if i % 2 == 0 { &a } else { &b };
        let r = api
            .post(
                "/api/v1/plans/1/comments",
                Some(&token),
                &json!({ "text": format!("Viesti {i}") }),
            )
            .await;
        statuses.push(r.status);
    }
    assert_eq!(statuses, vec![201, 201, 201, 201, 429]);
}

#[tokio::test]
async fn both_engines_have_the_same_schema() {
    let pg = or_skip!(fresh_pg("schema"));
    use osallistu_server::db::{rows, Db};
    let dir = tempfile::tempdir().unwrap();
    let lite = Db::open(dir.path().join("s.sqlite").to_str().unwrap())
        .await
        .unwrap();
    let post = Db::open(&pg.url()).await.unwrap();
    assert_eq!(
        lite.schema_version().await.unwrap(),
        post.schema_version().await.unwrap()
    );
    let mut a = lite.reader().acquire().await.unwrap();
    let mut b = post.reader().acquire().await.unwrap();
    for table in rows::TABLES {
        let l = rows::columns(&mut a, lite.engine(), table).await.unwrap();
        let p = rows::columns(&mut b, post.engine(), table).await.unwrap();
        assert!(!l.is_empty(), "{table}");
        assert_eq!(l, p, "columns of {table}");
    }
    assert_eq!(
        rows::indexes(&mut a, lite.engine()).await.unwrap(),
        rows::indexes(&mut b, post.engine()).await.unwrap()
    );
}

#[tokio::test]
async fn the_demo_town_copied_into_postgresql_answers_the_same() {
    let pg = or_skip!(fresh_pg("copy"));
    let dir = tempfile::tempdir().unwrap();
    common::write_dist(&dir.path().join("dist"));
    let lite = Server::start_on(dir.path(), None, &["--demo"]);
    let c = client();
    // Some activity first, so that votes, follows and registrations are copied too.
    let token: Value = c
        .post(lite.url("/api/v1/participants"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["token"].as_str().unwrap().to_owned();
    for path in [
        "/api/v1/comments/2/vote",
        "/api/v1/projects/1/follow",
        "/api/v1/plans/2/follow",
    ] {
        let r = c
            .post(lite.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
        .args(["copy", "--from"])
        .arg(&lite.db)
        .args(["--to", &pg.url()])
        .env("OSALLISTU_LOG", "warn")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("copied: every table has the same number of rows"),
        "{text}"
    );
    assert!(text
        .lines()
        .any(|l| l.starts_with("comments ") && l.ends_with("ok")));
    // A second copy into the same database is refused.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
        .args(["copy", "--from"])
        .arg(&lite.db)
        .args(["--to", &pg.url()])
        .env("OSALLISTU_LOG", "off")
        .output()
        .unwrap();
    assert!(!again.status.success());

    let dir2 = tempfile::tempdir().unwrap();
    common::write_dist(&dir2.path().join("dist"));
    let post = Server::start_on(dir2.path(), Some(pg.clone()), &[]);
    for path in [
        "/api/v1/plans",
        "/api/v1/plans/1",
        "/api/v1/plans/2",
        "/api/v1/plans/1/comments?limit=200",
        "/api/v1/plans/1/comments?sort=votes&limit=50",
        "/api/v1/plans/1/comments/places",
        "/api/v1/projects",
        "/api/v1/projects/1",
        "/api/v1/projects/1/updates",
        "/api/v1/events",
        "/api/v1/events/areas",
        "/api/v1/events/1",
        "/api/v1/events?topic=traffic",
        "/api/v1/events?q=kirjasto",
        "/api/v1/me",
        "/api/v1/me/registrations",
        "/api/v1/me/changes?since=2000-01-01T00:00:00Z",
    ] {
        let get = |base: &Server| {
            let c = c.clone();
            let url = base.url(path);
            let token = token.clone();
            async move {
                let r = c.get(url).bearer_auth(token).send().await.unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
        let (a, b) = (get(&lite).await, get(&post).await);
        assert_eq!(a.0, 200, "{path}: {}", a.1);
        let (mut va, mut vb): (Value, Value) = (
            serde_json::from_str(&a.1).unwrap(),
            serde_json::from_str(&b.1).unwrap(),
        );
        // `until` is the moment of answering.
        for v in [&mut va, &mut vb] {
            if let Some(o) = v.as_object_mut() {
                o.remove("until");
            }
        }
        assert_eq!(va, vb, "{path}");
    }
    // New rows continue after the copied ids.
    let r = c
        .post(post.url("/api/v1/plans/1/comments"))
        .json(&json!({"text": "Uusi rivi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
}

#[tokio::test]
async fn comments_with_and_without_a_place_share_the_connections() {
    // Regression: a comment without a place bound NULL coordinates that sqlx's Any driver
    // declares as float4; the connection's cached statement then refused the next place.
    let pg = or_skip!(fresh_pg("nullf64"));
    let dir = tempfile::tempdir().unwrap();
    common::write_dist(&dir.path().join("dist"));
    let s = Server::start_on(dir.path(), Some(pg), &["--demo", "--db-pool", "2"]);
    let api = Api { s, c: client() };
    let point = json!({"type": "Point", "coordinates": [25.661, 60.389]});
    for i in 0..4 {
        let plain = api
            .post(
                "/api/v1/plans/1/comments",
                None,
                &json!({ "text": format!("Ilman paikkaa {i}") }),
            )
            .await;
        assert_eq!(plain.status, 201, "{}", plain.text);
        let placed = api
            .post(
                "/api/v1/plans/1/comments",
                None,
                &json!({ "text": format!("Paikan kanssa {i}"), "geometry": point }),
            )
            .await;
        assert_eq!(placed.status, 201, "{}", placed.text);
    }
}
