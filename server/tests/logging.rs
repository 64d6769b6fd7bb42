//! Request logs: one JSON line per request with method, path, status, duration and the request
//! id that the answer echoes; no query strings, bodies or secret-looking path segments.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test]
async fn requests_are_logged_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    common::write_dist(&dist);
    let log = dir.path().join("stderr.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
        .arg("--database")
        .arg(dir.path().join("db.sqlite"))
        .arg("--dist")
        .arg(&dist)
        .args(["--listen", "127.0.0.1:0", "--demo", "--log-format", "json"])
        .env_remove("OSALLISTU_LOG")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("Osallistu listening on ")
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    let c = common::client();
    let r = c
        .get(format!(
            "{base}/api/v1/plans?q=Maija%20Meik%C3%A4l%C3%A4inen"
        ))
        .header("x-request-id", "trace-42")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-request-id"], "trace-42");
    let secret = "Zm9vYmFyYmF6cXV4cXV1eHNlY3JldGNvZGUxMjM0NTY";
    let r = c
        .get(format!("{base}/api/v1/cancel/{secret}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let generated = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(generated.len(), 16, "a fresh id when none is sent");
    let r = c
        .post(format!("{base}/api/v1/registrations/cancel"))
        .json(&serde_json::json!({ "cancel_token": secret }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let _ = child.kill();
    let _ = child.wait();
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let answered: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["fields"]["message"] == "answered")
        .collect();
    let plans = answered
        .iter()
        .find(|l| l["span"]["request_id"] == "trace-42")
        .expect("a line for the plans request");
    assert_eq!(plans["span"]["method"], "GET");
    assert_eq!(plans["span"]["path"], "/api/v1/plans");
    assert_eq!(plans["fields"]["status"], 200);
    assert!(plans["fields"]["duration_ms"].as_f64().is_some());
    let cancel = answered
        .iter()
        .find(|l| l["span"]["request_id"] == generated.as_str())
        .unwrap();
    assert_eq!(cancel["span"]["path"], "/api/v1/cancel/:redacted");
    assert_eq!(cancel["fields"]["status"], 404);
    assert!(!text.contains(secret), "{text}");
    assert!(!text.contains("Maija") && !text.contains("Meik"), "{text}");
}
