//! Staff plan forms over real HTTP: each wrong field is named in the problem.
mod common;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/staff.rs"]
mod staff;

use common::Api;
use idp::{flags, Idp};
use serde_json::{json, Value};
use staff::{plan_body, send, square};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fields_are_checked_by_name() {
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(&idp, &[]));
    let editor = idp.token("e", &["editor"]);
    let post = |b: Value| {
        let (api, editor) = (&api, &editor);
        async move {
            send(
                api,
                "POST",
                "/api/v1/staff/plans",
                Some(editor),
                None,
                Some(&b),
            )
            .await
        }
    };
    let bad = |f: &dyn Fn(&mut Value)| {
        let mut b = plan_body("Kenttäpuisto");
        f(&mut b);
        b
    };
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            bad(&|b| b["title"] = json!({"sv": "Bara svenska"})),
            "/title/fi",
            "required",
        ),
        (
            bad(&|b| {
                b.as_object_mut().unwrap().remove("geometry");
            }),
            "/geometry",
            "required",
        ),
        (
            bad(&|b| b["comment_period"]["closes_at"] = json!("2025-01-01T00:00:00Z")),
            "/comment_period/closes_at",
            "closes_before_opens",
        ),
        (
            bad(&|b| b["comment_period"]["opens_at"] = json!("huomenna")),
            "/comment_period/opens_at",
            "invalid",
        ),
        (bad(&|b| b["phase"] = json!("valmis")), "/phase", "invalid"),
        (
            bad(&|b| b["commenting"] = json!("everyone")),
            "/commenting",
            "invalid",
        ),
        (
            bad(&|b| b["map_tools"] = json!("lines")),
            "/map_tools",
            "invalid",
        ),
        (
            bad(&|b| b["contacts"][0]["email"] = json!("not-an-address")),
            "/contacts/0/email",
            "invalid",
        ),
        (
            bad(&|b| b["slug"] = json!("Iso Kirjain")),
            "/slug",
            "invalid",
        ),
        (
            bad(&|b| {
                b["geometry"]["coordinates"][0]
                    .as_array_mut()
                    .unwrap()
                    .pop()
                    .map(|_| ())
                    .unwrap()
            }),
            "/geometry/coordinates/0",
            "ring_not_closed",
        ),
        (
            bad(
                &|b| b["geometry"] = json!({"type": "Polygon", "coordinates": [[[25.0, 60.0], [25.1, 60.1], [25.1, 60.0], [25.0, 60.1], [25.0, 60.0]]]}),
            ),
            "/geometry/coordinates/0",
            "self_intersection",
        ),
        (
            bad(&|b| b["geometry"] = square(2.35, 48.85)),
            "/geometry/coordinates/0/0",
            "outside_finland",
        ),
        (
            bad(&|b| b["geometry"] = json!({"type": "Point", "coordinates": [25.0, 60.0]})),
            "/geometry/type",
            "invalid_geometry",
        ),
    ];
    for (body, pointer, code) in cases {
        let r = post(body).await;
        r.problem(422, "validation_failed");
        let errors = r.body["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["pointer"] == pointer && e["code"] == code),
            "{pointer} {code}: {}",
            r.text
        );
    }
    let mut ring: Vec<Value> = (0..10_001)
        .map(|i| {
            let a = i as f64 / 10_001.0 * std::f64::consts::TAU;
            json!([25.0 + 0.01 * a.cos(), 60.0 + 0.01 * a.sin()])
        })
        .collect();
    ring.push(ring[0].clone());
    let r = post(bad(&|b| {
        b["geometry"] = json!({"type": "Polygon", "coordinates": [ring.clone()]})
    }))
    .await;
    assert_eq!(
        r.body["errors"][0]["code"],
        "too_many_vertices",
        "{}",
        &r.text[..300.min(r.text.len())]
    );
    let r = post(bad(&|b| b["colour"] = json!("red"))).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.body["errors"][0]["code"], "unknown_field");
    // Several wrong fields: all named at once.
    let r = post(json!({})).await;
    let pointers: Vec<&str> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    for p in [
        "/title/fi",
        "/summary/fi",
        "/area_name/fi",
        "/phase",
        "/comment_period/opens_at",
        "/geometry",
    ] {
        assert!(pointers.contains(&p), "{p}: {pointers:?}");
    }
    // A plan that takes no comments refuses them even in its comment period.
    let mut b = plan_body("Hiljainen puisto");
    b["commenting"] = json!("nobody");
    let r = post(b).await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.body["id"].as_i64().unwrap();
    let r = send(
        &api,
        "POST",
        &format!("/api/v1/staff/plans/{id}/status"),
        Some(&editor),
        Some("\"v1\""),
        Some(&json!({"status": "published"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    api.post(
        &format!("/api/v1/plans/{id}/comments"),
        None,
        &json!({"text": "Hei"}),
    )
    .await
    .problem(409, "comment_period_closed");
    // The same title again gets a slug of its own.
    let r = post(plan_body("Hiljainen puisto")).await;
    assert_eq!(r.body["slug"], "hiljainen-puisto-2");
}
