//! Adapter for Kerrokantasi (City of Helsinki hearings): hearings → plans, section comments.
//!
//! Every path ends in `/` (Kerrokantasi answers 301 to a GET without it and 500 to a POST).
//! Comments are posted to a section: a plan's [`Plan::comment_section`] for general
//! comments, a [`Question::section`] for survey answers. No `Idempotency-Key` is sent:
//! Kerrokantasi ignores it and its CORS settings may not allow the header.

mod convert;
mod wire;

#[cfg(test)]
mod tests;

use super::common::text_param;
use super::request::pair;
use super::{geojson, ApiRequest, ApiResponse, BackendError};
use crate::domain::*;
use serde_json::{json, Map, Value};

type R<T> = Result<T, BackendError>;

/// What Kerrokantasi offers to a client without special rights. Reporting (`flag/`) is for
/// administrators only; unvoting and following need a signed-in user; the per-comment
/// "voted by me" is not in comment answers.
pub(crate) fn capabilities() -> Capabilities {
    Capabilities {
        can_report_comments: false,
        can_vote_anonymously: true,
        can_unvote: false,
        knows_own_votes: false,
        has_comment_areas: true,
        has_replies: true,
        has_plan_phases: false,
        can_follow: true,
        can_follow_anonymously: false,
        has_ics: false,
        has_registration: false,
        can_register_anonymously: false,
        has_waitlist: false,
        has_waitlist_position: false,
        can_cancel_with_code: false,
        has_projects: false,
    }
}

/// `limit`, then `offset` only past the first page (the order Kerrokantasi's own links use).
fn paging(page: PageQuery) -> Vec<(String, String)> {
    let mut q = vec![pair("limit", page.limit)];
    if page.offset > 0 {
        q.push(pair("offset", page.offset));
    }
    q
}

/// `GET hearing/` with the filters Kerrokantasi has (`open`, `title`, `bbox`); it has no
/// plan phases, so `query.phase` is not sent. `include=geojson` brings each hearing's area
/// for the map (the list leaves it out otherwise).
pub(crate) fn list_plans(query: &PlanQuery, page: PageQuery) -> ApiRequest {
    let mut q = Vec::new();
    q.extend(query.open.map(|o| pair("open", o)));
    q.extend(text_param("title", &query.text));
    q.extend(query.bounds.map(|(sw, ne)| {
        pair(
            "bbox",
            format!("{},{},{},{}", sw.lng, sw.lat, ne.lng, ne.lat),
        )
    }));
    q.extend(paging(page));
    q.push(pair("include", "geojson"));
    ApiRequest::get("hearing/", q)
}

/// Reads the answer to [`list_plans`].
pub(crate) fn parse_plans(response: &ApiResponse) -> R<Page<PlanSummary>> {
    convert::list(response.decode()?, convert::plan_summary)
}

/// `GET hearing/{id or slug}/`.
pub(crate) fn get_plan(hearing: &str) -> ApiRequest {
    ApiRequest::get(format!("hearing/{hearing}/"), Vec::new())
}

/// Reads the answer to [`get_plan`].
pub(crate) fn parse_plan(response: &ApiResponse) -> R<Plan> {
    convert::plan(response.decode()?)
}

fn comments_path(hearing: &str, section: &str) -> String {
    format!("hearing/{hearing}/sections/{section}/comments/")
}

/// `GET hearing/{h}/sections/{s}/comments/`. Kerrokantasi lists replies in the same flat
/// list; thread them by [`Comment::parent`].
pub(crate) fn list_comments(
    hearing: &str,
    section: &str,
    sort: CommentSort,
    page: PageQuery,
) -> ApiRequest {
    let ordering = match sort {
        CommentSort::Newest => "-created_at",
        CommentSort::Oldest => "created_at",
        CommentSort::Votes => "-n_votes",
    };
    let mut q = paging(page);
    q.push(pair("ordering", ordering));
    ApiRequest::get(comments_path(hearing, section), q)
}

/// `GET comment/?comment={parent}`: the replies to one comment.
pub(crate) fn list_replies(parent: u64) -> ApiRequest {
    ApiRequest::get("comment/", vec![pair("comment", parent)])
}

/// Reads the answer to [`list_comments`] or [`list_replies`] (paged or a bare array).
pub(crate) fn parse_comments(response: &ApiResponse) -> R<Page<Comment>> {
    convert::list(response.decode()?, convert::comment)
}

/// `POST hearing/{h}/sections/{s}/comments/`. Survey answers carry their question's type,
/// looked up in `questions` (the plan's questions).
pub(crate) fn create_comment(
    hearing: &str,
    section: &str,
    comment: &NewComment,
    questions: &[Question],
) -> ApiRequest {
    let mut body = Map::new();
    body.insert("content".into(), json!(comment.text));
    if let Some(name) = comment.nickname.as_deref().filter(|n| !n.trim().is_empty()) {
        body.insert("author_name".into(), json!(name));
    }
    if let Some(g) = &comment.geometry {
        body.insert("geojson".into(), geojson_for_comment(g));
    }
    if !comment.answers.is_empty() {
        let answers: Vec<Value> = comment
            .answers
            .iter()
            .map(|a| answer(a, questions))
            .collect();
        body.insert("answers".into(), Value::Array(answers));
    }
    if let Some(parent) = comment.parent {
        body.insert("comment".into(), json!(parent));
    }
    ApiRequest::post(comments_path(hearing, section), Some(Value::Object(body)))
}

fn answer(a: &Answer, questions: &[Question]) -> Value {
    let kind = questions
        .iter()
        .find(|q| q.id == a.question)
        .map(|q| q.kind);
    let kind = match kind {
        Some(QuestionKind::SingleChoice) => "single-choice",
        Some(QuestionKind::MultipleChoice) => "multiple-choice",
        None if a.options.len() == 1 => "single-choice",
        None => "multiple-choice",
    };
    json!({"question": a.question, "type": kind, "answers": a.options})
}

/// Kerrokantasi stores what it is sent; several shapes go as a FeatureCollection, which it
/// accepts, rather than a GeometryCollection, which it was not seen to accept.
fn geojson_for_comment(g: &Geometry) -> Value {
    match g {
        Geometry::Collection(parts) => json!({
            "type": "FeatureCollection",
            "features": parts.iter().map(|p| json!({
                "type": "Feature", "properties": {}, "geometry": geojson::write(p),
            })).collect::<Vec<_>>(),
        }),
        other => geojson::write(other),
    }
}

/// Reads the answer to [`create_comment`].
pub(crate) fn parse_comment(response: &ApiResponse) -> R<Comment> {
    convert::comment(response.decode()?)
}

/// `POST hearing/{h}/sections/{s}/comments/{c}/vote/`; anonymous where the section's voting
/// is open. Anonymous votes are counted again on every call: the app must remember them.
pub(crate) fn vote(hearing: &str, section: &str, comment: u64) -> ApiRequest {
    ApiRequest::post(
        format!("{}{comment}/vote/", comments_path(hearing, section)),
        None,
    )
}

/// `POST hearing/{h}/sections/{s}/comments/{c}/unvote/` (signed-in users only).
pub(crate) fn unvote(hearing: &str, section: &str, comment: u64) -> ApiRequest {
    ApiRequest::post(
        format!("{}{comment}/unvote/", comments_path(hearing, section)),
        None,
    )
}

/// Reads the answer to [`vote`] (`voted` true) or [`unvote`] (`voted` false); Kerrokantasi
/// does not return the new count.
pub(crate) fn parse_vote(response: &ApiResponse, voted: bool) -> R<VoteState> {
    let _: Value = response.decode()?;
    Ok(VoteState { votes: None, voted })
}
