//! Events, registrations, projects and participants over real HTTP against the demo town.
mod common;

use common::Api;
use serde_json::{json, Value};

const FULL_EVENT: i64 = 2; // workshop: 12 seats, full, 3 waitlisted
const ONLINE_EVENT: i64 = 3;
const PAST_EVENT: i64 = 4;
const WALK_EVENT: i64 = 5; // 25 seats, empty

fn ids(v: &Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn event_list_and_detail() {
    let api = Api::demo();
    let r = api.get("/api/v1/events?limit=100", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["count"], 8);
    let items = r.body["items"].as_array().unwrap();
    let starts: Vec<&str> = items
        .iter()
        .map(|e| e["starts_at"].as_str().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "ordered by start");
    assert!(
        starts
            .iter()
            .all(|s| s.ends_with("+02:00") || s.ends_with("+03:00")),
        "local time with offset"
    );
    assert!(items.iter().all(|e| e["time_zone"] == "Europe/Helsinki"));

    assert_eq!(
        ids(&api.get("/api/v1/events?online=true", None).await.body),
        vec![ONLINE_EVENT, 7]
    );
    assert_eq!(
        api.get("/api/v1/events?free=false", None).await.body["count"],
        1
    );
    assert_eq!(
        api.get("/api/v1/events?online=false", None).await.body["count"],
        6
    );
    // From now on: the past event drops out.
    let now = chrono::Utc::now().to_rfc3339();
    let upcoming = ids(&api
        .get(&format!("/api/v1/events?start={}", urlenc(&now)), None)
        .await
        .body);
    assert_eq!(upcoming.len(), 7);
    assert!(!upcoming.contains(&PAST_EVENT));
    let past = ids(&api
        .get(&format!("/api/v1/events?end={}", urlenc(&now)), None)
        .await
        .body);
    assert_eq!(past, vec![PAST_EVENT]);
    assert_eq!(
        api.get("/api/v1/events?topic=schools", None).await.body["count"],
        1
    );
    // Around the city hall only (the online-only event has no venue).
    let near = ids(&api
        .get("/api/v1/events?bbox=25.664,60.396,25.6655,60.3965", None)
        .await
        .body);
    assert_eq!(near, vec![FULL_EVENT, 7]);
    // By area of the town, in any language; the filter lists the areas that have events.
    let centre = ids(&api.get("/api/v1/events?area=Centrum", None).await.body);
    assert_eq!(centre.len(), 4, "{centre:?}");
    assert!(centre.contains(&FULL_EVENT));
    assert_eq!(
        ids(&api.get("/api/v1/events?area=Keskusta", None).await.body),
        centre
    );
    assert_eq!(
        api.get("/api/v1/events?area=Nowhere", None).await.body["count"],
        0
    );
    api.get(&format!("/api/v1/events?area={}", "x".repeat(101)), None)
        .await
        .problem(400, "invalid_query");
    let areas = api.get("/api/v1/events/areas", None).await.body;
    let fi: Vec<&str> = areas["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["fi"].as_str().unwrap())
        .collect();
    assert_eq!(fi, ["Keskusta", "Koivula", "Peltola", "Satama"]);
    api.get("/api/v1/events?start=yesterday", None)
        .await
        .problem(400, "invalid_query");
    api.get("/api/v1/events?online=yes", None)
        .await
        .problem(400, "invalid_query");

    let e = api
        .get(&format!("/api/v1/events/{FULL_EVENT}"), None)
        .await
        .body;
    assert_eq!(e["capacity"], 12);
    assert_eq!(e["attending_seats"], 12);
    assert_eq!(e["remaining_seats"], 0);
    assert_eq!(e["waitlist_count"], 3);
    assert_eq!(e["venue"]["location"]["type"], "Point");
    assert_eq!(e["venue"]["area"]["en"], "City centre");
    assert!(e["venue"]["accessibility"]["sv"]
        .as_str()
        .unwrap()
        .contains("hörslinga"));
    assert!(e["description"]["fi"].as_str().unwrap().starts_with("<p>"));
    let online = api
        .get(&format!("/api/v1/events/{ONLINE_EVENT}"), None)
        .await
        .body;
    assert_eq!(online["is_online"], true);
    assert!(online["online_url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    assert!(online["venue"].is_null() && online["capacity"].is_null());
    let past = api
        .get(&format!("/api/v1/events/{PAST_EVENT}"), None)
        .await
        .body;
    assert_eq!(past["registration_open"], false);
    api.get("/api/v1/events/404", None)
        .await
        .problem(404, "not_found");
}

fn urlenc(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

#[tokio::test]
async fn calendar_file() {
    let api = Api::demo();
    let r = api
        .get(
            &format!("/api/v1/events/{FULL_EVENT}/calendar.ics?lang=sv"),
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "text/calendar; charset=utf-8");
    let text = &r.text;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.contains("SUMMARY:Planeringsverkstad för gågatan\r\n"));
    assert!(text.contains(&format!("UID:event-{FULL_EVENT}@osallistu")));
    assert!(text
        .lines()
        .any(|l| l.starts_with("DTSTART:") && l.ends_with('Z')));
    assert!(text.contains("GEO:60.396100;25.664800"));
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    let online = api
        .get(&format!("/api/v1/events/{ONLINE_EVENT}/calendar.ics"), None)
        .await;
    // One URL per VEVENT (RFC 5545): the event page in the app; the meeting link goes to
    // the location and description.
    let base = api.s.url("");
    let page = format!(
        "URL:{}/events/{ONLINE_EVENT}\r\n",
        base.trim_end_matches('/')
    );
    assert!(online.text.contains(&page), "{}", online.text);
    assert_eq!(online.text.matches("\r\nURL:").count(), 1);
    let unfolded = online.text.replace("\r\n ", "");
    assert!(unfolded.contains("LOCATION:Verkossa: https://meet.virtala.example/mantymaki\r\n"));
    assert!(unfolded.contains("\\n\\nVerkossa: https://meet.virtala.example/mantymaki\\n\\n"));
    assert!(unfolded.contains("\r\nDTSTAMP:"));
    api.get(
        &format!("/api/v1/events/{FULL_EVENT}/calendar.ics?lang=de"),
        None,
    )
    .await
    .problem(400, "invalid_query");
    api.get("/api/v1/events/999/calendar.ics", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn registration_waitlist_cancel_and_promotion() {
    let api = Api::demo();
    let path = format!("/api/v1/events/{WALK_EVENT}/registrations");
    api.post(&path, None, &json!({"name": "Maija"}))
        .await
        .problem(401, "unauthorized");
    let me = api.participant().await;
    let r = api
        .post(
            &path,
            Some(&me),
            &json!({"name": "Maija Meikäläinen", "email": "maija@example.fi", "seats": 2}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["status"], "attending");
    assert_eq!(r.body["seats"], 2);
    assert!(r.body["waitlist_position"].is_null());
    let token = r.body["cancel_token"].as_str().unwrap().to_owned();
    assert!(token.len() >= 40);
    api.post(&path, Some(&me), &json!({"name": "Taas"}))
        .await
        .problem(409, "already_registered");
    let mine = api.get("/api/v1/me/registrations", Some(&me)).await.body;
    assert_eq!(mine["items"][0]["event_id"], WALK_EVENT);
    assert!(
        mine["items"][0].get("cancel_token").is_none(),
        "the token is shown only once"
    );

    for (body, pointer) in [
        (json!({"name": "x", "seats": 0}), "/seats"),
        (json!({"name": "x", "seats": 11}), "/seats"),
        (json!({"name": "x", "email": "not-an-email"}), "/email"),
        (json!({"name": ""}), "/name"),
        (json!({"name": "x", "phone": "123"}), ""),
        (json!({"name": "x", "seats": "2"}), "/seats"),
    ] {
        let other = api.participant().await;
        let r = api.post(&path, Some(&other), &body).await;
        let p = r.problem(422, "validation_failed");
        if !pointer.is_empty() {
            assert_eq!(p["errors"][0]["pointer"], pointer, "{body}");
        }
    }
    api.post(
        &format!("/api/v1/events/{PAST_EVENT}/registrations"),
        Some(&me),
        &json!({"name": "Myöhässä"}),
    )
    .await
    .problem(409, "registration_closed");
    api.post(
        "/api/v1/events/999/registrations",
        Some(&me),
        &json!({"name": "x"}),
    )
    .await
    .problem(404, "not_found");

    // The full workshop: join → waitlisted at position 4.
    let wpath = format!("/api/v1/events/{FULL_EVENT}/registrations");
    let r = api
        .post(&wpath, Some(&me), &json!({"name": "Jonottaja"}))
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.body["status"], "waitlisted");
    assert_eq!(r.body["waitlist_position"], 4);
    let my_wait_token = r.body["cancel_token"].as_str().unwrap().to_owned();
    let other = api.participant().await;
    let r = api
        .post(
            &wpath,
            Some(&other),
            &json!({"name": "Attendee", "seats": 1}),
        )
        .await;
    assert_eq!(r.body["waitlist_position"], 5);

    // Cancel a seat on the walk: nobody is waiting there, so no promotion.
    let r = api
        .post(
            "/api/v1/registrations/cancel",
            None,
            &json!({"cancel_token": token}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["status"], "cancelled");
    assert_eq!(r.body["promoted_count"], 0);
    api.post(
        "/api/v1/registrations/cancel",
        None,
        &json!({"cancel_token": token}),
    )
    .await
    .problem(409, "already_cancelled");
    api.post(
        "/api/v1/registrations/cancel",
        None,
        &json!({"cancel_token": "wrong"}),
    )
    .await
    .problem(404, "not_found");
    // After cancelling, the same participant may register again.
    assert_eq!(
        api.post(&path, Some(&me), &json!({"name": "Maija"}))
            .await
            .status,
        201
    );

    // Leaving the workshop's waitlist moves the people behind up.
    let r = api
        .post(
            "/api/v1/registrations/cancel",
            None,
            &json!({"cancel_token": my_wait_token}),
        )
        .await;
    assert_eq!(r.body["promoted_count"], 0);
    let theirs = api.get("/api/v1/me/registrations", Some(&other)).await.body;
    assert_eq!(theirs["items"][0]["waitlist_position"], 4);
}

#[tokio::test]
async fn cancelling_an_attendee_promotes_the_first_waitlisted() {
    let api = Api::demo();
    let path = format!("/api/v1/events/{WALK_EVENT}/registrations");
    // Fill the 25 seats: 24 singles + one of us.
    let mut tokens = Vec::new();
    for i in 0..24 {
        let p = api.participant().await;
        let r = api
            .post(
                &path,
                Some(&p),
                &json!({"name": format!("Osallistuja {i}")}),
            )
            .await;
        assert_eq!(r.body["status"], "attending");
        tokens.push(r.body["cancel_token"].as_str().unwrap().to_owned());
    }
    let last = api.participant().await;
    let r = api
        .post(&path, Some(&last), &json!({"name": "Viimeinen"}))
        .await;
    assert_eq!(r.body["status"], "attending");
    let first_waiter = api.participant().await;
    assert_eq!(
        api.post(
            &path,
            Some(&first_waiter),
            &json!({"name": "Eka jonossa", "seats": 2})
        )
        .await
        .body["status"],
        "waitlisted"
    );
    let second_waiter = api.participant().await;
    assert_eq!(
        api.post(
            &path,
            Some(&second_waiter),
            &json!({"name": "Toka jonossa"})
        )
        .await
        .body["waitlist_position"],
        2
    );

    // One seat frees up: the head needs two, so it is not promoted, and nobody jumps the queue.
    let r = api
        .post(
            "/api/v1/registrations/cancel",
            None,
            &json!({"cancel_token": tokens[0]}),
        )
        .await;
    assert_eq!(r.body["promoted_count"], 0);
    assert_eq!(
        api.get("/api/v1/me/registrations", Some(&second_waiter))
            .await
            .body["items"][0]["status"],
        "waitlisted"
    );
    // A second seat frees up: the head gets both.
    let r = api
        .post(
            "/api/v1/registrations/cancel",
            None,
            &json!({"cancel_token": tokens[1]}),
        )
        .await;
    assert_eq!(r.body["promoted_count"], 1);
    let head = api
        .get("/api/v1/me/registrations", Some(&first_waiter))
        .await
        .body["items"][0]
        .clone();
    assert_eq!(head["status"], "attending");
    assert!(head["promoted_at"].is_string());
    assert_eq!(
        api.get("/api/v1/me/registrations", Some(&second_waiter))
            .await
            .body["items"][0]["waitlist_position"],
        1
    );
    let e = api
        .get(&format!("/api/v1/events/{WALK_EVENT}"), None)
        .await
        .body;
    assert_eq!(
        (e["attending_seats"].as_i64(), e["waitlist_count"].as_i64()),
        (Some(25), Some(1))
    );
}

#[tokio::test]
async fn fifty_parallel_joins_for_ten_seats() {
    let api = Api::demo();
    let path = format!("/api/v1/events/{WALK_EVENT}/registrations");
    // 15 of 25 seats taken first.
    for i in 0..15 {
        let p = api.participant().await;
        assert_eq!(
            api.post(&path, Some(&p), &json!({"name": format!("Ennakko {i}")}))
                .await
                .status,
            201
        );
    }
    let mut tokens = Vec::new();
    for _ in 0..50 {
        tokens.push(api.participant().await);
    }
    let mut tasks = Vec::new();
    for (i, t) in tokens.into_iter().enumerate() {
        let c = api.c.clone();
        let url = api.s.url(&path);
        tasks.push(tokio::spawn(async move {
            let r = c
                .post(url)
                .bearer_auth(t)
                .header("content-type", "application/json")
                .body(json!({"name": format!("Rinnakkainen {i}")}).to_string())
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 201);
            r.json::<Value>().await.unwrap()
        }));
    }
    let mut attending = 0;
    let mut positions = Vec::new();
    for t in tasks {
        let v = t.await.unwrap();
        match v["status"].as_str().unwrap() {
            "attending" => attending += 1,
            "waitlisted" => positions.push(v["waitlist_position"].as_i64().unwrap()),
            other => panic!("{other}"),
        }
    }
    assert_eq!(attending, 10);
    positions.sort();
    assert_eq!(positions, (1..=40).collect::<Vec<_>>());
    let e = api
        .get(&format!("/api/v1/events/{WALK_EVENT}"), None)
        .await
        .body;
    assert_eq!(e["attending_seats"], 25);
    assert_eq!(e["waitlist_count"], 40);
}

#[tokio::test]
async fn projects_follow_and_changes() {
    let api = Api::demo();
    let r = api.get("/api/v1/projects", None).await;
    assert_eq!(r.body["count"], 4);
    assert_eq!(
        api.get("/api/v1/projects?status=completed", None)
            .await
            .body["count"],
        1
    );
    assert_eq!(
        api.get("/api/v1/projects?q=silta", None).await.body["count"],
        1
    );
    api.get("/api/v1/projects?status=done", None)
        .await
        .problem(400, "invalid_query");

    let p = api.get("/api/v1/projects/1", None).await.body;
    assert_eq!(p["status"], "in_progress");
    assert_eq!(p["plans"][0]["id"], 1);
    assert!(!p["events"].as_array().unwrap().is_empty());
    assert_eq!(p["geometry"]["type"], "Point");
    assert_eq!(p["following"], false);
    // The area comes from the first linked plan.
    let plan = api.get("/api/v1/plans/1", None).await.body;
    assert_eq!(p["area_name"], plan["area_name"]);
    assert!(p["area_name"]["fi"].is_string());
    api.get("/api/v1/projects/99", None)
        .await
        .problem(404, "not_found");

    let u = api.get("/api/v1/projects/1/updates", None).await.body;
    assert_eq!(u["count"], 3);
    let dates: Vec<&str> = u["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["published_at"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(u["items"][0]["body"]["sv"].is_string());
    api.get("/api/v1/projects/99/updates", None)
        .await
        .problem(404, "not_found");

    api.post("/api/v1/projects/1/follow", None, &json!({}))
        .await
        .problem(401, "unauthorized");
    let me = api.participant().await;
    let r = api
        .post("/api/v1/projects/1/follow", Some(&me), &json!({}))
        .await;
    assert_eq!(
        r.body,
        json!({"project_id": 1, "following": true, "n_followers": 1})
    );
    api.post("/api/v1/projects/3/follow", Some(&me), &json!({}))
        .await;
    assert_eq!(
        api.get("/api/v1/projects/1", Some(&me)).await.body["following"],
        true
    );
    assert_eq!(
        api.get("/api/v1/me", Some(&me)).await.body["followed_project_ids"],
        json!([1, 3])
    );

    let since = (chrono::Utc::now() - chrono::Duration::days(5))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ch = api
        .get(&format!("/api/v1/me/changes?since={since}"), Some(&me))
        .await;
    assert_eq!(ch.status, 200, "{}", ch.text);
    let items = ch.body["items"].as_array().unwrap();
    // Project 1: the jetty update two days ago; project 3: two updates. Only project updates:
    // this participant follows no plans or events.
    let kinds: Vec<(&str, &str, i64)> = items
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap(),
                i["item_kind"].as_str().unwrap(),
                i["item_id"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("project_update", "project", 1)),
        "{kinds:?}"
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == ("project_update", "project", 3))
            .count(),
        2,
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .all(|(k, _, p)| *k == "project_update" && (*p == 1 || *p == 3)),
        "only followed projects: {kinds:?}"
    );
    assert!(items[0]["item_title"]["fi"].is_string());
    assert!(items[0]["title"]["en"].is_string());
    let at: Vec<&str> = items.iter().map(|i| i["at"].as_str().unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] >= w[1]));

    let r = api
        .post("/api/v1/projects/1/unfollow", Some(&me), &json!({}))
        .await;
    assert_eq!(r.body["following"], false);
    let ch = api
        .get(&format!("/api/v1/me/changes?since={since}"), Some(&me))
        .await
        .body;
    assert!(ch["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["item_id"] == 3));
    api.get("/api/v1/me/changes", Some(&me))
        .await
        .problem(400, "invalid_query");
    api.get("/api/v1/me/changes?since=yesterday", Some(&me))
        .await
        .problem(400, "invalid_query");
    api.get(&format!("/api/v1/me/changes?since={since}"), None)
        .await
        .problem(401, "unauthorized");
    api.post("/api/v1/projects/42/follow", Some(&me), &json!({}))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn project_updates_are_an_atom_feed_in_the_chosen_language() {
    let api = Api::demo();
    let json = api.get("/api/v1/projects/1/updates", None).await.body;
    let r = api
        .get("/api/v1/projects/1/updates.atom?lang=sv", None)
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        "application/atom+xml; charset=utf-8"
    );
    let doc = roxmltree::Document::parse(&r.text).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |n: roxmltree::Node<'_, '_>, name: &str| {
        n.children()
            .find(|c| c.tag_name().name() == name)
            .map(|c| c.text().unwrap_or("").to_owned())
    };
    assert_eq!(
        child(feed, "id").as_deref(),
        Some("urn:osallistu:project:1")
    );
    assert!(child(feed, "updated").is_some_and(|u| u.ends_with('Z')));
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    let items = json["items"].as_array().unwrap();
    assert_eq!(entries.len(), items.len(), "every update is an entry");
    for (entry, item) in entries.iter().zip(items) {
        assert_eq!(
            child(*entry, "title").unwrap(),
            item["title"]["sv"].as_str().unwrap()
        );
        assert_eq!(
            child(*entry, "content").unwrap(),
            item["body"]["sv"].as_str().unwrap()
        );
        assert_eq!(
            child(*entry, "published").unwrap(),
            item["published_at"].as_str().unwrap()
        );
        assert_eq!(
            child(*entry, "id").unwrap(),
            format!("urn:osallistu:project-update:{}", item["id"])
        );
    }
    api.get("/api/v1/projects/1/updates.atom?lang=de", None)
        .await
        .problem(400, "invalid_query");
    api.get("/api/v1/projects/99/updates.atom", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn plans_and_events_are_followed_and_report_their_changes() {
    let api = Api::demo();
    let me = api.participant().await;
    api.post("/api/v1/plans/1/follow", None, &json!({}))
        .await
        .problem(401, "unauthorized");
    api.post("/api/v1/plans/999/follow", Some(&me), &json!({}))
        .await
        .problem(404, "not_found");
    api.post("/api/v1/events/999/follow", Some(&me), &json!({}))
        .await
        .problem(404, "not_found");
    let plans = api.get("/api/v1/plans?limit=100", None).await.body;
    let events = api.get("/api/v1/events?limit=100", None).await.body;
    let mut followed_plans = Vec::new();
    for p in plans["items"].as_array().unwrap() {
        let id = p["id"].as_i64().unwrap();
        let r = api
            .post(&format!("/api/v1/plans/{id}/follow"), Some(&me), &json!({}))
            .await;
        assert_eq!(
            r.body,
            json!({"kind": "plan", "id": id, "following": true, "n_followers": 1})
        );
        followed_plans.push(id);
    }
    let event_id = events["items"][0]["id"].as_i64().unwrap();
    api.post(
        &format!("/api/v1/events/{event_id}/follow"),
        Some(&me),
        &json!({}),
    )
    .await;
    // Following twice is still one follow.
    let again = api
        .post(
            &format!("/api/v1/events/{event_id}/follow"),
            Some(&me),
            &json!({}),
        )
        .await;
    assert_eq!(again.body["n_followers"], 1);
    api.post("/api/v1/projects/2/follow", Some(&me), &json!({}))
        .await;

    let mine = api.get("/api/v1/me", Some(&me)).await.body;
    let follows = mine["follows"].as_array().unwrap();
    assert_eq!(follows.len(), followed_plans.len() + 2);
    assert!(follows
        .iter()
        .any(|f| f["kind"] == "event" && f["id"] == event_id && f["followed_at"].is_string()));
    assert!(follows
        .iter()
        .any(|f| f["kind"] == "project" && f["id"] == 2));
    assert_eq!(mine["followed_project_ids"], json!([2]));

    let since = (chrono::Utc::now() - chrono::Duration::days(400))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ch = api
        .get(&format!("/api/v1/me/changes?since={since}"), Some(&me))
        .await;
    assert_eq!(ch.status, 200, "{}", ch.text);
    assert_eq!(ch.body["soon_days"], 7);
    let items = ch.body["items"].as_array().unwrap();
    let kinds: Vec<&str> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"plan_phase"), "{kinds:?}");
    assert!(kinds.contains(&"event_changed"), "{kinds:?}");
    assert!(kinds.contains(&"project_update"), "{kinds:?}");
    for i in items {
        assert!(i["item_title"]["fi"].is_string(), "{i}");
        match i["kind"].as_str().unwrap() {
            "plan_phase" => assert!(i["phase"].is_string()),
            "comments_opening" | "comments_closing" => {
                assert!(i["due"].as_str().unwrap() > i["at"].as_str().unwrap())
            }
            _ => {}
        }
        if i["item_kind"] == "plan" {
            assert!(followed_plans.contains(&i["item_id"].as_i64().unwrap()));
        }
    }
    let at: Vec<&str> = items.iter().map(|i| i["at"].as_str().unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] >= w[1]), "newest first: {at:?}");

    // Someone replies to my comment: a `reply` change on that plan, even unfollowed.
    api.post(
        &format!("/api/v1/plans/{}/unfollow", followed_plans[0]),
        Some(&me),
        &json!({}),
    )
    .await;
    let mine = api
        .post(
            &format!("/api/v1/plans/{}/comments", followed_plans[0]),
            Some(&me),
            &json!({"text": "Lisää penkkejä rantaan."}),
        )
        .await;
    assert_eq!(mine.status, 201, "{}", mine.text);
    let other = api.participant().await;
    let reply = api
        .post(
            &format!("/api/v1/plans/{}/comments", followed_plans[0]),
            Some(&other),
            &json!({"text": "Samaa mieltä.", "parent_id": mine.body["id"]}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let ch = api
        .get(&format!("/api/v1/me/changes?since={since}"), Some(&me))
        .await
        .body;
    let replies: Vec<&Value> = ch["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "reply")
        .collect();
    assert_eq!(replies.len(), 1, "{ch}");
    assert_eq!(replies[0]["comment_id"], reply.body["id"]);
    assert_eq!(replies[0]["item_id"], followed_plans[0]);
    // My own replies are not news to me.
    let theirs = api
        .get(&format!("/api/v1/me/changes?since={since}"), Some(&other))
        .await
        .body;
    assert!(theirs["items"].as_array().unwrap().is_empty(), "{theirs}");

    let r = api
        .post(
            &format!("/api/v1/events/{event_id}/unfollow"),
            Some(&me),
            &json!({}),
        )
        .await;
    assert_eq!(r.body["following"], false);
    assert_eq!(r.body["n_followers"], 0);
}

#[tokio::test]
async fn the_demo_server_publishes_project_updates_on_request() {
    let api = Api::demo();
    let me = api.participant().await;
    api.post("/api/v1/projects/1/follow", Some(&me), &json!({}))
        .await;
    let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let body =
        json!({"title": {"fi": "Uusi vaihe", "en": "New stage"}, "body": {"fi": "Työt jatkuvat."}});
    let r = api
        .post("/api/v1/demo/projects/1/updates", None, &body)
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["title"]["en"], "New stage");
    let u = api.get("/api/v1/projects/1/updates", None).await.body;
    assert_eq!(u["items"][0]["id"], r.body["id"]);
    // `since` is exclusive and has second precision: ask from a second earlier.
    let earlier = (chrono::DateTime::parse_from_rfc3339(&since).unwrap()
        - chrono::Duration::seconds(1))
    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ch = api
        .get(&format!("/api/v1/me/changes?since={earlier}"), Some(&me))
        .await
        .body;
    assert_eq!(ch["items"][0]["update_id"], r.body["id"], "{ch}");
    api.post(
        "/api/v1/demo/projects/1/updates",
        None,
        &json!({"title": {"fi": ""}, "body": {"fi": "x"}}),
    )
    .await
    .problem(422, "validation_failed");
    api.post("/api/v1/demo/projects/77/updates", None, &body)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn without_demo_there_is_no_demo_endpoint() {
    let api = Api::with(&[]);
    api.post(
        "/api/v1/demo/projects/1/updates",
        None,
        &json!({"title": {"fi": "x"}, "body": {"fi": "y"}}),
    )
    .await
    .problem(404, "not_found");
}

#[tokio::test]
async fn a_nul_character_in_a_search_matches_nothing_on_either_engine() {
    // PostgreSQL cannot receive a NUL in text; SQLite would cut the pattern at it.
    let api = Api::demo();
    for path in [
        "/api/v1/events?q=kirja%00sto",
        "/api/v1/events?topic=a%00b&area=x%00",
        "/api/v1/plans?q=%00",
        "/api/v1/projects?q=silta%00",
    ] {
        let r = api.get(path, None).await;
        assert_eq!(r.status, 200, "{path}: {}", r.text);
        assert_eq!(r.body["count"], 0, "{path}");
        assert_eq!(r.body["items"], serde_json::json!([]), "{path}");
    }
}
