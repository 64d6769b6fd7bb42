//! What the ID token says, read from its payload. The token comes straight from the token
//! endpoint over the connection the browser checked, so its signature is not checked again
//! here (OpenID Connect Core §3.1.3.7); the API checks every access token itself.

use super::base64url::decode as base64url_decode;
use super::error::OidcError;
use serde::Deserialize;

/// The ID token's claims the app uses.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub(crate) struct IdClaims {
    pub(crate) iss: String,
    #[serde(deserialize_with = "one_or_many")]
    pub(crate) aud: Vec<String>,
    pub(crate) exp: f64,
    pub(crate) sub: String,
    #[serde(default)]
    pub(crate) nonce: Option<String>,
    #[serde(default)]
    pub(crate) name: Option<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Aud {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Aud::deserialize(d)? {
        Aud::One(a) => vec![a],
        Aud::Many(a) => a,
    })
}

/// The claims of a compact JWT (`header.payload.signature`), or `None` if it is not one.
pub(crate) fn id_token_claims(jwt: &str) -> Option<IdClaims> {
    let mut parts = jwt.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    serde_json::from_slice(&base64url_decode(payload)?).ok()
}

/// The checks of OpenID Connect Core §3.1.3.7 that a public client can make: the issuer, that
/// the token is for this client, the nonce of this sign-in, and not expired.
pub(crate) fn check_id_token(
    claims: &IdClaims,
    issuer: &str,
    client_id: &str,
    nonce: &str,
    now_s: f64,
) -> Result<(), OidcError> {
    let ok = claims.iss.trim_end_matches('/') == issuer.trim_end_matches('/')
        && claims.aud.iter().any(|a| a == client_id)
        && claims.nonce.as_deref() == Some(nonce)
        && claims.exp + 60.0 > now_s;
    ok.then_some(()).ok_or(OidcError::Rejected)
}
