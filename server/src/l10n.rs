//! Localized texts: `{"fi": …, "sv": …, "en": …}` objects stored as JSON text.

/// A localized text object `{"fi": …, "sv": …, "en": …}` stored as JSON text.
pub fn l10n(json_text: &str) -> serde_json::Value {
    serde_json::from_str(json_text).unwrap_or_else(|_| serde_json::json!({}))
}

/// Picks one language from a localized object (requested, then fi, en, sv).
pub fn pick<'a>(v: &'a serde_json::Value, lang: &str) -> &'a str {
    [lang, "fi", "en", "sv"]
        .iter()
        .find_map(|l| v.get(*l).and_then(|s| s.as_str()).filter(|s| !s.is_empty()))
        .unwrap_or("")
}

/// Lower-cased text of every language of the given localized JSON objects, for `search` columns.
pub fn search_text(localized: &[&str]) -> String {
    let mut out = String::new();
    for text in localized {
        if let serde_json::Value::Object(map) = l10n(text) {
            for v in map.values() {
                if let Some(s) = v.as_str() {
                    out.push_str(&s.to_lowercase());
                    out.push('\n');
                }
            }
        }
    }
    out
}
