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
