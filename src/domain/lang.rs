use std::fmt;

/// A language the user interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    /// Every supported language, in the order they are offered by default.
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// BCP 47 code, as used in `<html lang>` and in config files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Parses a language code such as `sv` or `sv-FI` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name for itself, shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fi => "Suomi",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    /// Picks the first of the user's preferred languages that is offered, else `fallback`.
    pub fn negotiate<'a>(
        preferred: impl IntoIterator<Item = &'a str>,
        offered: &[Lang],
        fallback: Lang,
    ) -> Lang {
        preferred
            .into_iter()
            .filter_map(Lang::from_code)
            .find(|lang| offered.contains(lang))
            .unwrap_or(fallback)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_subtags_and_case_are_ignored() {
        assert_eq!(Lang::from_code("sv-FI"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn negotiation_takes_the_first_offered_preference() {
        let offered = [Lang::Fi, Lang::Sv];
        assert_eq!(
            Lang::negotiate(["de", "en", "sv"], &offered, Lang::Fi),
            Lang::Sv
        );
        assert_eq!(Lang::negotiate(["de"], &offered, Lang::Fi), Lang::Fi);
        assert_eq!(Lang::negotiate([], &offered, Lang::Sv), Lang::Sv);
    }
}
