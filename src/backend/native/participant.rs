//! Anonymous participants: a token that lets the server count one vote, follow or
//! registration per person without knowing who they are.

use super::{keyed, R};
use crate::backend::{ApiRequest, ApiResponse};
use serde::Deserialize;

#[derive(Deserialize)]
struct ParticipantCreated {
    token: String,
}

/// `POST participants`.
pub(crate) fn create_participant(idempotency_key: &str) -> ApiRequest {
    keyed(ApiRequest::post("participants", None), idempotency_key)
}

/// Reads the answer to [`create_participant`]: the bearer token.
pub(crate) fn parse_participant(response: &ApiResponse) -> R<String> {
    let created: ParticipantCreated = response.decode()?;
    Ok(created.token)
}
