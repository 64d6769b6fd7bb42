//! Serving the built app: SPA fallback, precompressed siblings, caching and security headers.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// Builds the Content-Security-Policy from `dist/index.html` and `dist/config.json`,
/// rebuilding it when either file changes on disk.
pub struct Csp {
    dist: PathBuf,
    frame_ancestors: String,
    cached: RwLock<(Option<SystemTime>, Option<SystemTime>, Arc<HeaderValue>)>,
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Csp {
    pub fn new(dist: &Path, frame_ancestors: &[String]) -> Self {
        let frame_ancestors = if frame_ancestors.is_empty() {
            "'self'".to_owned()
        } else {
            frame_ancestors.join(" ")
        };
        let csp = Csp {
            dist: dist.to_path_buf(),
            frame_ancestors,
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
        build_policy(&html, &config, &self.frame_ancestors)
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
pub fn build_policy(index_html: &str, config: &serde_json::Value, frame_ancestors: &str) -> String {
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

/// Adds the security headers to every response, and `no-store` to API responses that set no
/// `Cache-Control` of their own.
pub async fn security_headers(State(csp): State<Arc<Csp>>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path() == "/api" || req.uri().path().starts_with("/api/");
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, (*csp.header()).clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    // An API answer that revalidates with an ETag sets its own Cache-Control.
    if is_api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[derive(serde::Deserialize)]
pub struct ManifestQuery {
    lang: Option<String>,
}

/// The web app manifest for `config.json` in `lang` (default: the configured default
/// language): the municipality's name, the theme colour and the icons, so the app installs
/// under the municipality's name in the resident's language.
pub fn manifest_for(config: &serde_json::Value, lang: Option<&str>) -> serde_json::Value {
    let offered: Vec<&str> = config
        .pointer("/languages/offered")
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|l| l.as_str()).collect())
        .unwrap_or_default();
    let default = config
        .pointer("/languages/default")
        .and_then(|v| v.as_str())
        .unwrap_or("fi");
    let lang = lang.filter(|l| offered.contains(l)).unwrap_or(default);
    let town = config
        .pointer("/municipality/name")
        .map(|n| crate::l10n::pick(n, lang).to_owned())
        .unwrap_or_default();
    let description = match lang {
        "sv" => "Kommentera planer, följ projekt och anmäl dig till evenemang.",
        "en" => "Comment on plans, follow projects and sign up for events.",
        _ => "Kommentoi kaavoja, seuraa hankkeita ja ilmoittaudu tapahtumiin.",
    };
    let base = config
        .pointer("/base_path")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .trim_end_matches('/');
    let theme = config
        .pointer("/theme/color-primary")
        .and_then(|v| v.as_str())
        .filter(|c| {
            c.starts_with('#') && c.len() <= 9 && c[1..].chars().all(|x| x.is_ascii_hexdigit())
        })
        .unwrap_or("#0a5a8c");
    let name = if town.is_empty() {
        "Osallistu".to_owned()
    } else {
        format!("Osallistu – {town}")
    };
    serde_json::json!({
        "id": format!("{base}/"),
        "name": name,
        "short_name": "Osallistu",
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "start_url": format!("{base}/"),
        "scope": format!("{base}/"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme,
        "icons": [
            {"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            {"src": "icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
        ]
    })
}

/// `GET /manifest.webmanifest[?lang=sv]`, made from `dist/config.json`.
pub async fn manifest(
    State(dist): State<Arc<PathBuf>>,
    axum::extract::Query(q): axum::extract::Query<ManifestQuery>,
) -> Response {
    let config: serde_json::Value = std::fs::read(dist.join("config.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(serde_json::Value::Null);
    let body = manifest_for(&config, q.lang.as_deref()).to_string();
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// Trunk names built assets `name-<16 hex digits>.ext`; those never change content.
pub fn is_hashed_asset(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        // Trunk writes a 64-bit hash in hex without leading zeros: usually 16 digits, sometimes
        // fewer (one in sixteen builds has 15).
        Some((_, hash)) => {
            (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
        }
        None => false,
    }
}

fn cache_control(file_name: &str) -> &'static str {
    if file_name == "index.html" || file_name == "config.json" {
        "no-cache"
    } else if is_hashed_asset(file_name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Percent-decodes a URL path and maps it into `dist`, refusing anything that could escape it.
fn safe_join(dist: &Path, uri_path: &str) -> Option<PathBuf> {
    let bytes = uri_path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if i + 3 > bytes.len() {
                return None;
            }
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(decoded).ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut out = dist.to_path_buf();
    for comp in Path::new(decoded.trim_start_matches('/')).components() {
        match comp {
            Component::Normal(c) => {
                let s = c.to_str()?;
                if s.starts_with('.') {
                    return None;
                }
                out.push(c)
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';');
            let name = it.next().unwrap_or("").trim();
            if !name.eq_ignore_ascii_case(coding) {
                return false;
            }
            // Honour an explicit q=0.
            !it.any(|p| {
                let p = p.trim().replace(' ', "");
                p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
            })
        })
}

async fn is_file(p: &Path) -> bool {
    tokio::fs::metadata(p)
        .await
        .map(|m| m.is_file())
        .unwrap_or(false)
}

/// Fallback handler: static files from `dist`, else `index.html`; `/api/…` gets problem+json 404.
pub async fn serve_static(State(dist): State<Arc<PathBuf>>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::not_found("this API endpoint").into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = StatusCode::METHOD_NOT_ALLOWED.into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let mut file = match safe_join(&dist, &path) {
        Some(p) if is_file(&p).await => p,
        _ => dist.join("index.html"),
    };
    if !is_file(&file).await {
        // Directory requests such as "/docs/" fall back to the app too.
        file = dist.join("index.html");
        if !is_file(&file).await {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "The app is not built: no index.html in the dist directory.\n",
            )
                .into_response();
        }
    }
    let file_name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_owned();
    let mut chosen = file.clone();
    let mut encoding = None;
    let mut has_variants = false;
    for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
        let mut sibling = file.clone().into_os_string();
        sibling.push(".");
        sibling.push(ext);
        let sibling = PathBuf::from(sibling);
        if is_file(&sibling).await {
            has_variants = true;
            if encoding.is_none() && accepts(req.headers(), coding) {
                chosen = sibling;
                encoding = Some(coding);
            }
        }
    }
    let meta = match tokio::fs::metadata(&chosen).await {
        Ok(m) => m,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let etag = format!(
        "\"{:x}-{:x}{}\"",
        meta.len(),
        modified,
        encoding.map(|e| format!("-{e}")).unwrap_or_default()
    );
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&file)),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(&file_name)),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    if has_variants {
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    if file_name == "index.html" {
        // The app fetches its runtime configuration first thing; start that download together
        // with the wasm instead of after it (one round trip less before the first paint).
        headers.insert(
            header::LINK,
            HeaderValue::from_static(
                "</config.json>; rel=preload; as=fetch; crossorigin=anonymous",
            ),
        );
    }
    if let Some(e) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
        .unwrap_or(false);
    if not_modified {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    if req.method() == Method::HEAD {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(meta.len()));
        return (StatusCode::OK, headers).into_response();
    }
    match tokio::fs::read(&chosen).await {
        Ok(bytes) => (StatusCode::OK, headers, Body::from(bytes)).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
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
        let p = build_policy("", &cfg, "'self'");
        assert!(p.contains("img-src 'self' data: https://tiles.example;"));
        assert!(p.contains(
            "connect-src 'self' https://kerrokantasi.example https://le.example https://login.example;"
        ));
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(p.ends_with("frame-ancestors 'self'"));
        let embedded = serde_json::json!({"embed": {"allowed_origins": ["https://www.example.fi", "https://x.example/path"]}});
        let p = build_policy("", &embedded, "'self' https://intra.example");
        assert!(p.ends_with(
            "frame-ancestors 'self' https://intra.example https://www.example.fi https://x.example"
        ));
    }

    #[test]
    fn the_manifest_speaks_the_asked_language_and_falls_back_to_the_default() {
        let cfg = serde_json::json!({
            "municipality": {"name": {"fi": "Virtalan kaupunki", "sv": "Virtby stad"}},
            "languages": {"offered": ["fi", "sv"], "default": "fi"},
            "theme": {"color-primary": "#006400"},
            "base_path": "/osallistu"
        });
        let sv = manifest_for(&cfg, Some("sv"));
        assert_eq!(sv["name"], "Osallistu – Virtby stad");
        assert_eq!(sv["lang"], "sv");
        assert_eq!(sv["theme_color"], "#006400");
        assert_eq!(sv["start_url"], "/osallistu/");
        let en = manifest_for(&cfg, Some("en"));
        assert_eq!(en["lang"], "fi", "English is not offered here");
        assert_eq!(en["name"], "Osallistu – Virtalan kaupunki");
        assert!(en["icons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["purpose"] == "maskable" && i["sizes"] == "512x512"));
        let hostile = serde_json::json!({"theme": {"color-primary": "red;}"}});
        assert_eq!(manifest_for(&hostile, None)["theme_color"], "#0a5a8c");
    }

    #[test]
    fn hashed_assets() {
        assert!(is_hashed_asset("osallistu-7c3b1f0e9a2d4b6c_bg.wasm"));
        assert!(is_hashed_asset("osallistu-7c3b1f0e9a2d4b6c.js"));
        assert!(is_hashed_asset("style-0123456789abcdef.css"));
        assert!(
            is_hashed_asset("osallistu-50661f8b12d3158_bg.wasm"),
            "15 hex digits"
        );
        assert!(!is_hashed_asset("index.html"));
        assert!(!is_hashed_asset("leaflet-1.9.4.js"));
    }

    #[test]
    fn safe_paths() {
        let d = Path::new("/srv/dist");
        assert_eq!(
            safe_join(d, "/a/b.js"),
            Some(PathBuf::from("/srv/dist/a/b.js"))
        );
        assert_eq!(safe_join(d, "/%2e%2e/etc/passwd"), None);
        assert_eq!(safe_join(d, "/../x"), None);
        assert_eq!(safe_join(d, "/.git/config"), None);
        assert_eq!(
            safe_join(d, "/a%20b.txt"),
            Some(PathBuf::from("/srv/dist/a b.txt"))
        );
    }
}
