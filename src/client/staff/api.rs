//! The reference server's staff API (`/staff/…` under the projects backend's base URL, which is
//! always the reference server), called with the signed-in access token.

use super::session::{access_token, set_state, unauthorized, StaffState};
use crate::backend::http::{send, DEFAULT_TIMEOUT_MS};
use crate::backend::{ApiRequest, BackendError};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Who is signed in, as the server read the token.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub(crate) struct StaffMe {
    pub(crate) sub: String,
    #[serde(default)]
    pub(crate) name: Option<String>,
    pub(crate) roles: Vec<StaffRole>,
}

/// One role, for the whole municipality or for one organisation unit.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub(crate) struct StaffRole {
    pub(crate) role: String,
    #[serde(default)]
    pub(crate) unit: Option<String>,
}

/// GETs a staff resource from the reference server at `base` (the projects backend's base
/// URL, taken by the caller while its context is at hand). A refused token is renewed once and the request sent again; if it is
/// still refused, the session has ended (the page keeps what it shows and what was typed).
pub(crate) async fn staff_get<T: DeserializeOwned>(
    base: &str,
    path: &str,
) -> Result<T, BackendError> {
    let request = ApiRequest::get(path, Vec::new());
    let mut renewed = false;
    loop {
        let Some(token) = access_token() else {
            if !renewed && unauthorized().await {
                renewed = true;
                continue;
            }
            break;
        };
        let answer = send(base, &request, Some(&token), DEFAULT_TIMEOUT_MS).await?;
        match answer.api().decode::<T>() {
            Err(BackendError::Unauthorized) if !renewed && unauthorized().await => renewed = true,
            Err(BackendError::Unauthorized) => break,
            other => return other,
        }
    }
    set_state(StaffState::Ended);
    Err(BackendError::Unauthorized)
}

/// `GET /staff/me`.
pub(crate) async fn me(base: String) -> Result<StaffMe, BackendError> {
    staff_get(&base, "staff/me").await
}
