//! `staff`: the municipality's OpenID Connect provider for staff sign-in.

use crate::config::error::ConfigError;
use crate::config::model::StaffSignIn;
use crate::config::wire::StaffWire;

/// What is asked for when `scopes` is not given: who the person is and their roles.
const DEFAULT_SCOPES: [&str; 3] = ["openid", "profile", "roles"];

pub(super) fn staff(w: StaffWire) -> Result<StaffSignIn, ConfigError> {
    let issuer = w.issuer.trim().trim_end_matches('/').to_owned();
    // Tokens travel to and from the issuer: https, except on this machine (tests, the demo).
    let loopback = ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"]
        .iter()
        .any(|p| issuer.starts_with(p));
    let host = issuer.strip_prefix("https://").or_else(|| {
        loopback
            .then(|| issuer.split_once("://").map(|(_, h)| h))
            .flatten()
    });
    if !host.is_some_and(|h| {
        !h.is_empty() && !h.contains(char::is_whitespace) && !h.contains(['?', '#'])
    }) {
        return Err(ConfigError::invalid(
            "staff.issuer",
            format!(
                "not an https:// issuer URL (http:// only on 127.0.0.1 or localhost): {:?}",
                w.issuer
            ),
        ));
    }
    let client_id = w.client_id.trim().to_owned();
    if client_id.is_empty() || client_id.contains(char::is_whitespace) {
        return Err(ConfigError::invalid(
            "staff.client_id",
            "a client id without spaces is needed",
        ));
    }
    let mut scopes: Vec<String> = match w.scopes {
        None => DEFAULT_SCOPES.iter().map(|s| s.to_string()).collect(),
        Some(list) => list.into_iter().map(|s| s.trim().to_owned()).collect(),
    };
    if let Some(i) = scopes
        .iter()
        .position(|s| s.is_empty() || s.contains(char::is_whitespace))
    {
        return Err(ConfigError::invalid(
            &format!("staff.scopes[{i}]"),
            "a scope is one word",
        ));
    }
    scopes.retain(|s| s != "openid");
    scopes.insert(0, "openid".to_owned());
    scopes.dedup();
    Ok(StaffSignIn {
        issuer,
        client_id,
        scopes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(issuer: &str, scopes: Option<Vec<&str>>) -> StaffWire {
        StaffWire {
            issuer: issuer.into(),
            client_id: "osallistu".into(),
            scopes: scopes.map(|v| v.into_iter().map(String::from).collect()),
        }
    }

    #[test]
    fn an_https_issuer_loses_its_trailing_slash_and_openid_comes_first() {
        let s = staff(wire(
            "https://login.example.fi/realms/city/",
            Some(vec!["roles", "openid"]),
        ))
        .unwrap();
        assert_eq!(s.issuer, "https://login.example.fi/realms/city");
        assert_eq!(s.scopes, ["openid", "roles"]);
        let s = staff(wire("https://login.example.fi", None)).unwrap();
        assert_eq!(s.scopes, ["openid", "profile", "roles"]);
    }

    #[test]
    fn plain_http_is_refused_except_on_this_machine() {
        assert!(staff(wire("http://login.example.fi", None)).is_err());
        assert!(staff(wire("http://127.0.0.1:9400", None)).is_ok());
        assert!(staff(wire("http://localhost:9400", None)).is_ok());
        assert!(staff(wire("ftp://x", None)).is_err());
        assert!(staff(wire("https://", None)).is_err());
        let e = staff(wire("https://a b", None)).unwrap_err();
        assert!(e.to_string().contains("staff.issuer"), "{e}");
    }

    #[test]
    fn a_scope_with_a_space_or_an_empty_client_id_names_its_field() {
        let e = staff(wire("https://id.example.fi", Some(vec!["openid", "a b"]))).unwrap_err();
        assert!(e.to_string().contains("staff.scopes[1]"), "{e}");
        let mut w = wire("https://id.example.fi", None);
        w.client_id = " ".into();
        assert!(staff(w)
            .unwrap_err()
            .to_string()
            .contains("staff.client_id"));
    }
}
