use super::strings::{strings, Strings};
use crate::domain::Lang;
use crate::web::dom;
use crate::web::storage::{self, Store};
use leptos::prelude::*;

const STORAGE_KEY: &str = "osallistu.lang";

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    offered: StoredValue<Vec<Lang>>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current string table (tracked): `move || i18n.t().nav_plans`.
    pub fn t(&self) -> &'static Strings {
        strings(self.lang.get())
    }

    /// A reactive text for `key`. Every call returns the same closure type, so the views
    /// share one compiled copy of the rendering code instead of one per text.
    pub fn tr(
        self,
        key: fn(&'static Strings) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key(self.t())
    }

    /// Languages the municipality offers, in display order.
    pub fn offered(&self) -> Vec<Lang> {
        self.offered.get_value()
    }

    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// Picks the start-up language: remembered choice, then the browser's languages, then
/// `default`. Without `remember` (a kiosk) it is always `default`: a shared terminal's browser
/// settings say nothing about the person in front of it.
pub fn initial_language(offered: &[Lang], default: Lang, remember: bool) -> Lang {
    if !remember {
        return default;
    }
    let saved = storage::get(Store::Local, STORAGE_KEY);
    if let Some(lang) = saved.as_deref().and_then(Lang::from_code) {
        if offered.contains(&lang) {
            return lang;
        }
    }
    let browser = dom::browser_languages();
    Lang::negotiate(browser.iter().map(String::as_str), offered, default)
}

/// Provides the language context. Keeps `<html lang>` in step and, when `remember` is on,
/// stores the choice for the next visit.
pub fn provide_i18n(offered: Vec<Lang>, default: Lang, remember: bool) -> I18n {
    let start = initial_language(&offered, default, remember);
    let i18n = I18n {
        lang: RwSignal::new(start),
        offered: StoredValue::new(offered),
    };
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        dom::set_root_lang(lang.code());
        if remember {
            storage::set(Store::Local, STORAGE_KEY, lang.code());
        }
    });
    provide_context(i18n);
    i18n
}

/// The language context. Panics if called outside the app (a programming error).
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
