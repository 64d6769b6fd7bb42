//! Shared query parameters: paging and free-text search.

use serde::Serialize;

pub use crate::db::sql::Page;
use crate::error::ApiError;

pub fn page(
    limit: Option<i64>,
    offset: Option<i64>,
    default: i64,
    max: i64,
) -> Result<Page, ApiError> {
    let limit = limit.unwrap_or(default);
    let offset = offset.unwrap_or(0);
    if !(1..=max).contains(&limit) {
        return Err(ApiError::bad_query(
            "limit",
            format!("limit must be between 1 and {max}"),
        ));
    }
    if !(0..=1_000_000).contains(&offset) {
        return Err(ApiError::bad_query(
            "offset",
            "offset must be between 0 and 1000000",
        ));
    }
    Ok(Page { limit, offset })
}

/// The free-text search parameter `q` (at most 200 characters as sent) as a LIKE pattern
/// over the lower-cased `search` column; `None` when blank.
pub fn like_pattern(q: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(q) = q else { return Ok(None) };
    if q.chars().count() > 200 {
        return Err(ApiError::bad_query(
            "q",
            "q may have at most 200 characters",
        ));
    }
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return Ok(None);
    }
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Ok(Some(format!("%{escaped}%")))
}

/// A page of a list as the API answers it.
#[derive(Serialize, Debug)]
pub struct Paged<T: Serialize> {
    pub count: i64,
    pub limit: i64,
    pub offset: i64,
    pub items: Vec<T>,
}

impl<T: Serialize> Paged<T> {
    pub fn new(page: Page, (count, items): (i64, Vec<T>)) -> Self {
        Paged {
            count,
            limit: page.limit,
            offset: page.offset,
            items,
        }
    }
}

/// A list without paging: `{"items": [...]}`.
#[derive(Serialize, Debug)]
pub struct Items<T: Serialize> {
    pub items: Vec<T>,
}

/// Parses the `bbox` query parameter (`west,south,east,north`, WGS84).
pub fn bbox(raw: Option<&str>) -> Result<Option<crate::geo::BBox>, ApiError> {
    raw.map(|b| crate::geo::BBox::parse(b).map_err(|m| ApiError::bad_query("bbox", m)))
        .transpose()
}

/// The `lang` query parameter of files made for one language (fi when absent).
pub fn lang(raw: Option<String>) -> Result<String, ApiError> {
    let lang = raw.unwrap_or_else(|| "fi".into());
    if ["fi", "sv", "en"].contains(&lang.as_str()) {
        Ok(lang)
    } else {
        Err(ApiError::bad_query("lang", "lang must be fi, sv or en"))
    }
}
