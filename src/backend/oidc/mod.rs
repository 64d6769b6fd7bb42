//! OpenID Connect for staff sign-in (authorization code with PKCE, a public client), as pure
//! functions: the addresses and form bodies the flow sends and the parsers of what comes back.
//! `client::staff` runs the flow; docs/staff-sign-in.md describes it.

mod base64url;
mod claims;
mod discovery;
mod error;
mod tokens;

pub(crate) use base64url::encode as base64url_encode;
pub(crate) use claims::{check_id_token, id_token_claims};
pub(crate) use discovery::{discovery_url, parse_discovery, Discovery};
pub(crate) use error::OidcError;
pub(crate) use tokens::{
    authorize_url, callback, code_form, logout_url, parse_tokens, refresh_form, Callback,
    SignInStart, Tokens,
};

#[cfg(test)]
mod tests;
