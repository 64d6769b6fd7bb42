//! Text from a backend in the resident's language, or in another one the fallback found: then
//! marked with its own `lang`, so a screen reader reads it right (WCAG 3.1.2).

use crate::domain::{Lang, Localized};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The text of `l` for a reader of `lang`, and the language to mark it with when it is not
/// `lang`.
pub(crate) fn in_lang(l: &Localized, lang: Lang) -> (String, Option<&'static str>) {
    match l.get(lang) {
        Some((text, used)) => (text.to_owned(), (used != lang).then(|| used.code())),
        None => (String::new(), None),
    }
}

/// `text` in the resident's language, in a `<span lang>` when another language was used.
#[component]
pub(crate) fn LocalText(text: Localized) -> impl IntoView {
    let i18n = use_i18n();
    let shown = Memo::new(move |_| in_lang(&text, i18n.lang()));
    view! { <span lang=move || shown.get().1>{move || shown.get().0}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_another_language_carries_that_language() {
        let swedish = Localized::new(None, Some("Stadsvandring".into()), None);
        assert_eq!(
            in_lang(&swedish, Lang::En),
            ("Stadsvandring".into(), Some("sv"))
        );
        assert_eq!(in_lang(&swedish, Lang::Sv), ("Stadsvandring".into(), None));
        assert_eq!(
            in_lang(&Localized::default(), Lang::Fi),
            (String::new(), None)
        );
    }
}
