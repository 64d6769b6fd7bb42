//! Text written into addresses and form bodies.

/// `s` as one component of `application/x-www-form-urlencoded` text (a query string or a form
/// body): unreserved characters as they are, space as `+`, every other byte `%XX`.
pub(crate) fn form_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `key=value&…` with both sides encoded by [`form_component`].
pub(crate) fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form_component(k), form_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_and_spaces_are_escaped() {
        assert_eq!(form_component("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
        assert_eq!(
            form(&[("scope", "openid roles"), ("x", "~._-")]),
            "scope=openid+roles&x=~._-"
        );
    }
}
