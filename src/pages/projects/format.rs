//! Texts the project pages show: dates in the resident's language, statuses, change lines,
//! and the plain text of a rich description.

use crate::domain::{ChangeKind, FollowKind, Lang, ProjectStatus};
use crate::format::day_of;
use crate::i18n::{fill, Strings};

/// The status as residents say it.
pub fn status(t: &'static Strings, s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Planned => t.project_status_planned,
        ProjectStatus::InProgress => t.project_status_in_progress,
        ProjectStatus::Completed => t.project_status_completed,
        ProjectStatus::OnHold => t.project_status_on_hold,
    }
}

/// The code of a status, for form values and CSS modifiers.
pub fn status_code(s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Planned => "planned",
        ProjectStatus::InProgress => "in_progress",
        ProjectStatus::Completed => "completed",
        ProjectStatus::OnHold => "on_hold",
    }
}

/// Every status, in the order of a project's life.
pub const STATUSES: [ProjectStatus; 4] = [
    ProjectStatus::Planned,
    ProjectStatus::InProgress,
    ProjectStatus::Completed,
    ProjectStatus::OnHold,
];

/// The heading of a group on the followed page.
pub fn group(t: &'static Strings, k: FollowKind) -> &'static str {
    match k {
        FollowKind::Project => t.followed_group_project,
        FollowKind::Plan => t.followed_group_plan,
        FollowKind::Event => t.followed_group_event,
    }
}

/// One line saying what changed.
pub fn change(t: &'static Strings, lang: Lang, kind: &ChangeKind) -> String {
    match kind {
        ChangeKind::ProjectUpdate { title, .. } => {
            fill(t.change_project_update, &[("title", title.text(lang))])
        }
        ChangeKind::PlanPhase(_) => t.change_plan_phase.to_owned(),
        ChangeKind::CommentsOpening { due } => {
            fill(t.change_comments_opening, &[("date", &day_of(lang, *due))])
        }
        ChangeKind::CommentsClosing { due } => {
            fill(t.change_comments_closing, &[("date", &day_of(lang, *due))])
        }
        ChangeKind::Reply { .. } => t.change_reply.to_owned(),
        ChangeKind::EventChanged => t.change_event_changed.to_owned(),
        ChangeKind::EventCancelled => t.change_event_cancelled.to_owned(),
    }
}

/// The paragraphs of a sanitised HTML description as plain text (until the shared sanitiser
/// exists, descriptions are shown as text, never as HTML).
pub fn paragraphs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(
            name.as_str(),
            "p" | "br" | "li" | "h2" | "h3" | "h4" | "div"
        ) {
            push_paragraph(&mut out, &mut text);
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    push_paragraph(&mut out, &mut text);
    out
}

fn push_paragraph(out: &mut Vec<String>, text: &mut String) {
    let decoded = decode(text.trim());
    if !decoded.is_empty() {
        out.push(decoded);
    }
    text.clear();
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn rich_text_becomes_plain_paragraphs_without_any_markup() {
        let html =
            "<p>Puisto <b>rakennetaan</b> &amp; valmistuu.</p><p>Lue <a href=\"x\">lisää</a>.</p>";
        assert_eq!(
            paragraphs(html),
            ["Puisto rakennetaan & valmistuu.", "Lue lisää."]
        );
        assert_eq!(
            paragraphs("&lt;img src=x onerror=alert(1)&gt;"),
            ["<img src=x onerror=alert(1)>"]
        );
        assert_eq!(paragraphs("<p>  </p>"), Vec::<String>::new());
        assert_eq!(paragraphs("broken <p"), ["broken"]);
    }
}
