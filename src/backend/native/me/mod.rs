//! The participant's own view: what they follow (`GET me`), what changed in it
//! (`GET me/changes`), and following plans and events (projects: see `community.rs`).

use super::convert::phase;
use super::{keyed, R};
use crate::backend::common::{bad, timestamp, TranslatedW};
use crate::backend::request::pair;
use crate::backend::{ApiRequest, ApiResponse};
use crate::domain::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct MeW {
    follows: Vec<FollowedW>,
}

#[derive(Deserialize)]
struct FollowedW {
    kind: String,
    id: u64,
    followed_at: String,
}

#[derive(Deserialize)]
struct ChangesW {
    until: String,
    items: Vec<ChangeW>,
}

#[derive(Deserialize)]
struct ChangeW {
    at: String,
    kind: String,
    item_kind: String,
    item_id: u64,
    item_title: TranslatedW,
    #[serde(default)]
    title: TranslatedW,
    update_id: Option<u64>,
    phase: Option<String>,
    due: Option<String>,
    comment_id: Option<u64>,
}

fn kind(code: &str) -> R<FollowKind> {
    FollowKind::from_code(code).ok_or_else(|| bad(format!("unknown followed kind {code}")))
}

fn path(kind: FollowKind, id: &str, action: &str) -> String {
    match kind {
        FollowKind::Project => format!("projects/{id}/{action}"),
        FollowKind::Plan => format!("plans/{id}/{action}"),
        FollowKind::Event => format!("events/{id}/{action}"),
    }
}

/// `POST {projects|plans|events}/{id}/follow`; the answer is read by [`super::parse_follow`].
pub(crate) fn follow(kind: FollowKind, id: &str, idempotency_key: &str) -> ApiRequest {
    keyed(
        ApiRequest::post(path(kind, id, "follow"), None),
        idempotency_key,
    )
}

/// `POST {projects|plans|events}/{id}/unfollow`; the answer is read by [`super::parse_follow`].
pub(crate) fn unfollow(kind: FollowKind, id: &str, idempotency_key: &str) -> ApiRequest {
    keyed(
        ApiRequest::post(path(kind, id, "unfollow"), None),
        idempotency_key,
    )
}

/// `GET me`.
pub(crate) fn get_me() -> ApiRequest {
    ApiRequest::get("me", Vec::new())
}

/// Reads the answer to [`get_me`]: everything the participant follows.
pub(crate) fn parse_me(response: &ApiResponse) -> R<Vec<Followed>> {
    let w: MeW = response.decode()?;
    w.follows
        .into_iter()
        .map(|f| {
            Ok(Followed {
                kind: kind(&f.kind)?,
                id: f.id.to_string(),
                since: timestamp(&f.followed_at)?,
            })
        })
        .collect()
}

/// `GET me/changes?since=`.
pub(crate) fn list_changes(since: Timestamp) -> ApiRequest {
    ApiRequest::get("me/changes", vec![pair("since", since)])
}

fn change(w: ChangeW) -> R<Change> {
    let due = || {
        w.due
            .as_deref()
            .ok_or_else(|| bad(format!("{} without due", w.kind)))
            .and_then(timestamp)
    };
    let what = match w.kind.as_str() {
        "project_update" => ChangeKind::ProjectUpdate {
            update_id: w.update_id.map(|u| u.to_string()).unwrap_or_default(),
            title: Localized::from(w.title),
        },
        "plan_phase" => ChangeKind::PlanPhase(w.phase.as_deref().map(phase).transpose()?),
        "comments_opening" => ChangeKind::CommentsOpening { due: due()? },
        "comments_closing" => ChangeKind::CommentsClosing { due: due()? },
        "reply" => ChangeKind::Reply {
            comment_id: w.comment_id.map(|c| c.to_string()).unwrap_or_default(),
        },
        "event_changed" => ChangeKind::EventChanged,
        "event_cancelled" => ChangeKind::EventCancelled,
        other => return Err(bad(format!("unknown change kind {other}"))),
    };
    Ok(Change {
        at: timestamp(&w.at)?,
        kind: what,
        item_kind: kind(&w.item_kind)?,
        item_id: w.item_id.to_string(),
        item_title: Localized::from(w.item_title),
    })
}

/// Reads the answer to [`list_changes`]. A change of a kind this app does not know yet is
/// skipped, so a newer server does not break the followed page.
pub(crate) fn parse_changes(response: &ApiResponse) -> R<Changes> {
    let w: ChangesW = response.decode()?;
    let items = w
        .items
        .into_iter()
        .filter_map(|c| match change(c) {
            Err(crate::backend::BackendError::Decode { detail })
                if detail.starts_with("unknown change kind") =>
            {
                None
            }
            other => Some(other),
        })
        .collect::<R<Vec<_>>>()?;
    Ok(Changes {
        items,
        until: timestamp(&w.until)?,
    })
}

#[cfg(test)]
mod tests;
