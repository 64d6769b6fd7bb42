//! The string tables, generated at build time from `locales/` (see `build.rs` at the root of the
//! package), and the placeholder filler.

use crate::domain::Lang;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// The string table of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// Fills `{name}` placeholders in a template. Unknown placeholders are left as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// `locales/<code>.json` merged with every `locales/<area>/<code>.json`.
    fn locale_file(code: &str) -> BTreeMap<String, String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales");
        let mut paths = vec![dir.join(format!("{code}.json"))];
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                paths.push(path.join(format!("{code}.json")));
            }
        }
        let mut merged = BTreeMap::new();
        for path in paths {
            let part: BTreeMap<String, String> =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            merged.extend(part);
        }
        merged
    }

    #[test]
    fn every_language_has_every_key_and_no_empty_text() {
        let en = locale_file("en");
        assert_eq!(en.len(), KEY_COUNT);
        for lang in Lang::ALL {
            let file = locale_file(lang.code());
            let keys: Vec<_> = file.keys().collect();
            assert_eq!(
                keys,
                en.keys().collect::<Vec<_>>(),
                "{lang} keys differ from en"
            );
            for (key, text) in strings(lang).entries() {
                assert!(!text.trim().is_empty(), "{lang}: {key} is empty");
                assert_eq!(
                    file[key], text,
                    "{lang}: {key} differs from its locale file"
                );
            }
        }
    }

    #[test]
    fn finnish_and_swedish_are_translated_not_copied_from_english() {
        // Proper names may legitimately repeat; everything else must be translated.
        let same_everywhere = ["app_name"];
        for (key, en) in EN.entries() {
            if same_everywhere.contains(&key) || key.ends_with("_url") {
                continue;
            }
            let fi = FI.entries().into_iter().find(|(k, _)| *k == key).unwrap().1;
            let sv = SV.entries().into_iter().find(|(k, _)| *k == key).unwrap().1;
            assert_ne!(fi, en, "fi `{key}` is the English text");
            assert_ne!(sv, en, "sv `{key}` is the English text");
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("Hei {name}!", &[("name", "Aino")]), "Hei Aino!");
        assert_eq!(fill("{a}{b}", &[("a", "1"), ("b", "2")]), "12");
        assert_eq!(fill("{x} and {", &[]), "{x} and {");
        assert_eq!(
            fill(EN.config_error_missing, &[("field", "backends.plans")]),
            "A required setting is missing: backends.plans"
        );
    }
}
