//! Rules for text that people write: trimmed, length in characters, no control characters.

use serde::Serialize;

/// One per-field message inside a problem.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldError {
    /// JSON Pointer (RFC 6901) into the request body, or `query:NAME` for a query parameter.
    pub pointer: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(pointer: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        FieldError {
            pointer: pointer.into(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// Checks user-entered plain text: trimmed, length in characters, no control characters
/// other than tab and newlines. Returns the trimmed text.
pub fn plain_text(
    value: &str,
    pointer: &str,
    min: usize,
    max: usize,
    multiline: bool,
) -> Result<String, FieldError> {
    let text = value.trim();
    let n = text.chars().count();
    // The limit applies to what was sent, so the documented maxLength holds exactly.
    let raw = value.chars().count();
    if n < min {
        return Err(FieldError::new(
            pointer,
            if n == 0 { "required" } else { "too_short" },
            format!("must have at least {min} characters"),
        ));
    }
    if raw > max {
        return Err(FieldError::new(
            pointer,
            "too_long",
            format!("must have at most {max} characters"),
        ));
    }
    let bad = text.chars().any(|c| {
        (c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
            || (!multiline && (c == '\n' || c == '\r'))
    });
    if bad {
        return Err(FieldError::new(
            pointer,
            "invalid_characters",
            "must not contain control characters",
        ));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// An optional plain-text field: blank means absent; the length limit applies to what was sent.
pub fn optional_text(
    value: Option<&str>,
    pointer: &str,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, FieldError> {
    match value {
        None => Ok(None),
        Some(v) if v.chars().count() > max => Err(FieldError::new(
            pointer,
            "too_long",
            format!("must have at most {max} characters"),
        )),
        Some(v) if v.trim().is_empty() => Ok(None),
        Some(v) => plain_text(v, pointer, 1, max, multiline).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert_eq!(plain_text("  hei  ", "/t", 1, 10, false).unwrap(), "hei");
        assert_eq!(
            plain_text("", "/t", 1, 10, false).unwrap_err().code,
            "required"
        );
        assert_eq!(
            plain_text("abcdefghijk", "/t", 1, 10, false)
                .unwrap_err()
                .code,
            "too_long"
        );
        assert_eq!(
            plain_text("a\u{0}b", "/t", 1, 10, true).unwrap_err().code,
            "invalid_characters"
        );
        assert!(plain_text("rivi\nrivi", "/t", 1, 20, true).is_ok());
        assert!(plain_text("rivi\nrivi", "/t", 1, 20, false).is_err());
        // Characters, not bytes.
        assert!(plain_text(&"ä".repeat(10), "/t", 1, 10, false).is_ok());
    }
}
