use super::Lang;

/// A text given in some of fi, sv and en.
///
/// Reading it always yields the language actually used, so the view can mark content that
/// falls back to another language with its own `lang` attribute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    fi: Option<String>,
    sv: Option<String>,
    en: Option<String>,
}

impl Localized {
    /// Builds a text from optional translations; blank ones count as missing.
    pub fn new(fi: Option<String>, sv: Option<String>, en: Option<String>) -> Self {
        let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        Self {
            fi: keep(fi),
            sv: keep(sv),
            en: keep(en),
        }
    }

    /// A text that is the same in every language (a proper name, say).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self::new(Some(text.clone()), Some(text.clone()), Some(text))
    }

    fn slot(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Fi => self.fi.as_deref(),
            Lang::Sv => self.sv.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    /// The text in `lang`, else by the fallback chain fi → sv → en, with the language used.
    pub fn get(&self, lang: Lang) -> Option<(&str, Lang)> {
        std::iter::once(lang)
            .chain(Lang::ALL)
            .find_map(|l| self.slot(l).map(|s| (s, l)))
    }

    /// The text in `lang` or its fallback, or an empty string when no translation exists.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).map_or("", |(s, _)| s)
    }

    /// True when no language has a text.
    pub fn is_empty(&self) -> bool {
        self.fi.is_none() && self.sv.is_none() && self.en.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_and_says_which_language_it_used() {
        let t = Localized::new(Some("Kaava".into()), None, Some("Plan".into()));
        assert_eq!(t.get(Lang::En), Some(("Plan", Lang::En)));
        assert_eq!(t.get(Lang::Sv), Some(("Kaava", Lang::Fi)));
    }

    #[test]
    fn blank_translations_are_treated_as_missing() {
        let t = Localized::new(Some("  ".into()), Some("Plan".into()), None);
        assert_eq!(t.get(Lang::Fi), Some(("Plan", Lang::Sv)));
        assert!(Localized::new(None, Some(String::new()), None).is_empty());
        assert_eq!(Localized::default().text(Lang::Fi), "");
    }
}
