//! The authorization request, the callback, the token endpoint's forms and answers, logout.

use super::discovery::Discovery;
use super::error::OidcError;
use crate::config::StaffSignIn;
use crate::format::{form, form_component};
use serde::{Deserialize, Serialize};

/// A sign-in on its way through the provider: kept in this tab's session storage between the
/// redirect and the callback (it holds no token), then deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SignInStart {
    pub(crate) verifier: String,
    pub(crate) state: String,
    pub(crate) nonce: String,
    /// The app path to show after signing in.
    pub(crate) return_to: String,
}

/// The address that starts signing in: code flow, PKCE S256, `state`, `nonce`, the page's
/// language for the provider's own pages.
pub(crate) fn authorize_url(
    d: &Discovery,
    cfg: &StaffSignIn,
    redirect_uri: &str,
    challenge: &str,
    start: &SignInStart,
    lang: &str,
) -> String {
    let scope = cfg.scopes.join(" ");
    let query = form(&[
        ("response_type", "code"),
        ("client_id", &cfg.client_id),
        ("redirect_uri", redirect_uri),
        ("scope", &scope),
        ("state", &start.state),
        ("nonce", &start.nonce),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
        ("ui_locales", lang),
    ]);
    let sep = if d.authorization_endpoint.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{}{sep}{query}", d.authorization_endpoint)
}

/// What the provider sent back to the callback address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Callback {
    Code {
        code: String,
        state: String,
        iss: Option<String>,
    },
    Error {
        error: String,
        state: Option<String>,
    },
}

/// The callback's query pairs; `None` when they are neither a code nor an error.
pub(crate) fn callback(pairs: &[(String, String)]) -> Option<Callback> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    if let Some(error) = get("error") {
        return Some(Callback::Error {
            error,
            state: get("state"),
        });
    }
    Some(Callback::Code {
        code: get("code")?,
        state: get("state")?,
        iss: get("iss"),
    })
}

/// The token request for an authorization code (no client secret: the verifier proves it).
pub(crate) fn code_form(code: &str, redirect_uri: &str, client_id: &str, verifier: &str) -> String {
    form(&[
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("client_id", client_id),
        ("code_verifier", verifier),
    ])
}

/// The token request that renews the tokens; the provider rotates the refresh token.
pub(crate) fn refresh_form(refresh_token: &str, client_id: &str) -> String {
    form(&[
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token),
        ("client_id", client_id),
    ])
}

/// What the token endpoint gives.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub(crate) struct Tokens {
    pub(crate) access_token: String,
    #[serde(default)]
    pub(crate) expires_in: Option<f64>,
    #[serde(default)]
    pub(crate) refresh_token: Option<String>,
    #[serde(default)]
    pub(crate) id_token: Option<String>,
    #[serde(default)]
    pub(crate) token_type: Option<String>,
}

#[derive(Deserialize)]
struct ErrorWire {
    error: String,
}

/// The token endpoint's answer: tokens of type Bearer, or why not.
pub(crate) fn parse_tokens(status: u16, body: &str) -> Result<Tokens, OidcError> {
    if (200..300).contains(&status) {
        let t: Tokens = serde_json::from_str(body).map_err(|_| OidcError::Provider)?;
        let bearer = t
            .token_type
            .as_deref()
            .is_none_or(|k| k.eq_ignore_ascii_case("bearer"));
        return if bearer && !t.access_token.is_empty() {
            Ok(t)
        } else {
            Err(OidcError::Provider)
        };
    }
    match serde_json::from_str::<ErrorWire>(body) {
        Ok(e) if e.error == "invalid_grant" => Err(OidcError::Expired),
        Ok(e) if e.error == "access_denied" => Err(OidcError::Denied(e.error)),
        _ => Err(OidcError::Provider),
    }
}

/// RP-initiated logout: the provider ends its session too and comes back to `after`.
pub(crate) fn logout_url(
    d: &Discovery,
    id_token: Option<&str>,
    after: &str,
    client_id: &str,
) -> Option<String> {
    let end = d.end_session_endpoint.as_deref()?;
    let mut query = format!(
        "post_logout_redirect_uri={}&client_id={}",
        form_component(after),
        form_component(client_id)
    );
    if let Some(hint) = id_token {
        query = format!("id_token_hint={}&{query}", form_component(hint));
    }
    let sep = if end.contains('?') { '&' } else { '?' };
    Some(format!("{end}{sep}{query}"))
}
