//! Conversions every resource of the reference server shares.

use super::super::wire::*;
use crate::backend::common::bad;
use crate::backend::BackendError;
use crate::domain::*;

pub(crate) type R<T> = Result<T, BackendError>;

pub(crate) fn page<W, T>(w: PageW<W>, item: impl Fn(W) -> R<T>) -> R<Page<T>> {
    let here = PageQuery {
        offset: w.offset,
        limit: w.limit.max(1),
    };
    Ok(Page {
        items: w.items.into_iter().map(item).collect::<R<_>>()?,
        total: Some(w.count),
        next: here.following(w.count),
    })
}

pub(crate) fn phase(s: &str) -> R<PlanPhase> {
    PlanPhase::from_code(s).ok_or_else(|| bad(format!("unknown plan phase {s}")))
}
