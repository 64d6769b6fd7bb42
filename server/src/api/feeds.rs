//! Atom feeds (RFC 4287), so residents can follow a project in any feed reader.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;

use super::extract::{path_id, PathParam, QueryParams};
use crate::db::projects;
use crate::error::{ApiError, ApiResult};
use crate::l10n::{l10n, pick};
use crate::time::ts_us;
use crate::AppState;

/// How many updates a feed carries, newest first.
const FEED_LENGTH: i64 = 50;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedQuery {
    lang: Option<String>,
}

/// Escapes text for XML character data and attribute values.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than breaking the document.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

struct Update {
    id: i64,
    title: String,
    body: String,
    /// Microseconds.
    published: i64,
}

/// `GET /projects/{id}/updates.atom?lang=`: the project's updates as an Atom feed.
pub async fn project_updates(
    State(state): State<AppState>,
    PathParam(raw): PathParam,
    QueryParams(q): QueryParams<FeedQuery>,
) -> ApiResult<impl IntoResponse> {
    let id = path_id(&raw, "project")?;
    let lang = crate::api::query::lang(q.lang)?;
    let (project, rows) = projects::feed(&state.db, id, FEED_LENGTH)
        .await?
        .ok_or_else(|| ApiError::not_found("project"))?;
    let updates: Vec<Update> = rows
        .into_iter()
        .map(|(id, title, body, published)| Update {
            id,
            title,
            body,
            published,
        })
        .collect();
    let (title, project_updated) = project;
    let project_updated = project_updated * crate::time::US;
    let updated = updates
        .iter()
        .map(|u| u.published)
        .max()
        .unwrap_or(project_updated)
        .max(project_updated);
    let text = |json: &str| xml_escape(pick(&l10n(json), &lang));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
    ));
    xml.push_str(&format!("  <id>urn:osallistu:project:{id}</id>\n"));
    xml.push_str(&format!("  <title>{}</title>\n", text(&title)));
    xml.push_str(&format!("  <updated>{}</updated>\n", ts_us(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"/api/v1/projects/{id}/updates.atom?lang={lang}\"/>\n"
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"/projects/{id}\"/>\n"
    ));
    xml.push_str("  <author><name>Osallistu</name></author>\n");
    for u in &updates {
        xml.push_str("  <entry>\n");
        xml.push_str(&format!(
            "    <id>urn:osallistu:project-update:{}</id>\n",
            u.id
        ));
        xml.push_str(&format!("    <title>{}</title>\n", text(&u.title)));
        xml.push_str(&format!(
            "    <published>{}</published>\n",
            ts_us(u.published)
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", ts_us(u.published)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"/projects/{id}#update-{}\"/>\n",
            u.id
        ));
        xml.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            text(&u.body)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    ))
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn markup_and_forbidden_characters_cannot_break_the_feed() {
        assert_eq!(
            xml_escape("<b>A & \"B\"</b>"),
            "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;"
        );
        assert_eq!(xml_escape("a\u{0}b\u{1b}c\td"), "abc\td");
        assert_eq!(xml_escape("Kauppakatu ÅÄÖ"), "Kauppakatu ÅÄÖ");
    }
}
