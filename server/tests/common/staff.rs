//! Helpers of the staff workspace tests: a valid plan body, and requests with any method.
#![allow(dead_code)]

use serde_json::{json, Value};

use crate::common::{Api, Resp};

pub fn square(lon: f64, lat: f64) -> Value {
    json!({"type": "Polygon", "coordinates": [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]]})
}

pub fn plan_body(title: &str) -> Value {
    json!({
        "title": {"fi": title, "sv": "Strandparken", "en": "Riverside park"},
        "summary": {"fi": "Puisto joen varteen.\nToinen rivi."},
        "description": {"fi": "<p>Kuvaus <strong>tärkeä</strong><script>alert(1)</script> <a href=\"https://kunta.example/x\" onclick=\"x()\">linkki</a></p>"},
        "area_name": {"fi": "Jokiranta"},
        "phase": "draft",
        "comment_period": {"opens_at": "2026-01-01T00:00:00Z", "closes_at": "2036-01-01T00:00:00Z"},
        "geometry": square(25.66, 60.39),
        "contacts": [{"name": "Sanna Suunnittelija", "role": {"fi": "Kaavoittaja"}, "organization": "Virtalan kaupunki", "email": "sanna@kunta.example"}],
        "map_tools": "point",
    })
}

pub async fn send(
    api: &Api,
    method: &str,
    path: &str,
    token: Option<&str>,
    if_match: Option<&str>,
    body: Option<&Value>,
) -> Resp {
    let mut rb = api.c.request(method.parse().unwrap(), api.s.url(path));
    if let Some(t) = token {
        rb = rb.bearer_auth(t);
    }
    if let Some(m) = if_match {
        rb = rb.header("if-match", m);
    }
    if let Some(b) = body {
        rb = rb
            .header("content-type", "application/json")
            .body(b.to_string());
    }
    let r = rb.send().await.unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Resp {
        status,
        headers,
        body,
        text,
    }
}
