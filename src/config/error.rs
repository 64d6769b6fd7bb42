use std::fmt;

/// Why the runtime configuration could not be used. Always names the offending field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// `config.json` could not be fetched (network error or non-2xx status).
    Unreachable { detail: String },
    /// The file is not JSON at all.
    NotJson { detail: String },
    /// A required field is absent.
    Missing { field: String },
    /// A field has a value of the wrong JSON type.
    WrongType { field: String, detail: String },
    /// A field's value is of the right type but not acceptable.
    Invalid { field: String, detail: String },
    /// A field the app does not know (often a typo).
    Unknown { field: String },
}

impl ConfigError {
    /// The dotted path of the field at fault, if the error concerns one field.
    pub(crate) fn field(&self) -> Option<&str> {
        match self {
            ConfigError::Missing { field }
            | ConfigError::WrongType { field, .. }
            | ConfigError::Invalid { field, .. }
            | ConfigError::Unknown { field } => Some(field),
            ConfigError::Unreachable { .. } | ConfigError::NotJson { .. } => None,
        }
    }

    /// Technical detail for the web team (English, as it comes from the parser).
    pub(crate) fn detail(&self) -> Option<&str> {
        match self {
            ConfigError::Unreachable { detail }
            | ConfigError::NotJson { detail }
            | ConfigError::WrongType { detail, .. }
            | ConfigError::Invalid { detail, .. } => Some(detail),
            ConfigError::Missing { .. } | ConfigError::Unknown { .. } => None,
        }
    }

    pub(super) fn invalid(field: &str, detail: impl Into<String>) -> Self {
        ConfigError::Invalid {
            field: field.to_owned(),
            detail: detail.into(),
        }
    }

    /// Classifies a serde error at `path` into one of the variants above.
    pub(super) fn from_serde(path: &str, err: &serde_json::Error) -> Self {
        let msg = err.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        let join = |name: &str| {
            if path.is_empty() || path == "." {
                name.to_owned()
            } else if path.rsplit('.').next() == Some(name) {
                path.to_owned()
            } else {
                format!("{path}.{name}")
            }
        };
        let quoted = |m: &str| m.split('`').nth(1).map(str::to_owned);
        if err.is_syntax() || err.is_eof() {
            ConfigError::NotJson { detail: msg }
        } else if let Some(name) = msg.strip_prefix("missing field ").and_then(quoted) {
            ConfigError::Missing { field: join(&name) }
        } else if let Some(name) = msg.strip_prefix("unknown field ").and_then(quoted) {
            ConfigError::Unknown { field: join(&name) }
        } else if msg.starts_with("invalid type") {
            ConfigError::WrongType {
                field: path.to_owned(),
                detail: msg,
            }
        } else {
            ConfigError::Invalid {
                field: path.to_owned(),
                detail: msg,
            }
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.field(), self.detail()) {
            (Some(field), Some(detail)) => write!(f, "{field}: {detail}"),
            (Some(field), None) => write!(f, "{field}"),
            (None, Some(detail)) => f.write_str(detail),
            (None, None) => f.write_str("configuration error"),
        }
    }
}
