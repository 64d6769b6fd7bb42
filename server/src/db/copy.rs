//! Copying a whole database into an empty one on another engine (SQLite → PostgreSQL), with
//! the ids kept and the row counts of every table compared afterwards.

use super::rows::{self, TABLES};
use super::Db;

/// Rows per table in the source and in the target after the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCount {
    pub table: &'static str,
    pub source: i64,
    pub target: i64,
}

#[derive(Debug)]
pub enum CopyError {
    Db(sqlx::Error),
    /// The target already has rows in this table; nothing was copied.
    TargetNotEmpty(&'static str),
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Db(e)
    }
}

impl std::fmt::Display for CopyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CopyError::Db(e) => write!(f, "{e}"),
            CopyError::TargetNotEmpty(t) => write!(f, "the target already has rows in {t}"),
        }
    }
}

/// Copies every table of `from` into `to` in one target transaction, reading `from` in one
/// snapshot (a running server may go on writing to it). Returns the counts, compared.
pub async fn copy(from: &Db, to: &Db) -> Result<Vec<TableCount>, CopyError> {
    let mut src = from.reader().begin().await?;
    let mut dst = to.begin().await?;
    for table in TABLES {
        if rows::count(&mut dst, table).await? > 0 {
            return Err(CopyError::TargetNotEmpty(table));
        }
    }
    let mut counts = Vec::new();
    for table in TABLES {
        let src_cols = rows::columns(&mut src, from.engine(), table).await?;
        let dst_cols = rows::columns(&mut dst, to.engine(), table).await?;
        // Copy the columns both have, with the target's kinds.
        let cols: Vec<(String, rows::ColKind)> = dst_cols
            .into_iter()
            .filter(|(n, _)| src_cols.iter().any(|(s, _)| s == n))
            .collect();
        let names: Vec<String> = cols.iter().map(|(n, _)| n.clone()).collect();
        let kinds: Vec<rows::ColKind> = cols.iter().map(|(_, k)| *k).collect();
        let data = rows::read_all(&mut src, table, &cols).await?;
        for row in &data {
            rows::insert(&mut dst, table, &names, &kinds, row).await?;
        }
        rows::reset_identity(&mut dst, to.engine(), table).await?;
        counts.push(TableCount {
            table,
            source: rows::count(&mut src, table).await?,
            target: rows::count(&mut dst, table).await?,
        });
    }
    dst.commit().await?;
    src.rollback().await?;
    Ok(counts)
}

/// `true` when every table has as many rows in the target as in the source.
pub fn verified(counts: &[TableCount]) -> bool {
    counts.iter().all(|c| c.source == c.target)
}
