//! Paged lists.

/// Which slice of a list to fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageQuery {
    /// Items to skip.
    pub offset: u64,
    /// Items per page, at least 1.
    pub limit: u64,
}

impl Default for PageQuery {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: 20,
        }
    }
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// Matches in all, when the backend says.
    pub total: Option<u64>,
    /// The next page, or `None` on the last one.
    pub next: Option<PageQuery>,
}

impl PageQuery {
    /// The page after this one when `total` items exist, or `None` past the end.
    pub fn following(self, total: u64) -> Option<PageQuery> {
        let offset = self.offset + self.limit;
        (offset < total).then_some(PageQuery {
            offset,
            limit: self.limit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_page_exists_only_while_items_remain() {
        let first = PageQuery {
            offset: 0,
            limit: 20,
        };
        assert_eq!(
            first.following(41),
            Some(PageQuery {
                offset: 20,
                limit: 20
            })
        );
        assert_eq!(
            PageQuery {
                offset: 20,
                limit: 20
            }
            .following(40),
            None
        );
        assert_eq!(first.following(0), None);
    }
}
