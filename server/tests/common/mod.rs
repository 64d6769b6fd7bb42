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
    /// The SQLite file (unused when the tests run on PostgreSQL).
    pub db: PathBuf,
    /// The PostgreSQL database when `OSALLISTU_TEST_PG_HOST` is set.
    pub pg: Option<Pg>,
    pub dist: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

/// A database on the throwaway PostgreSQL cluster of `server/scripts/pg-cluster`.
#[derive(Clone, Debug)]
pub struct Pg {
    pub host: String,
    pub port: String,
    pub name: String,
}

impl Pg {
    /// The cluster named by the environment, if the tests run on PostgreSQL.
    pub fn from_env(name: &str) -> Option<Pg> {
        let host = std::env::var("OSALLISTU_TEST_PG_HOST").ok()?;
        let port = std::env::var("OSALLISTU_TEST_PG_PORT").unwrap_or_else(|_| "5432".into());
        Some(Pg {
            host,
            port,
            name: name.to_owned(),
        })
    }

    pub fn url(&self) -> String {
        format!(
            "postgres://postgres@localhost:{}/{}?host={}",
            self.port, self.name, self.host
        )
    }

    fn psql(&self, db: &str, sql: &str) -> String {
        let out = Command::new("psql")
            .args([
                "-h", &self.host, "-p", &self.port, "-U", "postgres", "-d", db,
            ])
            .args(["-v", "ON_ERROR_STOP=1", "-tAc", sql])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Creates the database unless it exists.
    pub fn create(&self) {
        let exists = self.psql(
            "postgres",
            &format!("SELECT 1 FROM pg_database WHERE datname = '{}'", self.name),
        );
        if exists.trim() != "1" {
            self.psql("postgres", &format!("CREATE DATABASE \"{}\"", self.name));
        }
    }

    /// Runs one statement; returns psql's answer (e.g. `UPDATE 1`).
    pub fn exec(&self, sql: &str) -> String {
        let out = Command::new("psql")
            .args([
                "-h", &self.host, "-p", &self.port, "-U", "postgres", "-d", &self.name,
            ])
            .args(["-v", "ON_ERROR_STOP=1", "-c", sql])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Everything stored, as pg_dump writes it.
    pub fn dump(&self) -> Vec<u8> {
        Command::new("pg_dump")
            .args([
                "-h", &self.host, "-p", &self.port, "-U", "postgres", "-d", &self.name,
            ])
            .output()
            .expect("pg_dump runs")
            .stdout
    }
}

/// A database name for a test directory, the same each time (a restart finds its data).
fn pg_name(dir: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    dir.hash(&mut h);
    std::process::id().hash(&mut h);
    format!("t_{:016x}", h.finish())
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
        let pg = Pg::from_env(&pg_name(dir));
        if let Some(pg) = &pg {
            pg.create();
        }
        Server::start_on(dir, pg, extra)
    }

    /// A server on `dir` (its dist) and the given PostgreSQL database, or else `dir/db.sqlite`.
    pub fn start_on(dir: &Path, pg: Option<Pg>, extra: &[&str]) -> Server {
        let db = dir.join("db.sqlite");
        let dist = dir.join("dist");
        let target = match &pg {
            Some(pg) => pg.url(),
            None => db.to_string_lossy().into_owned(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_osallistu-server"))
            .arg("--database")
            .arg(&target)
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
            pg,
            dist,
            _tmp: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Everything the database holds, as bytes (the SQLite file and its WAL, or a dump).
    pub fn stored_bytes(&self) -> Vec<u8> {
        match &self.pg {
            Some(pg) => pg.dump(),
            None => {
                let raw = std::fs::read(&self.db).unwrap_or_default();
                let wal = std::fs::read(self.db.with_extension("sqlite-wal")).unwrap_or_default();
                [raw, wal].concat()
            }
        }
    }

    /// Whether the database is there (the SQLite file, or the PostgreSQL database).
    pub fn storage_exists(&self) -> bool {
        match &self.pg {
            Some(pg) => pg.exec("SELECT 1").contains('1'),
            None => self.db.exists(),
        }
    }

    /// Runs one SQL statement directly on the database (outside the server); returns the
    /// number of rows it changed.
    pub fn sql(&self, sql: &str) -> usize {
        match &self.pg {
            Some(pg) => pg
                .exec(sql)
                .split_whitespace()
                .last()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
            None => {
                let db = rusqlite::Connection::open(&self.db).unwrap();
                db.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
                db.execute(sql, []).unwrap()
            }
        }
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
