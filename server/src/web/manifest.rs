//! The web app manifest, in the resident's language, from `dist/config.json`.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Serialize)]
struct Icon {
    src: &'static str,
    sizes: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
}

#[derive(Serialize)]
struct Manifest {
    id: String,
    name: String,
    short_name: &'static str,
    description: &'static str,
    lang: String,
    dir: &'static str,
    start_url: String,
    scope: String,
    display: &'static str,
    background_color: &'static str,
    theme_color: String,
    icons: Vec<Icon>,
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
    let root = format!("{base}/");
    let icon =
        |src: &'static str, sizes: &'static str, kind: &'static str, purpose: &'static str| Icon {
            src,
            sizes,
            kind,
            purpose,
        };
    let manifest = Manifest {
        id: root.clone(),
        name,
        short_name: "Osallistu",
        description,
        lang: lang.to_owned(),
        dir: "ltr",
        start_url: root.clone(),
        scope: root,
        display: "standalone",
        background_color: "#ffffff",
        theme_color: theme.to_owned(),
        icons: vec![
            icon("icons/icon-192.png", "192x192", "image/png", "any"),
            icon("icons/icon-512.png", "512x512", "image/png", "any"),
            icon("icons/icon-512.png", "512x512", "image/png", "maskable"),
            icon("icons/icon.svg", "any", "image/svg+xml", "any"),
        ],
    };
    serde_json::to_value(manifest).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
