//! The Content-Security-Policy: built from `dist/index.html` (hashes of its inline scripts) and
//! `dist/config.json` (map tiles, backends, embedding), rebuilt when either changes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use axum::http::HeaderValue;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Builds the Content-Security-Policy from `dist/index.html` and `dist/config.json`,
/// rebuilding it when either file changes on disk.
pub struct Csp {
    dist: PathBuf,
    frame_ancestors: String,
    /// Origins the app talks to besides those in config.json (the staff sign-in issuers).
    connect: Vec<String>,
    cached: RwLock<(Option<SystemTime>, Option<SystemTime>, Arc<HeaderValue>)>,
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Csp {
    pub fn new(dist: &Path, frame_ancestors: &[String], connect: &[String]) -> Self {
        let frame_ancestors = if frame_ancestors.is_empty() {
            "'self'".to_owned()
        } else {
            frame_ancestors.join(" ")
        };
        let csp = Csp {
            dist: dist.to_path_buf(),
            frame_ancestors,
            connect: connect.to_vec(),
            cached: RwLock::new((
                None,
                None,
                Arc::new(HeaderValue::from_static("default-src 'self'")),
            )),
        };
        csp.refresh();
        csp
    }

    fn build(&self) -> String {
        let html = std::fs::read_to_string(self.dist.join("index.html")).unwrap_or_default();
        let config: serde_json::Value = std::fs::read(self.dist.join("config.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or(serde_json::Value::Null);
        build_policy(&html, &config, &self.frame_ancestors, &self.connect)
    }

    fn refresh(&self) -> Arc<HeaderValue> {
        let index_m = mtime(&self.dist.join("index.html"));
        let config_m = mtime(&self.dist.join("config.json"));
        {
            let guard = self.cached.read().unwrap_or_else(|e| e.into_inner());
            if guard.0 == index_m && guard.1 == config_m && index_m.is_some() {
                return guard.2.clone();
            }
        }
        let value = HeaderValue::from_str(&self.build())
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
        let value = Arc::new(value);
        let mut guard = self.cached.write().unwrap_or_else(|e| e.into_inner());
        *guard = (index_m, config_m, value.clone());
        value
    }

    pub fn header(&self) -> Arc<HeaderValue> {
        self.refresh()
    }
}

/// `'sha256-…'` sources for every inline `<script>` element in an HTML document,
/// hashed over the element's raw text exactly as a browser does.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(found) = lower[pos..].find("<script") {
        let start = pos + found;
        let after_name = start + "<script".len();
        // Must be the script tag itself, not e.g. <scripts>.
        match lower.as_bytes().get(after_name) {
            Some(b) if b.is_ascii_whitespace() || *b == b'>' || *b == b'/' => {}
            _ => {
                pos = after_name;
                continue;
            }
        }
        let Some(tag_end_rel) = lower[after_name..].find('>') else {
            break;
        };
        let tag_end = after_name + tag_end_rel;
        let attrs = &lower[after_name..tag_end];
        let content_start = tag_end + 1;
        let Some(close_rel) = lower[content_start..].find("</script") else {
            break;
        };
        let content_end = content_start + close_rel;
        if !has_attr(attrs, "src") {
            let digest = Sha256::digest(&html.as_bytes()[content_start..content_end]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            let source = format!("'sha256-{b64}'");
            if !out.contains(&source) {
                out.push(source);
            }
        }
        pos = content_end;
    }
    out
}

fn has_attr(attrs: &str, name: &str) -> bool {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while let Some(rel) = attrs[i..].find(name) {
        let at = i + rel;
        let before_ok = at == 0 || bytes[at - 1].is_ascii_whitespace();
        let rest = attrs[at + name.len()..].trim_start();
        let after_ok = rest.starts_with('=') || rest.is_empty() || rest.starts_with('/');
        if before_ok && after_ok {
            return true;
        }
        i = at + name.len();
    }
    false
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL or URL template.
/// Template placeholders in the host (`{s}.tile…`) become a `*` wildcard label.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    if authority.is_empty() {
        return None;
    }
    let mut host = String::new();
    for (i, label) in authority.split('.').enumerate() {
        if i > 0 {
            host.push('.');
        }
        if label.contains('{') {
            if i != 0 {
                return None;
            }
            host.push('*');
        } else {
            host.push_str(label);
        }
    }
    let ok = host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*' | '[' | ']'));
    if !ok {
        return None;
    }
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The complete policy for a given index.html and config.json.
pub fn build_policy(
    index_html: &str,
    config: &serde_json::Value,
    frame_ancestors: &str,
    connect_extra: &[String],
) -> String {
    let mut script = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    for h in inline_script_hashes(index_html) {
        push_unique(&mut script, h);
    }
    let mut img = vec!["'self'".to_owned(), "data:".to_owned()];
    if let Some(o) = config
        .pointer("/map/tiles/url")
        .and_then(|v| v.as_str())
        .and_then(origin_of)
    {
        push_unique(&mut img, o);
    }
    let mut connect = vec!["'self'".to_owned()];
    for name in ["plans", "projects", "events"] {
        // The backend itself, and the sign-in service that hands out its bearer tokens.
        for field in ["base_url", "auth/token_url"] {
            if let Some(o) = config
                .pointer(&format!("/backends/{name}/{field}"))
                .and_then(|v| v.as_str())
                .and_then(origin_of)
            {
                push_unique(&mut connect, o);
            }
        }
    }
    for o in connect_extra {
        push_unique(&mut connect, o.clone());
    }
    // Sites allowed to embed the app: the server's --frame-ancestors, plus config.json's
    // embed.allowed_origins (which the app also limits its postMessage talk to).
    let mut frame: Vec<String> = frame_ancestors
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if let Some(list) = config
        .pointer("/embed/allowed_origins")
        .and_then(|v| v.as_array())
    {
        for o in list.iter().filter_map(|v| v.as_str()).filter_map(origin_of) {
            push_unique(&mut frame, o);
        }
    }
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src {}; connect-src {}; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {}",
        script.join(" "),
        img.join(" "),
        connect.join(" "),
        frame.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<html><head><script type="module">import init from '/a.js';init();</script>
<script src="/x.js"></script><SCRIPT>alert(1)</SCRIPT></head></html>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import init from '/a.js';init();"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://tile.example/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.example")
        );
        assert_eq!(
            origin_of("https://{s}.tile.example:8443/{z}").as_deref(),
            Some("https://*.tile.example:8443")
        );
        assert_eq!(origin_of("/api/v1"), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("https://a.example; script-src *"), None);
    }

    #[test]
    fn policy_from_config() {
        let cfg = serde_json::json!({
            "map": {"tiles": {"url": "https://tiles.example/{z}/{x}/{y}.png"}},
            "backends": {
                "plans": {"base_url": "https://kerrokantasi.example/v1/"},
                "projects": {"base_url": "/api/v1"},
                "events": {"base_url": "https://le.example/v1", "auth": {"token_url": "https://login.example/token"}}
            }
        });
        let p = build_policy(
            "",
            &cfg,
            "'self'",
            &["https://sso.kunta.example".to_owned()],
        );
        assert!(p.contains("img-src 'self' data: https://tiles.example;"));
        assert!(p.contains(
            "connect-src 'self' https://kerrokantasi.example https://le.example https://login.example \
             https://sso.kunta.example;"
        ));
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(p.ends_with("frame-ancestors 'self'"));
        let embedded = serde_json::json!({"embed": {"allowed_origins": ["https://www.example.fi", "https://x.example/path"]}});
        let p = build_policy("", &embedded, "'self' https://intra.example", &[]);
        assert!(p.ends_with(
            "frame-ancestors 'self' https://intra.example https://www.example.fi https://x.example"
        ));
    }
}
