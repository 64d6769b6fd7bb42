//! `GET /plans/{id}/comments/places` over real HTTP: every visible located comment, compactly.
mod common;

use std::collections::BTreeMap;

use common::{Api, Resp};
use serde_json::{json, Value};

const OPEN_PLAN: i64 = 1; // Jokiranta: ~1,000 located comments, three of them hidden
const UPCOMING_PLAN: i64 = 4; // Satama: no comments

fn places_path(plan: i64) -> String {
    format!("/api/v1/plans/{plan}/comments/places")
}

/// The places answer as id -> (lon, lat, kind), checking the shape on the way.
fn places(r: &Resp) -> BTreeMap<i64, (f64, f64, i64)> {
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.header("content-type"), "application/json");
    let items = r.body["items"].as_array().unwrap();
    assert_eq!(r.body["count"].as_u64().unwrap() as usize, items.len());
    let mut out = BTreeMap::new();
    let mut last = 0;
    for item in items {
        let a = item.as_array().unwrap();
        assert_eq!(a.len(), 4, "{item}");
        let id = a[0].as_i64().unwrap();
        assert!(id > last, "ordered by id");
        last = id;
        let (lon, lat) = (a[1].as_f64().unwrap(), a[2].as_f64().unwrap());
        for v in [lon, lat] {
            assert_eq!((v * 1e6).round() / 1e6, v, "at most 6 decimals: {v}");
        }
        let kind = a[3].as_i64().unwrap();
        assert!((0..=2).contains(&kind));
        out.insert(id, (lon, lat, kind));
    }
    out
}

async fn get_with(api: &Api, path: &str, if_none_match: Option<&str>) -> reqwest::Response {
    let mut rb = api.c.get(api.s.url(path));
    if let Some(t) = if_none_match {
        rb = rb.header("if-none-match", t);
    }
    rb.send().await.unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1.5e-6
}

/// The bbox centre and kind code of a GeoJSON comment geometry.
fn expected(g: &Value) -> (f64, f64, i64) {
    let positions: Vec<&Value> = match g["type"].as_str().unwrap() {
        "Point" => vec![&g["coordinates"]],
        "LineString" => g["coordinates"].as_array().unwrap().iter().collect(),
        _ => g["coordinates"][0].as_array().unwrap().iter().collect(),
    };
    let xs: Vec<f64> = positions.iter().map(|p| p[0].as_f64().unwrap()).collect();
    let ys: Vec<f64> = positions.iter().map(|p| p[1].as_f64().unwrap()).collect();
    let mid = |v: &[f64]| {
        (v.iter().cloned().fold(f64::MAX, f64::min) + v.iter().cloned().fold(f64::MIN, f64::max))
            / 2.0
    };
    let kind = match g["type"].as_str().unwrap() {
        "Point" => 0,
        "LineString" => 1,
        _ => 2,
    };
    (mid(&xs), mid(&ys), kind)
}

#[tokio::test]
async fn demo_plan_places_match_the_visible_located_comments() {
    let api = Api::demo();
    let got = places(&api.get(&places_path(OPEN_PLAN), None).await);
    let mut comments = Vec::new();
    for offset in [0, 1000] {
        let r = api
            .get(
                &format!("/api/v1/plans/{OPEN_PLAN}/comments?limit=1000&offset={offset}"),
                None,
            )
            .await;
        comments.extend(r.body["items"].as_array().unwrap().iter().cloned());
    }
    let hidden: Vec<i64> = comments
        .iter()
        .filter(|c| c["moderation"]["state"] == "hidden")
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(hidden.len(), 3, "the demo hides three comments");
    let want: BTreeMap<i64, (f64, f64, i64)> = comments
        .iter()
        .filter(|c| c["moderation"]["state"] == "visible" && !c["geometry"].is_null())
        .map(|c| (c["id"].as_i64().unwrap(), expected(&c["geometry"])))
        .collect();
    assert!(want.len() > 900, "{}", want.len());
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (id, (lon, lat, kind)) in &want {
        let (glon, glat, gkind) = got[id];
        assert!(
            close(glon, *lon) && close(glat, *lat) && gkind == *kind,
            "{id}"
        );
    }
    for h in hidden {
        assert!(!got.contains_key(&h), "hidden comment {h} is not a place");
    }
    let kinds: std::collections::BTreeSet<i64> = got.values().map(|v| v.2).collect();
    assert!(kinds.contains(&0) && kinds.contains(&1));
}

#[tokio::test]
async fn centres_kinds_replies_hiding_and_revalidation() {
    let api = Api::demo();
    let path = places_path(OPEN_PLAN);
    let first = get_with(&api, &path, None).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "no-cache");
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\"") && etag.ends_with('"'), "{etag}");
    let strong = etag.trim_start_matches("W/").to_owned();
    let before: Value = first.json().await.unwrap();
    let count_before = before["count"].as_i64().unwrap();

    // Unchanged: 304 without a body, for a strong, weak or listed tag.
    for tag in [
        etag.clone(),
        strong.clone(),
        format!("\"other\", {strong}"),
        "*".to_owned(),
    ] {
        let r = get_with(&api, &path, Some(&tag)).await;
        assert_eq!(r.status(), 304, "{tag}");
        assert_eq!(r.headers()["etag"], etag.as_str());
        assert_eq!(r.headers()["cache-control"], "no-cache");
        assert!(r.bytes().await.unwrap().is_empty());
    }
    assert_eq!(
        get_with(&api, &path, Some("\"something-else\""))
            .await
            .status(),
        200
    );
    // Other API answers still must not be stored.
    assert_eq!(
        api.get(&format!("/api/v1/plans/{OPEN_PLAN}"), None)
            .await
            .header("cache-control"),
        "no-store"
    );

    let post = |body: Value| {
        let api = &api;
        async move {
            let r = api
                .post(&format!("/api/v1/plans/{OPEN_PLAN}/comments"), None, &body)
                .await;
            assert_eq!(r.status, 201, "{}", r.text);
            r.body["id"].as_i64().unwrap()
        }
    };
    let point = post(json!({"text": "Penkki tähän", "geometry": {"type": "Point", "coordinates": [25.6612345678, 60.3901234567]}})).await;
    let area = post(json!({"text": "Tämä alue puistoksi", "geometry": {"type": "Polygon", "coordinates": [[[25.660, 60.389], [25.664, 60.389], [25.664, 60.392], [25.660, 60.389]]]}})).await;
    let line = post(json!({"text": "Polku", "parent_id": point, "geometry": {"type": "LineString", "coordinates": [[25.657, 60.3895], [25.659, 60.3885], [25.6581, 60.3905]]}})).await;
    let plain = post(json!({"text": "Ei paikkaa"})).await;

    let r = get_with(&api, &path, Some(&etag)).await;
    assert_eq!(r.status(), 200, "a new comment changes the tag");
    let etag2 = r.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(etag2, etag);
    let text = r.text().await.unwrap();
    let got = places(&Resp {
        status: 200,
        headers: {
            let mut h = reqwest::header::HeaderMap::new();
            h.insert("content-type", "application/json".parse().unwrap());
            h
        },
        body: serde_json::from_str(&text).unwrap(),
        text: text.clone(),
    });
    assert_eq!(got.len() as i64, count_before + 3);
    assert_eq!(
        got[&point],
        (25.661235, 60.390123, 0),
        "rounded to 6 decimals"
    );
    let (lon, lat, kind) = got[&area];
    assert!(close(lon, 25.662) && close(lat, 60.3905) && kind == 2);
    let (lon, lat, kind) = got[&line];
    assert!(
        close(lon, 25.658) && close(lat, 60.3895) && kind == 1,
        "a located reply is a place too"
    );
    assert!(!got.contains_key(&plain));

    // Three reports hide the point: it leaves the places and the tag changes.
    let a = api.participant().await;
    let b = api.participant().await;
    let report = format!("/api/v1/comments/{point}/reports");
    for token in [Some(a.as_str()), Some(b.as_str()), None] {
        let r = api.post(&report, token, &json!({"reason": "spam"})).await;
        assert_eq!(r.status, 202, "{}", r.text);
    }
    let r = api.get(&path, None).await;
    let after = places(&r);
    assert!(!after.contains_key(&point));
    assert!(after.contains_key(&area) && after.contains_key(&line));
    assert_ne!(r.header("etag"), etag2);
    assert_eq!(
        get_with(&api, &path, Some(&etag2)).await.status(),
        200,
        "hiding a comment invalidates the old tag"
    );
}

#[tokio::test]
async fn the_answer_is_compressed_when_the_client_accepts_it() {
    let api = Api::with(&["--demo", "--demo-big-plan", "2000"]);
    let path = places_path(7);
    let plain = get_with(&api, &path, None).await;
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    let etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    let plain_len = plain.bytes().await.unwrap().len();
    assert!(plain_len > 50_000, "{plain_len}");
    for (accept, coding) in [("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "br")] {
        let r = api
            .c
            .get(api.s.url(&path))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-encoding"], coding, "{accept}");
        assert_eq!(r.headers()["vary"], "accept-encoding");
        assert_eq!(
            r.headers()["etag"],
            etag.as_str(),
            "one tag for every coding"
        );
        assert_eq!(r.headers()["cache-control"], "no-cache");
        let len = r.bytes().await.unwrap().len();
        assert!(len * 3 < plain_len, "{accept}: {len} of {plain_len}");
    }
    // A compressed copy revalidates like a plain one.
    let r = api
        .c
        .get(api.s.url(&path))
        .header("accept-encoding", "br")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert!(r.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn unknown_plans_and_empty_plans() {
    let api = Api::demo();
    for plan in ["999999", "0", "abc", "-1"] {
        api.get(&format!("/api/v1/plans/{plan}/comments/places"), None)
            .await
            .problem(404, "not_found");
    }
    let r = api.get(&places_path(UPCOMING_PLAN), None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, json!({"count": 0, "items": []}));
    let r = api
        .c
        .post(api.s.url(&places_path(OPEN_PLAN)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
}

#[tokio::test]
async fn big_plan_seed_gives_n_places() {
    let api = Api::with(&["--demo", "--demo-big-plan", "3000"]);
    let r = api.get("/api/v1/plans?q=suurkortteli", None).await;
    assert_eq!(r.body["count"], 1, "{}", r.text);
    let plan = &r.body["items"][0];
    assert_eq!(plan["title"]["sv"], "Stor kvarter");
    assert_eq!(plan["title"]["en"], "Big block");
    assert_eq!(plan["comment_period"]["is_open"], true);
    let id = plan["id"].as_i64().unwrap();
    let got = places(&api.get(&places_path(id), None).await);
    assert_eq!(got.len(), 3000);
    let count = |k: i64| got.values().filter(|v| v.2 == k).count();
    assert!(
        count(0) > 2000 && count(1) > 150 && count(2) > 150,
        "{} {} {}",
        count(0),
        count(1),
        count(2)
    );
    // Every place is inside the plan's bounding box.
    let detail = api.get(&format!("/api/v1/plans/{id}"), None).await.body;
    let ring = detail["geometry"]["coordinates"][0].as_array().unwrap();
    let xs: Vec<f64> = ring.iter().map(|p| p[0].as_f64().unwrap()).collect();
    let ys: Vec<f64> = ring.iter().map(|p| p[1].as_f64().unwrap()).collect();
    let (w, e) = (
        xs.iter().cloned().fold(f64::MAX, f64::min),
        xs.iter().cloned().fold(f64::MIN, f64::max),
    );
    let (s, n) = (
        ys.iter().cloned().fold(f64::MAX, f64::min),
        ys.iter().cloned().fold(f64::MIN, f64::max),
    );
    assert!(got
        .values()
        .all(|(x, y, _)| *x >= w && *x <= e && *y >= s && *y <= n));
    // The list endpoint pages them.
    let r = api
        .get(&format!("/api/v1/plans/{id}/comments?limit=5"), None)
        .await;
    assert!(r.body["count"].as_i64().unwrap() > 2800, "{}", r.text);
}
