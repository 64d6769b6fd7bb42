//! Drops event-handler attributes (`onerror=`, `onload=` …) from backend HTML before any
//! browser parser sees it.
//!
//! Why: under the app's CSP, Chromium files a `script-src-attr` violation report for every
//! event-handler attribute a parser creates, even in an inert document and even though the
//! sanitiser removes it a moment later. A municipality collecting CSP reports would drown in
//! them. Removing the attributes from the text first means the parsers never create them.
//!
//! This is not the sanitiser: it only has to read tags the way browsers do for ordinary
//! markup. The real sanitiser runs afterwards on whatever comes out, so markup crafted to read
//! differently here than in the browser can at worst bring a report back, never a script.
//! Pure Rust, tested natively.

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// `html` without any attribute whose name starts with `on` (in any case).
pub(crate) fn without_event_handlers(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = html[i..].find('<').map(|p| i + p) else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..lt]);
        i = lt;
        let next = b.get(i + 1).copied();
        if html[i..].starts_with("<!--") {
            let end = html[i + 4..].find("-->").map_or(b.len(), |p| i + 4 + p + 3);
            out.push_str(&html[i..end]);
            i = end;
        } else if next.is_some_and(|c| c.is_ascii_alphabetic()) {
            i = start_tag(html, i, &mut out);
        } else if next == Some(b'/') || next == Some(b'!') || next == Some(b'?') {
            // End tags and bogus comments: up to the next `>`.
            let end = html[i..].find('>').map_or(b.len(), |p| i + p + 1);
            out.push_str(&html[i..end]);
            i = end;
        } else {
            out.push('<');
            i += 1;
        }
    }
    out
}

/// Copies the start tag at `at` (which is `<` + a letter) without its event handlers, and a
/// raw-text element's content after it; returns where to go on.
fn start_tag(html: &str, at: usize, out: &mut String) -> usize {
    let b = html.as_bytes();
    let mut i = at + 1;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = html[at + 1..i].to_ascii_lowercase();
    out.push_str(&html[at..i]);
    loop {
        let gap = i;
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        out.push_str(&html[gap..i]);
        if i >= b.len() {
            return i;
        }
        if b[i] == b'>' {
            out.push('>');
            i += 1;
            break;
        }
        // An attribute: its name (a leading `=` belongs to the name), then an optional value.
        let start = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr_name = &html[start..i];
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    j = html[j + 1..]
                        .find(char::from(q))
                        .map_or(b.len(), |p| j + 1 + p + 1);
                }
                _ => {
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        let handler = attr_name.len() > 2 && attr_name[..2].eq_ignore_ascii_case("on");
        if handler {
            // Keep a separator, so `a=1 onclick=x b=2` stays two attributes.
            if !out.ends_with(|c: char| c.is_ascii_whitespace()) {
                out.push(' ');
            }
        } else {
            out.push_str(&html[start..i]);
        }
    }
    if name == "plaintext" {
        out.push_str(&html[i..]);
        return html.len();
    }
    if RAW_TEXT.contains(&name.as_str()) {
        // Text up to `</name`, whatever it looks like.
        let lower = html[i..].to_ascii_lowercase();
        let end = lower
            .find(&format!("</{name}"))
            .map_or(html.len(), |p| i + p);
        out.push_str(&html[i..end]);
        return end;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::without_event_handlers as strip;

    #[test]
    fn handlers_go_in_every_spelling() {
        assert_eq!(strip(r#"<img src=x onerror="osXss()">"#), r#"<img src=x >"#);
        assert_eq!(strip("<svg/onload=osXss()>"), "<svg/ >");
        assert_eq!(
            strip(r#"<a href='https://x.fi' ONCLICK='a()' title="b">t</a>"#),
            r#"<a href='https://x.fi'  title="b">t</a>"#
        );
        assert_eq!(strip("<img src=x onerror=a()//>"), "<img src=x >");
        assert_eq!(strip("<p\nonmouseover\n=\n'x'>a</p>"), "<p\n>a</p>");
        assert_eq!(
            strip("<video><source onerror=\"a()\"></video>"),
            "<video><source ></video>"
        );
    }

    #[test]
    fn everything_else_stays_as_it_was() {
        // (Any attribute named `on…` goes, handler or not: the sanitiser's allow-list has none.)
        let kept = r#"<p title="onerror=x" data-on="1">Tori &amp; <b>torni</b> a<b c</p>"#;
        assert_eq!(strip(kept), kept);
        assert_eq!(strip("5 < 6 and 7 <> 8"), "5 < 6 and 7 <> 8");
        assert_eq!(
            strip("<!-- <img onerror=x> -->ok"),
            "<!-- <img onerror=x> -->ok"
        );
        assert_eq!(strip("</p onclick=x>"), "</p onclick=x>");
        assert_eq!(strip("Ääkköset <i>ja</i> 🙂"), "Ääkköset <i>ja</i> 🙂");
        assert_eq!(strip("<p title='a>b' onclick=x>t"), "<p title='a>b' >t");
    }

    #[test]
    fn raw_text_is_not_read_as_markup() {
        assert_eq!(
            strip("<style>p{}</style><img onerror=x>"),
            "<style>p{}</style><img >"
        );
        assert_eq!(
            strip("<textarea><img onerror=x></textarea>"),
            "<textarea><img onerror=x></textarea>"
        );
        // Parsers without scripting read <noscript> content as markup: so does this.
        assert_eq!(
            strip(r#"<noscript><p title="</noscript><img src=x onerror=a()>"></noscript>"#),
            r#"<noscript><p title="</noscript><img src=x onerror=a()>"></noscript>"#
        );
        assert_eq!(
            strip("<math><mtext><img onerror=a()>"),
            "<math><mtext><img >"
        );
    }

    #[test]
    fn unfinished_markup_does_not_panic() {
        for s in [
            "<",
            "<a",
            "<a b",
            "<a b=",
            "<a b='x",
            "<!--",
            "<script>",
            "<a onclick",
        ] {
            let _ = strip(s);
        }
        assert_eq!(strip("<a onclick"), "<a ");
    }
}
