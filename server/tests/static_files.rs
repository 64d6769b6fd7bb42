mod common;

use base64::Engine;
use common::{client, Server, INLINE_SCRIPT};
use sha2::{Digest, Sha256};

fn header<'a>(r: &'a reqwest::Response, name: &str) -> &'a str {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

#[tokio::test]
async fn spa_fallback_headers_and_csp() {
    let s = Server::start(&["--frame-ancestors", "'self',https://kunta.example.fi"]);
    let c = client();

    for path in ["/", "/plans/3", "/fi/events?x=1", "/no/such/file.js"] {
        let r = c.get(s.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(header(&r, "content-type"), "text/html; charset=utf-8");
        assert_eq!(header(&r, "cache-control"), "no-cache");
        assert_eq!(header(&r, "x-content-type-options"), "nosniff");
        assert_eq!(
            header(&r, "referrer-policy"),
            "strict-origin-when-cross-origin"
        );
        assert_eq!(
            header(&r, "link"),
            "</config.json>; rel=preload; as=fetch; crossorigin=anonymous",
            "the page asks for its configuration to be fetched early"
        );
        let body = r.text().await.unwrap();
        assert!(body.contains("<title>Osallistu</title>"));
    }

    let r = c.get(s.url("/")).send().await.unwrap();
    let csp = header(&r, "content-security-policy").to_owned();
    let hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE_SCRIPT.as_bytes()));
    assert_eq!(
        csp,
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'; style-src 'self'; \
             img-src 'self' data: https://tiles.example.org; connect-src 'self' https://kerrokantasi.example.fi https://events.example.fi; \
             font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://kunta.example.fi"
        )
    );
    assert!(!csp.contains("unsafe-inline"));
}

#[tokio::test]
async fn precompressed_assets_and_caching() {
    let s = Server::start(&[]);
    let c = client();
    let js = "/osallistu-0123456789abcdef.js";

    let r = c
        .get(s.url(js))
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-encoding"), "br");
    assert_eq!(header(&r, "content-type"), "text/javascript; charset=utf-8");
    assert_eq!(header(&r, "vary"), "Accept-Encoding");
    assert_eq!(
        header(&r, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), b"BR-BYTES");

    let r = c
        .get(s.url(js))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, "content-encoding"), "gzip");
    assert_eq!(r.bytes().await.unwrap().as_ref(), b"GZ-BYTES");

    let r = c
        .get(s.url(js))
        .header("accept-encoding", "br;q=0, identity")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, "content-encoding"), "");
    assert_eq!(header(&r, "vary"), "Accept-Encoding");
    assert_eq!(
        r.text().await.unwrap(),
        "export default function init(){}\n"
    );

    let r = c
        .get(s.url("/osallistu-0123456789abcdef_bg.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, "content-type"), "application/wasm");
    assert_eq!(
        header(&r, "cache-control"),
        "public, max-age=31536000, immutable"
    );

    let r = c.get(s.url("/config.json")).send().await.unwrap();
    assert_eq!(header(&r, "content-type"), "application/json");
    assert_eq!(header(&r, "cache-control"), "no-cache");
    let etag = header(&r, "etag").to_owned();
    assert!(!etag.is_empty());
    let r = c
        .get(s.url("/config.json"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);

    // No escaping the dist directory.
    let r = c.get(s.url("/%2e%2e/db.sqlite")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("<title>Osallistu</title>"));

    let r = c.post(s.url("/")).send().await.unwrap();
    assert_eq!(r.status(), 405);
}

#[tokio::test]
async fn api_responses_are_not_stored_and_unknown_api_is_problem_json() {
    let s = Server::start(&[]);
    let c = client();
    let r = c.get(s.url("/api/v1/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert!(header(&r, "content-security-policy").contains("frame-ancestors 'self'"));
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["status"], "ok");

    let r = c.get(s.url("/api/v1/nope")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(header(&r, "content-type"), "application/problem+json");
    assert_eq!(header(&r, "cache-control"), "no-store");
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["code"], "not_found");
    assert_eq!(v["status"], 404);
}

#[tokio::test]
async fn cors_allow_list() {
    let s = Server::start(&["--cors-origin", "https://kunta.example.fi"]);
    let c = client();
    let r = c
        .get(s.url("/api/v1/health"))
        .header("origin", "https://kunta.example.fi")
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&r, "access-control-allow-origin"),
        "https://kunta.example.fi"
    );
    let r = c
        .get(s.url("/api/v1/health"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, "access-control-allow-origin"), "");
    let r = c
        .request(reqwest::Method::OPTIONS, s.url("/api/v1/health"))
        .header("origin", "https://kunta.example.fi")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "idempotency-key, content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert!(header(&r, "access-control-allow-headers").contains("idempotency-key"));
}

#[tokio::test]
async fn csp_follows_a_rebuilt_index_html() {
    let s = Server::start(&[]);
    let c = client();
    let before = c.get(s.url("/")).send().await.unwrap();
    let old = header(&before, "content-security-policy").to_owned();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let script = "console.log('rebuilt')";
    std::fs::write(
        s.dist.join("index.html"),
        format!("<html><head><script type=\"module\">{script}</script></head></html>"),
    )
    .unwrap();
    let after = c.get(s.url("/")).send().await.unwrap();
    let new = header(&after, "content-security-policy").to_owned();
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    assert_ne!(old, new);
    assert!(new.contains(&format!("'sha256-{hash}'")), "{new}");
    let old_hash = old
        .split_whitespace()
        .find(|t| t.starts_with("'sha256-"))
        .unwrap()
        .trim_end_matches(';');
    assert!(!new.contains(old_hash), "the old loader's hash is gone");
}

#[tokio::test]
async fn environment_configures_the_server() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("site");
    common::write_dist(&dist);
    let db = tmp.path().join("env.sqlite");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
        .env("OSALLISTU_DATABASE", &db)
        .env("OSALLISTU_LISTEN", "127.0.0.1:0")
        .env("OSALLISTU_DIST", &dist)
        .env("OSALLISTU_DEMO", "1")
        .env(
            "OSALLISTU_FRAME_ANCESTORS",
            "https://a.example.fi, https://b.example.fi",
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
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
    let c = client();
    let r = c.get(format!("{base}/api/v1/plans")).send().await.unwrap();
    assert!(header(&r, "content-security-policy")
        .ends_with("frame-ancestors https://a.example.fi https://b.example.fi"));
    let plans: serde_json::Value = r.json().await.unwrap();
    assert_eq!(plans["count"], 6, "OSALLISTU_DEMO=1 seeded the demo town");
    let page = c
        .get(format!("{base}/events"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<title>Osallistu</title>"),
        "served from OSALLISTU_DIST"
    );
    assert!(db.exists());
    let _ = child.kill();
    let _ = child.wait();

    // A bad flag is refused with a usage message and exit status 2.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
        .arg("--no-such-flag")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: osallistu-server"));
}
