//! The few places where SQLite and PostgreSQL need different SQL text.

/// The database engine behind a [`super::Db`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgresql",
        }
    }

    /// Appended to a `SELECT` of rows that the transaction goes on to count on: PostgreSQL locks
    /// them until commit; SQLite's `BEGIN IMMEDIATE` already excludes every other writer.
    pub fn lock(self) -> &'static str {
        match self {
            Engine::Sqlite => "",
            Engine::Postgres => " FOR UPDATE",
        }
    }

    /// A predicate: the JSON array (`object` false) or object stored as text in `col` has a
    /// string value equal to parameter `$n`.
    pub fn json_has_value(self, col: &str, object: bool, n: usize) -> String {
        match self {
            Engine::Sqlite => {
                format!("EXISTS (SELECT 1 FROM json_each({col}) j WHERE j.value = ${n})")
            }
            Engine::Postgres => {
                let f = if object {
                    "jsonb_each_text(CAST({col} AS jsonb)) AS j(key, value)"
                } else {
                    "jsonb_array_elements_text(CAST({col} AS jsonb)) AS j(value)"
                }
                .replace("{col}", col);
                format!("EXISTS (SELECT 1 FROM {f} WHERE j.value = ${n})")
            }
        }
    }

    /// The text of member `key` of the JSON object stored as text in `col`.
    pub fn json_text(self, col: &str, key: &str) -> String {
        match self {
            Engine::Sqlite => format!("json_extract({col}, '$.{key}')"),
            Engine::Postgres => format!("(CAST({col} AS jsonb) ->> '{key}')"),
        }
    }

    /// Byte-wise ordering of text, as SQLite compares by default.
    pub fn binary_collation(self) -> &'static str {
        match self {
            Engine::Sqlite => "",
            Engine::Postgres => " COLLATE \"C\"",
        }
    }
}
