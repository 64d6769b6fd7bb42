//! What backend rich text may contain once sanitised: plain data and pure functions, shared by
//! both sanitiser paths (the browser's `Element.setHTML` and DOMPurify) and tested natively.
//!
//! Decisions:
//! - Elements outside [`KEEP`] and [`UNWRAP`] are dropped with their content, in both paths (the
//!   Sanitizer API does so for elements missing from its allow-list; DOMPurify is told
//!   `KEEP_CONTENT: false` to match).
//! - No images: a backend image would load from a third-party host (tracking, a CSP `img-src`
//!   naming every backend, layout shifts, often no alt text). An image's alt text is kept as text.
//! - No `id`, `name`, `class` or `style` (DOM clobbering, styles leaking into the page).
//! - Links keep only absolute `http:`, `https:`, `mailto:` and `tel:` addresses; a link with any
//!   other address becomes its text. Links open in the same tab (no `target`) and get
//!   `rel="noopener noreferrer"`.
//! - Headings are shifted down so the topmost becomes [`TOP_HEADING`]: the page keeps the only
//!   `<h1>`, and the section showing the text has its own `<h2>`.

/// Elements kept as they are (with the attributes [`attribute_allowed`] lets through).
pub(crate) const KEEP: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Containers replaced by their content (text in a `<div>` or `<span>` is kept, the wrapper not).
pub(crate) const UNWRAP: &[&str] = &[
    "address",
    "article",
    "aside",
    "big",
    "center",
    "cite",
    "dfn",
    "div",
    "figcaption",
    "figure",
    "font",
    "footer",
    "header",
    "kbd",
    "main",
    "mark",
    "q",
    "samp",
    "section",
    "small",
    "span",
    "time",
    "tt",
    "var",
];

/// Let through the sanitiser only to be replaced by its alt text (see the module notes).
pub(crate) const IMAGE: &str = "img";

/// Attributes allowed on every kept element.
pub(crate) const GLOBAL_ATTRIBUTES: &[&str] = &["lang"];

/// Attributes allowed on particular elements, besides [`GLOBAL_ATTRIBUTES`].
pub(crate) const ELEMENT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("abbr", &["title"]),
    ("img", &["alt"]),
    ("ol", &["start"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
];

/// URL schemes a link may use.
pub(crate) const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The level the topmost heading of the text is shifted to.
pub(crate) const TOP_HEADING: u8 = 3;

/// `rel` of every link.
pub(crate) const LINK_REL: &str = "noopener noreferrer";

/// What to do with an element found in sanitised output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    Keep,
    Unwrap,
    /// Replace by the element's alt text.
    AltText,
    Remove,
}

/// The action for an element by its lower-case local name.
pub(crate) fn action(tag: &str) -> Action {
    if KEEP.contains(&tag) {
        Action::Keep
    } else if UNWRAP.contains(&tag) {
        Action::Unwrap
    } else if tag == IMAGE {
        Action::AltText
    } else {
        Action::Remove
    }
}

/// Whether `attr` (lower case) may stay on a `tag` element.
pub(crate) fn attribute_allowed(tag: &str, attr: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&attr)
        || ELEMENT_ATTRIBUTES
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

/// Every attribute name allowed on some element (DOMPurify's list is not per element).
pub(crate) fn all_attributes() -> Vec<&'static str> {
    let mut all: Vec<&str> = GLOBAL_ATTRIBUTES.to_vec();
    for (_, attrs) in ELEMENT_ATTRIBUTES {
        for a in *attrs {
            if !all.contains(a) {
                all.push(a);
            }
        }
    }
    all
}

/// The link address to keep for an `href` attribute value, or `None` if the link must go.
///
/// Cleans the value the way a browser's URL parser does before reading the scheme (leading
/// and trailing C0 controls and spaces removed, tabs and newlines removed anywhere), so
/// `" java\tscript:"` is recognised as `javascript:`. Relative addresses are refused: they
/// would point into this app, not the backend that wrote them.
pub(crate) fn safe_href(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let rest = &cleaned[colon + 1..];
    let ok = match scheme.as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" | "tel" => !rest.is_empty(),
        _ => false,
    };
    debug_assert!(!ok || SCHEMES.contains(&scheme.as_str()));
    ok.then_some(cleaned)
}

/// The level of a heading at `level` when the text's topmost heading is at `top`: shifted down
/// so `top` becomes [`TOP_HEADING`] (never up), at most 6.
pub(crate) fn demoted(level: u8, top: u8) -> u8 {
    let shift = TOP_HEADING.saturating_sub(top);
    (level + shift).min(6)
}

/// Heading level of a lower-case tag name (`"h2"` → 2).
pub(crate) fn heading_level(tag: &str) -> Option<u8> {
    match tag.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// A piece of text found while reading markup as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    /// A line break (see [`breaks_after`]).
    Break,
}

/// Line breaks after an element in the plain-text version: a blank line after paragraph-like
/// blocks, a line break after lines (list items, table rows, `<br>`), none after inline elements.
pub(crate) fn breaks_after(tag: &str) -> usize {
    match tag {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "table"
        | "blockquote" | "pre" | "figure" | "hr" | "section" | "article" | "header" | "footer"
        | "main" | "aside" | "address" => 2,
        "br" | "li" | "dt" | "dd" | "tr" | "caption" | "div" | "figcaption" => 1,
        _ => 0,
    }
}

/// Elements whose text is not part of the plain-text version (code, styles, embedded documents).
pub(crate) fn is_hidden(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "noembed"
            | "noframes"
            | "iframe"
            | "object"
            | "embed"
            | "head"
            | "title"
            | "textarea"
            | "select"
            | "svg"
            | "math"
    )
}

/// Joins pieces into text for `white-space: pre-line`: runs of white space in text become one
/// space, a block end becomes a line break, and at most one blank line separates blocks.
pub(crate) fn join_plain(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut pending_breaks = 0usize;
    for piece in pieces {
        match piece {
            Piece::Break => pending_breaks += 1,
            Piece::Text(text) => {
                let mut words = text.split_whitespace().peekable();
                if words.peek().is_none() {
                    // White space between inline elements separates their words.
                    if !text.is_empty()
                        && pending_breaks == 0
                        && !out.is_empty()
                        && !out.ends_with(' ')
                    {
                        out.push(' ');
                    }
                    continue;
                }
                let leading_space = text.starts_with(char::is_whitespace);
                if !out.is_empty() {
                    if pending_breaks > 0 {
                        let trimmed = out.trim_end_matches(' ').len();
                        out.truncate(trimmed);
                        out.push_str(if pending_breaks > 1 { "\n\n" } else { "\n" });
                    } else if leading_space && !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
                pending_breaks = 0;
                let joined: Vec<&str> = words.collect();
                out.push_str(&joined.join(" "));
                if text.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_mail_and_phone_links_are_kept() {
        assert_eq!(
            safe_href("https://www.hel.fi/a?b=1#c").as_deref(),
            Some("https://www.hel.fi/a?b=1#c")
        );
        assert_eq!(
            safe_href("HTTP://example.fi").as_deref(),
            Some("HTTP://example.fi")
        );
        assert_eq!(
            safe_href("mailto:kirjaamo@example.fi").as_deref(),
            Some("mailto:kirjaamo@example.fi")
        );
        assert_eq!(
            safe_href("tel:+358 9 123").as_deref(),
            Some("tel:+358 9 123")
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "blob:https://x/1",
            "/relative/path",
            "relative:no-scheme-char?",
            "#fragment",
            "?query",
            "//evil.example/x",
            "https:",
            "https:/evil",
            "mailto:",
            "",
            "   ",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?} must be refused");
        }
    }

    #[test]
    fn the_scheme_check_sees_what_the_browser_sees() {
        assert_eq!(
            safe_href("  https://a.fi/x \n").as_deref(),
            Some("https://a.fi/x")
        );
        assert_eq!(safe_href("ht\ttps://a.fi").as_deref(), Some("https://a.fi"));
        // A colon after a slash does not make a scheme.
        assert_eq!(safe_href("a/b:c"), None);
    }

    #[test]
    fn headings_shift_down_so_the_topmost_is_h3() {
        assert_eq!(demoted(1, 1), 3);
        assert_eq!(demoted(2, 1), 4);
        assert_eq!(demoted(6, 1), 6);
        assert_eq!(demoted(2, 2), 3);
        assert_eq!(demoted(3, 2), 4);
        assert_eq!(demoted(3, 3), 3);
        assert_eq!(demoted(4, 4), 4, "never promoted");
        assert_eq!(demoted(5, 4), 5);
        assert_eq!(heading_level("h1"), Some(1));
        assert_eq!(heading_level("h6"), Some(6));
        assert_eq!(heading_level("h7"), None);
        assert_eq!(heading_level("hr"), None);
        assert_eq!(heading_level("h"), None);
    }

    #[test]
    fn elements_are_kept_unwrapped_or_removed() {
        assert_eq!(action("p"), Action::Keep);
        assert_eq!(action("a"), Action::Keep);
        assert_eq!(action("div"), Action::Unwrap);
        assert_eq!(action("img"), Action::AltText);
        for dangerous in [
            "script", "style", "iframe", "form", "input", "svg", "math", "object", "embed", "link",
            "meta", "base", "template", "noscript", "video", "audio", "source", "details",
            "button", "textarea", "select",
        ] {
            assert_eq!(action(dangerous), Action::Remove, "{dangerous}");
        }
        for tag in KEEP {
            assert!(!UNWRAP.contains(tag), "{tag} is in both lists");
        }
    }

    #[test]
    fn attributes_are_allowed_per_element() {
        assert!(attribute_allowed("a", "href"));
        assert!(attribute_allowed("p", "lang"));
        assert!(attribute_allowed("td", "colspan"));
        assert!(!attribute_allowed("p", "href"));
        for bad in [
            "onclick", "onerror", "style", "id", "name", "class", "src", "target",
        ] {
            assert!(!attribute_allowed("a", bad), "{bad}");
            assert!(!attribute_allowed("p", bad), "{bad}");
        }
        let all = all_attributes();
        assert!(all.contains(&"href") && all.contains(&"alt") && all.contains(&"lang"));
        assert_eq!(
            all.len(),
            all.iter().collect::<std::collections::HashSet<_>>().len()
        );
    }

    #[test]
    fn plain_text_keeps_paragraphs_and_words_apart() {
        use Piece::*;
        let t = |s: &str| Text(s.to_owned());
        assert_eq!(
            join_plain(&[
                t("Otsikko"),
                Break,
                Break,
                t("\n  Tämä on "),
                t("tärkeä"),
                t(" asia."),
                Break,
                Break,
                t("kohta 1"),
                Break,
                t("kohta 2"),
                Break,
            ]),
            "Otsikko\n\nTämä on tärkeä asia.\n\nkohta 1\nkohta 2"
        );
        assert_eq!(join_plain(&[t("a"), t("   "), t("b")]), "a b");
        assert_eq!(join_plain(&[Break, t("  a  "), Break]), "a");
        assert_eq!(join_plain(&[t("a"), Break, t("b")]), "a\nb");
        assert_eq!(join_plain(&[]), "");
        assert_eq!(breaks_after("p"), 2);
        assert_eq!(breaks_after("li"), 1);
        assert_eq!(breaks_after("strong"), 0);
    }
}
