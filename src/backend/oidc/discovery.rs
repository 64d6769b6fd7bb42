//! The provider's discovery document (`/.well-known/openid-configuration`).

use super::error::OidcError;
use serde::Deserialize;

/// The endpoints the flow uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Discovery {
    pub(crate) issuer: String,
    pub(crate) authorization_endpoint: String,
    pub(crate) token_endpoint: String,
    /// RP-initiated logout; `None` when the provider offers none.
    pub(crate) end_session_endpoint: Option<String>,
}

#[derive(Deserialize)]
struct Wire {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    end_session_endpoint: Option<String>,
    #[serde(default)]
    code_challenge_methods_supported: Option<Vec<String>>,
}

pub(crate) fn discovery_url(issuer: &str) -> String {
    format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    )
}

/// The document of `issuer`: it must name exactly that issuer (OpenID Connect Discovery §4.3)
/// and, when it lists PKCE methods, offer S256.
pub(crate) fn parse_discovery(body: &str, issuer: &str) -> Result<Discovery, OidcError> {
    let w: Wire = serde_json::from_str(body).map_err(|_| OidcError::Provider)?;
    if w.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
        return Err(OidcError::Provider);
    }
    if w.code_challenge_methods_supported
        .is_some_and(|m| !m.iter().any(|m| m == "S256"))
    {
        return Err(OidcError::Provider);
    }
    Ok(Discovery {
        issuer: w.issuer,
        authorization_endpoint: w.authorization_endpoint,
        token_endpoint: w.token_endpoint,
        end_session_endpoint: w.end_session_endpoint,
    })
}
