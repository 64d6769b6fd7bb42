//! Plans and comments from the configured plans backend (the Osallistu contract or
//! Kerrokantasi). Each function picks the adapter by the backend's kind.

use super::call;
use crate::backend::{kerrokantasi as kk, native, BackendError};
use crate::config::{Backend, BackendKind};
use crate::domain::*;

type R<T> = Result<T, BackendError>;

fn unsupported() -> BackendError {
    BackendError::Rejected { status: 501 }
}

/// What the plans backend offers (the UI hides the rest).
pub(crate) fn capabilities(backend: &Backend) -> Capabilities {
    match backend.kind {
        BackendKind::Osallistu => native::capabilities(),
        BackendKind::Kerrokantasi => kk::capabilities(),
        BackendKind::LinkedEvents => Capabilities::default(),
    }
}

/// One page of plans matching `query`.
pub(crate) async fn list(
    backend: &Backend,
    query: &PlanQuery,
    page: PageQuery,
) -> R<Page<PlanSummary>> {
    match backend.kind {
        BackendKind::Osallistu => {
            call(backend, native::list_plans(query, page), false, |r| {
                native::parse_plans(r)
            })
            .await
        }
        BackendKind::Kerrokantasi => {
            call(backend, kk::list_plans(query, page), false, |r| {
                kk::parse_plans(r)
            })
            .await
        }
        BackendKind::LinkedEvents => Err(unsupported()),
    }
}

/// One plan with its phases, documents and questions.
pub(crate) async fn get(backend: &Backend, id: &str) -> R<Plan> {
    match backend.kind {
        BackendKind::Osallistu => {
            call(backend, native::get_plan(id), false, |r| {
                native::parse_plan(r)
            })
            .await
        }
        BackendKind::Kerrokantasi => call(backend, kk::get_plan(id), false, kk::parse_plan).await,
        BackendKind::LinkedEvents => Err(unsupported()),
    }
}

/// A page of top-level comments (`parent` None) or of the replies to `parent`.
pub(crate) async fn comments(
    backend: &Backend,
    plan: &Plan,
    sort: CommentSort,
    parent: Option<u64>,
    page: PageQuery,
) -> R<Page<Comment>> {
    match backend.kind {
        BackendKind::Osallistu => {
            let request = native::list_comments(&plan.summary.id, sort, parent, page);
            call(backend, request, true, native::parse_comments).await
        }
        BackendKind::Kerrokantasi => {
            let request = match (parent, &plan.comment_section) {
                (Some(parent), _) => kk::list_replies(parent),
                (None, Some(section)) => kk::list_comments(&plan.summary.id, section, sort, page),
                (None, None) => return Err(unsupported()),
            };
            let mut page = call(backend, request, false, kk::parse_comments).await?;
            if parent.is_none() {
                // Kerrokantasi lists replies in the same list; the thread shows them.
                page.items.retain(|c| c.parent.is_none());
            }
            Ok(page)
        }
        BackendKind::LinkedEvents => Err(unsupported()),
    }
}

/// Sends a new comment (or reply), to the plan or to its part `part`. `key` is the outbox
/// entry's idempotency key, the same on every attempt; `retry_of` is when the first attempt
/// went out, when this is not the first (its answer may have been lost after the comment was
/// stored).
pub(crate) async fn create_comment(
    backend: &Backend,
    plan: &Plan,
    part: Option<&str>,
    comment: &NewComment,
    key: &str,
    retry_of: Option<Timestamp>,
) -> R<Comment> {
    match backend.kind {
        BackendKind::Osallistu => {
            let request = native::create_comment(&plan.summary.id, comment, key);
            call(backend, request, true, native::parse_comment).await
        }
        BackendKind::Kerrokantasi => {
            let section = part
                .or(plan.comment_section.as_deref())
                .ok_or_else(unsupported)?;
            let hearing = &plan.summary.id;
            if let Some(sent_at) = retry_of {
                // Kerrokantasi takes no Idempotency-Key: look for the comment an earlier
                // attempt may have stored before posting it again. The newest page suffices.
                let page = PageQuery {
                    offset: 0,
                    limit: 50,
                };
                let request = kk::list_comments(hearing, section, CommentSort::Newest, page);
                let recent = call(backend, request, false, kk::parse_comments).await?;
                if let Some(stored) = recent
                    .items
                    .into_iter()
                    .find(|c| comment.same_as(c, sent_at))
                {
                    return Ok(stored);
                }
            }
            let questions: Vec<Question> = plan
                .parts
                .iter()
                .flat_map(|p| p.questions.iter())
                .chain(&plan.questions)
                .cloned()
                .collect();
            let request = kk::create_comment(hearing, section, comment, &questions);
            call(backend, request, true, kk::parse_comment).await
        }
        BackendKind::LinkedEvents => Err(unsupported()),
    }
}

/// Votes for `comment` (`up`) or takes the vote back.
pub(crate) async fn vote(
    backend: &Backend,
    plan: &Plan,
    comment: &Comment,
    up: bool,
) -> R<VoteState> {
    match backend.kind {
        BackendKind::Osallistu => {
            let key = super::new_key();
            let request = if up {
                native::vote(comment.id, &key)
            } else {
                native::unvote(comment.id, &key)
            };
            call(backend, request, true, native::parse_vote).await
        }
        BackendKind::Kerrokantasi => {
            let section = comment
                .section
                .as_deref()
                .or(plan.comment_section.as_deref())
                .ok_or_else(unsupported)?;
            let id = &plan.summary.id;
            let request = if up {
                kk::vote(id, section, comment.id)
            } else {
                kk::unvote(id, section, comment.id)
            };
            call(backend, request, true, |r| kk::parse_vote(r, up)).await
        }
        BackendKind::LinkedEvents => Err(unsupported()),
    }
}

/// Reports `comment` to the moderators.
pub(crate) async fn report(backend: &Backend, comment_id: u64, report: &NewReport) -> R<()> {
    match backend.kind {
        BackendKind::Osallistu => {
            let request = native::report(comment_id, report, &super::new_key());
            call(backend, request, true, native::parse_report).await
        }
        _ => Err(unsupported()),
    }
}

/// Where every located comment of the plan is (for the map), where the backend can say so
/// cheaply; `Ok(None)` where it cannot (the map then shows the loaded comments only).
pub(crate) async fn places(backend: &Backend, plan: &Plan) -> R<Option<Vec<CommentPlace>>> {
    match backend.kind {
        BackendKind::Osallistu => {
            let request = native::list_comment_places(&plan.summary.id);
            call(backend, request, false, native::parse_comment_places)
                .await
                .map(Some)
        }
        _ => Ok(None),
    }
}
