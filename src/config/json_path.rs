//! Names the field at a position of a JSON text: `backends.plans.kind`, `languages.offered[1]`.
//!
//! serde_json reports where an error is (line and column), not in which field; this reads the
//! text up to that point and keeps track of the object keys and array indices around it. It is
//! much smaller in wasm than tracking the path during deserialisation.

/// One open object or array before the position.
enum Frame {
    /// `key` is the last key read; `expect_key` is true between `{`/`,` and the next key.
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    /// `index` of the current element; `started` once the first element has begun.
    Array { index: usize, started: bool },
}

/// The byte offset of serde_json's `line` (from 1) and `column` (bytes consumed on that line).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// The dotted path of the value being read at `line`/`column` (`""` for the top level).
///
/// With `object_level` (a missing field, reported where its object ends), the path names the
/// object that lacks the field, not the last key read in it.
pub(crate) fn path_at(text: &str, line: usize, column: usize, object_level: bool) -> String {
    let bytes = text.as_bytes();
    let mut end = offset(text, line, column);
    // serde_json reports a missing field just after the `}` of the object that lacks it.
    if object_level && end > 0 && bytes[end - 1] == b'}' {
        end -= 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if !b.is_ascii_whitespace() && !matches!(b, b']' | b',') {
            if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                *started = true;
            }
        }
        match b {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        let raw = &text[start..(i + 1).min(text.len())];
                        *key = Some(
                            serde_json::from_str(raw)
                                .unwrap_or_else(|_| raw.trim_matches('"').to_owned()),
                        );
                        *expect_key = false;
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index, .. }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let last = stack.len().saturating_sub(1);
    let mut path = String::new();
    for (n, frame) in stack.iter().enumerate() {
        match frame {
            Frame::Object { key: Some(k), .. } if !(object_level && n == last) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array {
                index,
                started: true,
            } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's error position points at while reading `T` from `text`.
    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let err = serde_json::from_str::<T>(text).unwrap_err();
        let missing = err.to_string().starts_with("missing field");
        path_at(text, err.line(), err.column(), missing)
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        a: Inner,
        list: Vec<u8>,
        #[serde(default)]
        pairs: Vec<[u8; 2]>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        kind: String,
        n: Option<u8>,
    }

    #[test]
    fn names_wrong_types_in_objects_and_arrays() {
        let cases = [
            (r#"{"a": {"kind": 5}, "list": []}"#, "a.kind"),
            (r#"{"a": {"kind": "x", "n": "7"}, "list": []}"#, "a.n"),
            (r#"{"a": {"kind": "x"}, "list": [1, "two"]}"#, "list[1]"),
            (r#"{"a": {"kind": "x"}, "list": [1, [2]]}"#, "list[1]"),
            (r#"{"a": {"kind": "x"}, "list": "1"}"#, "list"),
            (
                r#"{"a": {"kind": "x"}, "list": [], "pairs": [[1, 2], [3, "x"]]}"#,
                "pairs[1][1]",
            ),
            (r#"{"a": {"kind": "x"}, "list": {}}"#, "list"),
            (r#"{"a": [], "list": []}"#, "a"),
        ];
        for (text, want) in cases {
            assert_eq!(path_of_error::<Outer>(text), want, "{text}");
        }
    }

    #[test]
    fn names_missing_and_unknown_fields() {
        assert_eq!(path_of_error::<Outer>(r#"{"a": {"kind": "x"}}"#), "");
        assert_eq!(path_of_error::<Outer>(r#"{"a": {}, "list": []}"#), "a");
        assert_eq!(
            path_of_error::<Outer>(r#"{"a": {"n": 1}, "list": []}"#),
            "a"
        );
        assert_eq!(
            path_of_error::<Outer>(r#"{"a": {"kind": "x", "nn": 1}, "list": []}"#),
            "a.nn"
        );
    }

    #[test]
    fn works_on_pretty_printed_text_with_escapes() {
        let text = "{\n  \"a\": {\n    \"kind\": \"a \\\"quoted\\\" [x], {y}\",\n    \"n\": 300\n  },\n  \"list\": []\n}\n";
        assert_eq!(path_of_error::<Outer>(text), "a.n");
        let text = "{\n  \"a\": {\n    \"kind\": \"x\"\n  },\n  \"list\": [\n    1,\n    2,\n    -3\n  ]\n}";
        assert_eq!(path_of_error::<Outer>(text), "list[2]");
        let text = "{\n  \"a\": {\n    \"n\": 1\n  },\n  \"list\": []\n}";
        assert_eq!(path_of_error::<Outer>(text), "a");
    }

    /// The app's own config errors name the same fields in a pretty-printed file as in a compact one.
    #[test]
    fn config_errors_name_the_field_in_pretty_printed_files() {
        use crate::config::{parse, ConfigError};
        let demo: serde_json::Value =
            serde_json::from_str(include_str!("../../public/config.json")).unwrap();
        let field = |v: &serde_json::Value| {
            let compact = parse(&v.to_string()).unwrap_err();
            let pretty = parse(&serde_json::to_string_pretty(v).unwrap()).unwrap_err();
            assert_eq!(compact, pretty);
            pretty.field().map(str::to_owned)
        };
        let mut v = demo.clone();
        v["languages"]["offered"] = serde_json::json!(["fi", 5]);
        assert_eq!(field(&v).as_deref(), Some("languages.offered[1]"));
        let mut v = demo.clone();
        v["backends"]["plans"]["kind"] = serde_json::json!(7);
        assert_eq!(field(&v).as_deref(), Some("backends.plans.kind"));
        let mut v = demo.clone();
        v["backends"]["plans"]
            .as_object_mut()
            .unwrap()
            .remove("kind");
        assert_eq!(field(&v).as_deref(), Some("backends.plans.kind"));
        let mut v = demo.clone();
        v["map"]["center"] = serde_json::json!([60.2, "east"]);
        assert_eq!(field(&v).as_deref(), Some("map.center[1]"));
        let mut v = demo.clone();
        v["theme"]["--os-color-primary"] = serde_json::json!(false);
        assert_eq!(field(&v).as_deref(), Some("theme.--os-color-primary"));
        let mut v = demo;
        v["municipality"]["nimi"] = serde_json::json!("Virtby");
        assert_eq!(
            parse(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err(),
            ConfigError::Unknown {
                field: "municipality.nimi".into()
            }
        );
    }
}
