//! Building list queries: bound arguments with `$n` placeholders, filters, paging.

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AnyPool, Row};

use super::DbResult;

/// One bound value of a dynamically built statement.
#[derive(Clone, Debug)]
pub enum Arg {
    Int(i64),
    Real(f64),
    Text(String),
}

/// A `WHERE` clause under construction and the values it binds, numbered `$1`, `$2`, ….
#[derive(Clone, Debug, Default)]
pub struct Filter {
    conds: Vec<String>,
    args: Vec<Arg>,
    /// A text argument held a NUL character, which no stored text holds (and PostgreSQL cannot
    /// even receive): the filter matches nothing, on both engines alike.
    never: bool,
}

impl Filter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Binds a value; returns its placeholder number.
    pub fn arg(&mut self, a: Arg) -> usize {
        let a = match a {
            Arg::Text(t) if t.contains('\0') => {
                self.never = true;
                Arg::Text(t.replace('\0', ""))
            }
            other => other,
        };
        self.args.push(a);
        self.args.len()
    }

    pub fn cond(&mut self, c: impl Into<String>) {
        self.conds.push(c.into());
    }

    pub fn sql(&self) -> String {
        if self.never {
            // The conditions stay, so that every bound placeholder is still used.
            format!("1=0 AND {}", self.conds.join(" AND "))
        } else if self.conds.is_empty() {
            "1=1".to_owned()
        } else {
            self.conds.join(" AND ")
        }
    }

    pub fn args(&self) -> &[Arg] {
        &self.args
    }

    /// Binds a bounding box; returns the placeholder numbers of west, south, east, north.
    pub fn bbox_args(&mut self, b: &crate::geo::BBox) -> [usize; 4] {
        [b.west, b.south, b.east, b.north].map(|v| self.arg(Arg::Real(v)))
    }

    /// Rows whose bounding box `min_lon, min_lat, max_lon, max_lat` (with `alias.`) meets the box.
    pub fn bbox_overlaps(&mut self, alias: &str, b: &crate::geo::BBox) {
        let [w, s, e, n] = self.bbox_args(b);
        self.cond(format!(
            "({alias}.min_lon <= ${e} AND {alias}.max_lon >= ${w} AND {alias}.min_lat <= ${n} AND {alias}.max_lat >= ${s})"
        ));
    }
}

pub fn bind<'q>(
    mut q: Query<'q, Any, AnyArguments<'q>>,
    args: &[Arg],
) -> Query<'q, Any, AnyArguments<'q>> {
    for a in args {
        q = match a {
            Arg::Int(v) => q.bind(*v),
            Arg::Real(v) => q.bind(*v),
            Arg::Text(v) => q.bind(v.clone()),
        };
    }
    q
}

/// Paging of a list.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub limit: i64,
    pub offset: i64,
}

/// One page of a list: the number of rows in `from` matching `filter`, and the rows of the page
/// in `order`, read with `map`. `from` names the table and its alias (`"plans p"`); `cols` and
/// `order` use it.
pub async fn paged<T>(
    pool: &AnyPool,
    from: &str,
    cols: &str,
    filter: &Filter,
    order: &str,
    page: Page,
    map: impl Fn(&AnyRow) -> DbResult<T>,
) -> DbResult<(i64, Vec<T>)> {
    let where_sql = filter.sql();
    let count_sql = format!("SELECT COUNT(*) FROM {from} WHERE {where_sql}");
    let count: i64 = bind(sqlx::query(&count_sql), filter.args())
        .fetch_one(pool)
        .await?
        .try_get(0)?;
    let n = filter.args().len();
    let sql = format!(
        "SELECT {cols} FROM {from} WHERE {where_sql} ORDER BY {order} LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let rows = bind(sqlx::query(&sql), filter.args())
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(pool)
        .await?;
    let items = rows.iter().map(map).collect::<DbResult<Vec<T>>>()?;
    Ok((count, items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_a_text_argument_matches_nothing() {
        let mut f = Filter::new();
        let n = f.arg(Arg::Text("kirja\0sto".into()));
        f.cond(format!("e.search LIKE ${n}"));
        assert_eq!(f.sql(), "1=0 AND e.search LIKE $1");
        assert!(matches!(&f.args()[0], Arg::Text(t) if t == "kirjasto"));
    }
}
