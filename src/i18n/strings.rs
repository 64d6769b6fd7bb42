//! The string tables, generated at build time from `locales/` (see `build.rs` at the root of the
//! package), and the placeholder filler.

use crate::domain::Lang;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// The string table of a language. In the release build a language's table arrives at run
/// time ([`load`]); until it has, the table of a language that has arrived stands in (the app
/// mounts only once the language it starts in is there).
#[cfg(not(feature = "split"))]
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The string table of a language. In the release build a language's table arrives at run
/// time ([`load`]); until it has, the table of a language that has arrived stands in (the app
/// mounts only once the language it starts in is there).
#[cfg(feature = "split")]
pub fn strings(lang: Lang) -> &'static Strings {
    loaded(lang)
        .or_else(|| Lang::ALL.into_iter().find_map(loaded))
        .expect("a string table is loaded before the app mounts")
}

thread_local! {
    static TABLES: std::cell::Cell<[Option<&'static Strings>; 3]> = const { std::cell::Cell::new([None; 3]) };
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Fi => 0,
        Lang::Sv => 1,
        Lang::En => 2,
    }
}

/// The table of `lang`, if it is here (always, in builds with every table compiled in).
pub(crate) fn loaded(lang: Lang) -> Option<&'static Strings> {
    #[cfg(not(feature = "split"))]
    {
        Some(strings(lang))
    }
    #[cfg(feature = "split")]
    {
        TABLES.with(|t| t.get()[slot(lang)])
    }
}

/// Reads a language's table file (`i18n/strings-<code>.json`: the fingerprint of the key list,
/// then every text in key order) and keeps it for the rest of the page's life. `None` when it
/// is not such a file or was written for other keys (a stale copy): the caller says the
/// language could not be loaded.
pub(crate) fn install(lang: Lang, json: &str) -> Option<&'static Strings> {
    let table = Strings::from_texts(table_texts(json, KEYS_FINGERPRINT)?)?;
    let table: &'static Strings = Box::leak(Box::new(table));
    TABLES.with(|t| {
        let mut all = t.get();
        all[slot(lang)] = Some(table);
        t.set(all);
    });
    Some(table)
}

/// The texts of a table file (`[fingerprint, text…]`), kept for the rest of the page's life;
/// `None` when it is not such a file or was written for keys with another fingerprint.
pub(crate) fn table_texts(json: &str, fingerprint: &str) -> Option<Vec<&'static str>> {
    let mut texts: Vec<String> = serde_json::from_str(json).ok()?;
    if texts.is_empty() || texts.remove(0) != fingerprint {
        return None;
    }
    Some(
        texts
            .into_iter()
            .map(|t| &*Box::leak(t.into_boxed_str()))
            .collect(),
    )
}

/// The address of a language's table under the app's public URL.
pub(crate) fn table_path(lang: Lang) -> String {
    format!("i18n/strings-{}.json", lang.code())
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
            // The staff workspace's strings are a table of their own (see `super::super::staff`).
            if path.is_dir() && !path.ends_with("staff") {
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
    fn a_table_file_becomes_a_table_and_a_stale_one_is_refused() {
        let file = |lang: Lang| {
            let texts: Vec<&str> = std::iter::once(KEYS_FINGERPRINT)
                .chain(strings(lang).entries().into_iter().map(|(_, v)| v))
                .collect();
            serde_json::to_string(&texts).unwrap()
        };
        let sv = install(Lang::Sv, &file(Lang::Sv)).unwrap();
        assert_eq!(sv.entries(), SV.entries());
        let mut short: Vec<String> = serde_json::from_str(&file(Lang::En)).unwrap();
        short.pop();
        assert!(install(Lang::En, &serde_json::to_string(&short).unwrap()).is_none());
        let mut stale: Vec<String> = serde_json::from_str(&file(Lang::En)).unwrap();
        stale[0] = "0000000000000000".into();
        assert!(install(Lang::En, &serde_json::to_string(&stale).unwrap()).is_none());
        assert!(install(Lang::En, "[]").is_none());
        assert!(install(Lang::En, "{}").is_none());
    }

    #[test]
    fn the_table_files_the_release_app_reads_match_the_compiled_tables() {
        // Runs scripts/i18n-tables (what Trunk runs before a build) into a scratch folder.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = std::env::temp_dir().join(format!("osallistu-i18n-{}", std::process::id()));
        let status = std::process::Command::new("python3")
            .arg(root.join("scripts/i18n-tables"))
            .env("OSALLISTU_I18N_OUT", &out)
            .status()
            .expect("python3 runs scripts/i18n-tables");
        assert!(status.success());
        for lang in Lang::ALL {
            let text =
                std::fs::read_to_string(out.join(table_path(lang).trim_start_matches("i18n/")))
                    .unwrap();
            let table = install(lang, &text).expect("a complete table");
            assert_eq!(table.entries(), strings(lang).entries(), "{lang}");
        }
        let _ = std::fs::remove_dir_all(out);
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
