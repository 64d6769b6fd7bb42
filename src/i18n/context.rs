use super::strings::{loaded, strings, Strings};
use crate::domain::Lang;
use crate::web::dom;
use crate::web::storage::{self, Store};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

const STORAGE_KEY: &str = "osallistu.lang";

/// Fetches and installs the string table of a language (see `strings::install`); true when it
/// is there afterwards. Given by the app's root, which may use the network.
pub type TableLoader = fn(Lang) -> Pin<Box<dyn Future<Output = bool>>>;

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    offered: StoredValue<Vec<Lang>>,
    load: StoredValue<Option<TableLoader>>,
    /// The language being switched to while its table loads.
    switching: RwSignal<Option<Lang>>,
}

impl I18n {
    /// The current language (tracked).
    pub(crate) fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current string table (tracked): `move || i18n.t().nav_plans`.
    pub(crate) fn t(&self) -> &'static Strings {
        strings(self.lang.get())
    }

    /// A reactive text for `key`. Every call returns the same closure type, so the views
    /// share one compiled copy of the rendering code instead of one per text.
    pub(crate) fn tr(
        self,
        key: fn(&'static Strings) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key(self.t())
    }

    /// Languages the municipality offers, in display order.
    pub(crate) fn offered(&self) -> Vec<Lang> {
        self.offered.get_value()
    }

    /// Switches to `lang`, once its string table is here (fetched first when it is not).
    pub(crate) fn set(&self, lang: Lang) {
        if loaded(lang).is_some() {
            self.switching.set(None);
            self.lang.set(lang);
            return;
        }
        let Some(load) = self.load.get_value() else {
            return;
        };
        let this = *self;
        self.switching.set(Some(lang));
        leptos::task::spawn_local(async move {
            let ok = load(lang).await;
            if this.switching.try_get_untracked() == Some(Some(lang)) {
                this.switching.set(None);
                if ok {
                    this.lang.set(lang);
                }
            }
        });
    }

    /// Fetches a language's strings with `load` when the resident switches to one that is not
    /// here yet (in the release build, which reads each language's table at run time).
    pub(crate) fn set_table_loader(&self, load: TableLoader) {
        self.load.set_value(Some(load));
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
        load: StoredValue::new(None),
        switching: RwSignal::new(None),
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
