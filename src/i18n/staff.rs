//! The staff workspace's strings: a table of their own (`src/i18n/locales/staff/`), never part
//! of the residents' table. The release build fetches it (`i18n/staff-<code>.json`) only when
//! the workspace's chunk asks for it, so a resident downloads none of it.

use super::strings::table_texts;
use crate::domain::Lang;

include!(concat!(env!("OUT_DIR"), "/staff_strings.rs"));

#[cfg(feature = "split")]
thread_local! {
    static TABLES: std::cell::Cell<[Option<&'static StaffStrings>; 3]> = const { std::cell::Cell::new([None; 3]) };
}

/// The staff table of `lang`, if it is here (always, in builds with the tables compiled in).
pub fn staff_loaded(lang: Lang) -> Option<&'static StaffStrings> {
    #[cfg(not(feature = "split"))]
    {
        Some(match lang {
            Lang::Fi => &STAFF_FI,
            Lang::Sv => &STAFF_SV,
            Lang::En => &STAFF_EN,
        })
    }
    #[cfg(feature = "split")]
    {
        TABLES.with(|t| t.get()[lang as usize])
    }
}

/// Reads a staff table file and keeps it; `None` when it is stale or not a table.
pub(crate) fn install_staff(lang: Lang, json: &str) -> Option<&'static StaffStrings> {
    let table: &'static StaffStrings = Box::leak(Box::new(StaffStrings::from_texts(table_texts(
        json,
        STAFF_KEYS_FINGERPRINT,
    )?)?));
    #[cfg(feature = "split")]
    TABLES.with(|t| {
        let mut all = t.get();
        all[lang as usize] = Some(table);
        t.set(all);
    });
    #[cfg(not(feature = "split"))]
    let _ = lang;
    Some(table)
}

/// The address of a language's staff table under the app's public URL.
pub(crate) fn staff_table_path(lang: Lang) -> String {
    format!("i18n/staff-{}.json", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn file(code: &str) -> BTreeMap<String, String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("src/i18n/locales/staff/{code}.json"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn the_staff_table_has_every_key_in_every_language_translated() {
        let en = file("en");
        assert_eq!(en.len(), STAFF_KEY_COUNT);
        for lang in Lang::ALL {
            let table = staff_loaded(lang).unwrap();
            let file = file(lang.code());
            for (key, text) in table.entries() {
                assert_eq!(file[key], text, "{lang}: {key}");
                // A pattern of placeholders, and Swedish "Moderator", read the same as English.
                let same =
                    key == "staff_role_unit" || (lang == Lang::Sv && key == "staff_role_moderator");
                if lang != Lang::En && !same {
                    assert_ne!(text, en[key], "{lang}: `{key}` is the English text");
                }
            }
        }
    }

    #[test]
    fn a_table_file_for_other_keys_is_refused() {
        let texts: Vec<&str> = STAFF_EN.entries().iter().map(|(_, t)| *t).collect();
        let mut good = vec![STAFF_KEYS_FINGERPRINT];
        good.extend(&texts);
        let json = serde_json::to_string(&good).unwrap();
        assert!(install_staff(Lang::En, &json).is_some());
        good[0] = "0000000000000000";
        assert!(install_staff(Lang::En, &serde_json::to_string(&good).unwrap()).is_none());
        assert!(install_staff(Lang::En, &serde_json::to_string(&texts[1..]).unwrap()).is_none());
        assert_eq!(staff_table_path(Lang::Sv), "i18n/staff-sv.json");
    }
}
