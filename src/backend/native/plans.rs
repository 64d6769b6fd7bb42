//! Plans and comments on the reference server: request builders and answer parsers.

use super::convert;
use super::shared::{bbox, keyed, paging, R};
use crate::backend::common::text_param;
use crate::backend::request::pair;
use crate::backend::{geojson, ApiRequest, ApiResponse};
use crate::domain::*;
use serde_json::{json, Map, Value};

/// `GET plans` with filters and paging.
pub(crate) fn list_plans(query: &PlanQuery, page: PageQuery) -> ApiRequest {
    let mut q = Vec::new();
    q.extend(query.open.map(|o| pair("open", o)));
    q.extend(query.phase.map(|p| pair("phase", p.code())));
    q.extend(text_param("q", &query.text));
    q.extend(query.bounds.map(bbox));
    q.extend(paging(page));
    ApiRequest::get("plans", q)
}

/// Reads the answer to [`list_plans`].
pub(crate) fn parse_plans(response: &ApiResponse) -> R<Page<PlanSummary>> {
    convert::page(response.decode()?, convert::plan_summary)
}

/// `GET plans/{id}`.
pub(crate) fn get_plan(plan_id: &str) -> ApiRequest {
    ApiRequest::get(format!("plans/{plan_id}"), Vec::new())
}

/// Reads the answer to [`get_plan`].
pub fn parse_plan(response: &ApiResponse) -> R<Plan> {
    convert::plan(response.decode()?)
}

/// `GET plans/{id}/comments`: top-level comments, or the replies to `parent`.
pub(crate) fn list_comments(
    plan_id: &str,
    sort: CommentSort,
    parent: Option<u64>,
    page: PageQuery,
) -> ApiRequest {
    // `newest` is the server's default and is left out.
    let mut q = Vec::new();
    match sort {
        CommentSort::Newest => {}
        CommentSort::Oldest => q.push(pair("sort", "oldest")),
        CommentSort::Votes => q.push(pair("sort", "votes")),
    }
    q.extend(parent.map(|p| pair("parent_id", p)));
    q.extend(paging(page));
    ApiRequest::get(format!("plans/{plan_id}/comments"), q)
}

/// Reads the answer to [`list_comments`].
pub(crate) fn parse_comments(response: &ApiResponse) -> R<Page<Comment>> {
    convert::page(response.decode()?, convert::comment)
}

/// `POST plans/{id}/comments`; absent optional fields are left out of the body.
pub(crate) fn create_comment(
    plan_id: &str,
    comment: &NewComment,
    idempotency_key: &str,
) -> ApiRequest {
    let mut body = Map::new();
    body.insert("text".into(), json!(comment.text));
    if let Some(nickname) = comment.nickname.as_deref().filter(|n| !n.trim().is_empty()) {
        body.insert("nickname".into(), json!(nickname));
    }
    if let Some(g) = &comment.geometry {
        body.insert("geometry".into(), geojson::write(g));
    }
    if !comment.answers.is_empty() {
        let answers: Vec<Value> = comment
            .answers
            .iter()
            .map(|a| json!({"question_id": a.question, "option_ids": a.options}))
            .collect();
        body.insert("answers".into(), Value::Array(answers));
    }
    if let Some(parent) = comment.parent {
        body.insert("parent_id".into(), json!(parent));
    }
    let path = format!("plans/{plan_id}/comments");
    keyed(
        ApiRequest::post(path, Some(Value::Object(body))),
        idempotency_key,
    )
}

/// Reads the answer to [`create_comment`] (or `GET comments/{id}`).
pub(crate) fn parse_comment(response: &ApiResponse) -> R<Comment> {
    convert::comment(response.decode()?)
}

/// `POST comments/{id}/vote`.
pub(crate) fn vote(comment_id: u64, idempotency_key: &str) -> ApiRequest {
    keyed(
        ApiRequest::post(format!("comments/{comment_id}/vote"), None),
        idempotency_key,
    )
}

/// `POST comments/{id}/unvote`.
pub(crate) fn unvote(comment_id: u64, idempotency_key: &str) -> ApiRequest {
    let path = format!("comments/{comment_id}/unvote");
    keyed(ApiRequest::post(path, None), idempotency_key)
}

/// Reads the answer to [`vote`] or [`unvote`].
pub(crate) fn parse_vote(response: &ApiResponse) -> R<VoteState> {
    Ok(convert::vote(response.decode()?))
}

/// `POST comments/{id}/reports`.
pub(crate) fn report(comment_id: u64, report: &NewReport, idempotency_key: &str) -> ApiRequest {
    let reason = match report.reason {
        ReportReason::Spam => "spam",
        ReportReason::Offensive => "offensive",
        ReportReason::PersonalData => "personal_data",
        ReportReason::OffTopic => "off_topic",
        ReportReason::Other => "other",
    };
    let mut body = json!({"reason": reason});
    if let Some(details) = report.details.as_deref().filter(|d| !d.trim().is_empty()) {
        body["details"] = json!(details);
    }
    let path = format!("comments/{comment_id}/reports");
    keyed(ApiRequest::post(path, Some(body)), idempotency_key)
}

/// Reads the answer to [`report`]: `Ok(())` once the report was received.
pub(crate) fn parse_report(response: &ApiResponse) -> R<()> {
    convert::report(response.decode()?)
}
