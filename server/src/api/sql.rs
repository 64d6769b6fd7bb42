//! SQL helpers for list queries (bounding boxes, paging).

use crate::error::ApiError;

use super::query::Page;

/// SQL parameter numbers (`?N`) of a bound bounding box.
pub struct BBoxSlots {
    pub west: usize,
    pub south: usize,
    pub east: usize,
    pub north: usize,
}

/// Parses the `bbox` query parameter (`west,south,east,north`, WGS84) and binds its four numbers
/// to `params`, returning their placeholder numbers for the caller's own predicate.
pub fn bind_bbox(
    raw: &str,
    params: &mut Vec<rusqlite::types::Value>,
) -> Result<BBoxSlots, ApiError> {
    let b = crate::geo::BBox::parse(raw).map_err(|m| ApiError::bad_query("bbox", m))?;
    let mut slot = |v: f64| {
        params.push(rusqlite::types::Value::Real(v));
        params.len()
    };
    Ok(BBoxSlots {
        west: slot(b.west),
        south: slot(b.south),
        east: slot(b.east),
        north: slot(b.north),
    })
}

/// One page of a list: the number of rows in `from` matching `where_sql` (with `params`), and
/// the rows of the page in `order`, read with `row`. `from` names the table and its alias, as in
/// `"plans p"`; `cols` and `order` use that alias.
#[allow(clippy::too_many_arguments)]
pub fn paged<T>(
    c: &rusqlite::Connection,
    from: &str,
    cols: &str,
    where_sql: &str,
    order: &str,
    params: &[rusqlite::types::Value],
    pg: Page,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<(i64, Vec<T>)> {
    let count: i64 = c.query_row(
        &format!("SELECT COUNT(*) FROM {from} WHERE {where_sql}"),
        rusqlite::params_from_iter(params.iter()),
        |r| r.get(0),
    )?;
    let mut all = params.to_vec();
    all.push(rusqlite::types::Value::Integer(pg.limit));
    all.push(rusqlite::types::Value::Integer(pg.offset));
    let n = all.len();
    let mut stmt = c.prepare(&format!(
        "SELECT {cols} FROM {from} WHERE {where_sql} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        n - 1,
        n
    ))?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(all.iter()), row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((count, items))
}
