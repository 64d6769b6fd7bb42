//! The query string of an address (`?phase=draft&q=tori`): parsed and written the way
//! `URLSearchParams` does, in pure Rust so it is tested natively.

use crate::format::form_component as encode;

/// Decoded `(key, value)` pairs, in order. `+` is a space; bad `%` escapes are kept as typed.
pub(crate) fn parse(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `?k=v&…` for the non-empty values, or `""` when there are none.
pub(crate) fn write(pairs: &[(String, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: Option<&u8>) -> Option<u8> {
    match b? {
        c @ b'0'..=b'9' => Some(c - b'0'),
        c @ b'a'..=b'f' => Some(c - b'a' + 10),
        c @ b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn filters_survive_a_round_trip_through_the_address() {
        let p = pairs(&[
            ("phase", "draft"),
            ("q", "Torin uudistus & co"),
            ("area", "Björkbo"),
        ]);
        let written = write(&p);
        assert_eq!(
            written,
            "?phase=draft&q=Torin+uudistus+%26+co&area=Bj%C3%B6rkbo"
        );
        assert_eq!(parse(&written), p);
    }

    #[test]
    fn empty_values_are_left_out_and_odd_input_is_kept() {
        assert_eq!(write(&pairs(&[("q", ""), ("phase", "")])), "");
        assert_eq!(parse(""), Vec::<(String, String)>::new());
        assert_eq!(
            parse("?a&b=%zz&c=50%"),
            pairs(&[("a", ""), ("b", "%zz"), ("c", "50%")])
        );
    }
}
