//! Who is calling: the participant behind a bearer token, and the client address.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::secrets::sha256_hex;
use crate::AppState;

/// The participant behind `Authorization: Bearer <token>`, required.
#[derive(Debug, Clone, Copy)]
pub struct Participant(pub i64);

/// The participant when a token is sent; an invalid token is still an error.
#[derive(Debug, Clone, Copy)]
pub struct MaybeParticipant(pub Option<i64>);

pub fn bearer(parts: &Parts) -> Result<Option<String>, ApiError> {
    let Some(v) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let v = v.to_str().map_err(|_| ApiError::unauthorized())?;
    let (scheme, token) = v.split_once(' ').ok_or_else(ApiError::unauthorized)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::unauthorized());
    }
    Ok(Some(token.trim().to_owned()))
}

pub async fn lookup(state: &AppState, token: String) -> Result<i64, ApiError> {
    let hash = sha256_hex(token.as_bytes());
    crate::db::participants::by_token_hash(&state.db, &hash)
        .await?
        .ok_or_else(ApiError::unauthorized)
}

impl FromRequestParts<AppState> for Participant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer(parts)?.ok_or_else(ApiError::unauthorized)?;
        lookup(state, token).await.map(Participant)
    }
}

impl FromRequestParts<AppState> for MaybeParticipant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match bearer(parts)? {
            None => Ok(MaybeParticipant(None)),
            Some(token) => lookup(state, token)
                .await
                .map(|id| MaybeParticipant(Some(id))),
        }
    }
}

/// The peer address of the connection (the server does not trust forwarding headers).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

/// The client's address: the TCP peer, or with `--trust-proxy` and a loopback peer, the last
/// address in `X-Forwarded-For` (the one the local proxy added).
pub fn client_ip(parts: &Parts, trust_proxy: bool) -> IpAddr {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    if !trust_proxy || !peer.is_loopback() {
        return peer;
    }
    // Only the entry the proxy appended is trusted; anything before it came from the client.
    parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|a| a.trim().parse::<IpAddr>().ok())
        .unwrap_or(peer)
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(parts, state.config.trust_proxy)))
    }
}
