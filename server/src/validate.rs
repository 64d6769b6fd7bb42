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

/// Whether `value` has a control character (Unicode Cc) other than, in `multiline` text, tab,
/// line feed and carriage return. Checked on the text as sent, leading and trailing space
/// included, so that `api/openapi.yaml` can state the rule as a pattern.
pub fn has_forbidden(value: &str, multiline: bool) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
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
    if has_forbidden(value, multiline) {
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
        Some(v) if has_forbidden(v, multiline) => Err(FieldError::new(
            pointer,
            "invalid_characters",
            "must not contain control characters",
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
        // Control characters count where they stand, also in the space around the text.
        assert!(plain_text("\u{b}hei", "/t", 1, 10, true).is_err());
        assert!(plain_text("hei\n", "/t", 1, 10, false).is_err());
        assert!(plain_text("hei\n", "/t", 1, 10, true).is_ok());
        assert!(optional_text(Some("\u{b}"), "/t", 10, true).is_err());
        assert_eq!(optional_text(Some("  "), "/t", 10, false), Ok(None));
    }
}

/// Whole numbers in JSON bodies: `8` and `8.0` are the same integer (as JSON Schema says); `8.5`
/// is not one.
pub mod json_int {
    use serde::de::{Deserializer, Error, Visitor};

    struct Int;

    impl Visitor<'_> for Int {
        type Value = i64;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("i64")
        }

        fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }

        fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
        }

        fn visit_f64<E: Error>(self, v: f64) -> Result<i64, E> {
            if v.fract() == 0.0 && v.abs() < 9.0e18 {
                Ok(v as i64)
            } else {
                Err(E::invalid_type(serde::de::Unexpected::Float(v), &self))
            }
        }
    }

    pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        d.deserialize_any(Int)
    }

    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        #[derive(serde::Deserialize)]
        struct W(#[serde(deserialize_with = "one")] i64);
        Ok(<Option<W> as serde::Deserialize>::deserialize(d)?.map(|W(v)| v))
    }

    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
        #[derive(serde::Deserialize)]
        struct W(#[serde(deserialize_with = "one")] i64);
        Ok(<Vec<W> as serde::Deserialize>::deserialize(d)?
            .into_iter()
            .map(|W(v)| v)
            .collect())
    }

    #[cfg(test)]
    mod tests {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct T {
            #[serde(deserialize_with = "super::one")]
            n: i64,
            #[serde(default, deserialize_with = "super::optional")]
            o: Option<i64>,
            #[serde(default, deserialize_with = "super::list")]
            l: Vec<i64>,
        }

        #[test]
        fn whole_floats_are_integers() {
            let t: T = serde_json::from_str(r#"{"n": 8.0, "o": 2, "l": [1, 2.0]}"#).unwrap();
            assert_eq!(
                t,
                T {
                    n: 8,
                    o: Some(2),
                    l: vec![1, 2]
                }
            );
            assert!(serde_json::from_str::<T>(r#"{"n": 8.5}"#).is_err());
            assert!(serde_json::from_str::<T>(r#"{"n": "8"}"#).is_err());
            let t: T = serde_json::from_str(r#"{"n": 1, "o": null}"#).unwrap();
            assert_eq!(t.o, None);
        }
    }
}
