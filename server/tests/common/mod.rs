//! Starts the real server binary on 127.0.0.1:0 with a temporary database and dist directory.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const INDEX_HTML: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Osallistu</title>\
<link rel=\"modulepreload\" href=\"/osallistu-0123456789abcdef.js\">\
<script type=\"module\">import init, * as bindings from '/osallistu-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/osallistu-0123456789abcdef_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\
</head><body></body></html>";

pub const INLINE_SCRIPT: &str = "import init, * as bindings from '/osallistu-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/osallistu-0123456789abcdef_bg.wasm' });\nwindow.wasmBindings = bindings;\n";

pub struct Server {
    pub child: Child,
    pub base: String,
    pub dir: PathBuf,
    pub db: PathBuf,
    pub dist: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn write_dist(dist: &Path) {
    std::fs::create_dir_all(dist).unwrap();
    std::fs::write(dist.join("index.html"), INDEX_HTML).unwrap();
    std::fs::write(
        dist.join("config.json"),
        r#"{"map":{"tiles":{"url":"https://tiles.example.org/{z}/{x}/{y}.png"}},
            "backends":{"plans":{"base_url":"https://kerrokantasi.example.fi/v1/"},"projects":{"base_url":"/api/v1"},"events":{"base_url":"https://events.example.fi/v1/"}}}"#,
    )
    .unwrap();
    std::fs::write(
        dist.join("osallistu-0123456789abcdef.js"),
        "export default function init(){}\n",
    )
    .unwrap();
    std::fs::write(dist.join("osallistu-0123456789abcdef.js.br"), b"BR-BYTES").unwrap();
    std::fs::write(dist.join("osallistu-0123456789abcdef.js.gz"), b"GZ-BYTES").unwrap();
    std::fs::write(
        dist.join("osallistu-0123456789abcdef_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(dist.join("robots.txt"), "User-agent: *\n").unwrap();
}

impl Server {
    /// A fresh server in a new temporary directory.
    pub fn start(extra: &[&str]) -> Server {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let dist = dir.join("dist");
        write_dist(&dist);
        let mut s = Server::start_in(&dir, extra);
        s._tmp = Some(tmp);
        s
    }

    /// A server on an existing directory (database `dir/db.sqlite`, dist `dir/dist`).
    pub fn start_in(dir: &Path, extra: &[&str]) -> Server {
        let db = dir.join("db.sqlite");
        let dist = dir.join("dist");
        let mut child = Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
            .arg("--database")
            .arg(&db)
            .arg("--dist")
            .arg(&dist)
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            .env_remove("OSALLISTU_DATABASE")
            .env_remove("OSALLISTU_LISTEN")
            .env_remove("OSALLISTU_DIST")
            .env_remove("OSALLISTU_DEMO")
            .env_remove("OSALLISTU_RATE_LIMIT")
            // Request lines would drown the test output; warnings and errors still show.
            .env("OSALLISTU_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server binary starts");
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let url = line
            .trim()
            .strip_prefix("Osallistu listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        assert!(
            url.starts_with("http://127.0.0.1:") && url.ends_with('/'),
            "{url}"
        );
        assert!(!url.ends_with(":0/"));
        // Keep draining stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while reader.read_line(&mut sink).map(|n| n > 0).unwrap_or(false) {
                sink.clear();
            }
        });
        Server {
            child,
            base: url.trim_end_matches('/').to_owned(),
            dir: dir.to_path_buf(),
            db,
            dist,
            _tmp: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Stops the process (SIGKILL) and waits for it.
    pub fn stop(mut self) -> PathBuf {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.dir.clone()
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        // A server may close a connection after refusing a body; never reuse one.
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

use serde_json::Value;

pub struct Api {
    pub s: Server,
    pub c: reqwest::Client,
}

pub struct Resp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    /// Asserts a problem+json error with the given status and code.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status, status, "{}", self.text);
        assert_eq!(
            self.header("content-type"),
            "application/problem+json",
            "{}",
            self.text
        );
        assert_eq!(self.body["code"], code, "{}", self.text);
        assert_eq!(self.body["status"], status);
        assert!(self.body["title"].is_string() && self.body["type"].is_string());
        &self.body
    }
}

impl Api {
    pub fn demo() -> Api {
        Api::with(&["--demo"])
    }
    pub fn with(args: &[&str]) -> Api {
        Api {
            s: Server::start(args),
            c: client(),
        }
    }
    async fn finish(r: reqwest::Response) -> Resp {
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
    pub async fn get(&self, path: &str, token: Option<&str>) -> Resp {
        let mut rb = self.c.get(self.s.url(path));
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        Self::finish(rb.send().await.unwrap()).await
    }
    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Resp {
        self.post_with(path, token, None, body).await
    }
    pub async fn post_with(
        &self,
        path: &str,
        token: Option<&str>,
        key: Option<&str>,
        body: &Value,
    ) -> Resp {
        let mut rb = self
            .c
            .post(self.s.url(path))
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        if let Some(k) = key {
            rb = rb.header("idempotency-key", k);
        }
        Self::finish(rb.send().await.unwrap()).await
    }
    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Resp {
        let rb = self
            .c
            .post(self.s.url(path))
            .header("content-type", content_type)
            .body(body);
        Self::finish(rb.send().await.unwrap()).await
    }
    pub async fn participant(&self) -> String {
        let r = self
            .post("/api/v1/participants", None, &serde_json::json!({}))
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        r.body["token"].as_str().unwrap().to_owned()
    }
}
