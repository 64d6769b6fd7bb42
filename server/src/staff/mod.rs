//! Staff sign-in: bearer JWTs issued by the city's OpenID Connect provider.
//!
//! Residents use opaque participant tokens (`api::auth`); staff send a JWT (three
//! dot-separated parts) from one of the configured issuers. The [`Staff`] extractor verifies
//! it ([`verify`]) with the issuer's published keys ([`keys`]) and maps the roles claim to
//! Osallistu roles ([`roles`]). Handlers then call `staff.require(Role::Editor)?`.
//! Tokens and claims are never logged.

pub mod config;
pub mod keys;
pub mod roles;
pub mod verify;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::Serialize;

pub use config::StaffConfig;
pub use roles::{Grant, Role};
pub use verify::{Refused, Verifier};

use crate::error::ApiError;
use crate::AppState;

/// A signed-in member of staff.
#[derive(Debug, Clone, Serialize)]
pub struct Staff {
    /// The provider's subject identifier.
    pub sub: String,
    /// The `name` claim, when the token has one.
    pub name: Option<String>,
    pub roles: Vec<Grant>,
}

impl Staff {
    /// Whether the member has `role` in every unit, or through `admin`.
    pub fn has(&self, role: Role) -> bool {
        self.roles
            .iter()
            .any(|g| g.unit.is_none() && (g.role == role || g.role == Role::Admin))
    }

    /// Whether the member has `role` in `unit` (a grant for every unit counts too).
    pub fn has_in(&self, role: Role, unit: &str) -> bool {
        self.roles.iter().any(|g| {
            (g.role == role || g.role == Role::Admin) && g.unit.as_deref().is_none_or(|u| u == unit)
        })
    }

    /// Whether the member has `role` anywhere (in every unit or in some unit).
    pub fn has_any(&self, role: Role) -> bool {
        self.roles
            .iter()
            .any(|g| g.role == role || g.role == Role::Admin)
    }

    /// `Ok` when the member has `role` in every unit, else a 403 problem.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.has(role) {
            Ok(())
        } else {
            Err(forbidden(role))
        }
    }
}

const CHALLENGE: &str = "Bearer realm=\"osallistu-staff\"";
const INVALID: &str = "Bearer realm=\"osallistu-staff\", error=\"invalid_token\"";
const SCOPE: &str = "Bearer realm=\"osallistu-staff\", error=\"insufficient_scope\"";

/// 401 without a token (RFC 6750: no error code) or with an unusable one.
pub fn unauthorized(refused: Option<Refused>) -> ApiError {
    let (challenge, detail) = match refused {
        None => (
            CHALLENGE,
            "send Authorization: Bearer <token> with an access token from the city's sign-in service",
        ),
        Some(Refused::NotConfigured) => (
            INVALID,
            "staff sign-in is not configured on this server",
        ),
        Some(_) => (
            INVALID,
            "the staff token is invalid, expired or not issued for this service",
        ),
    };
    ApiError {
        www_authenticate: Some(challenge),
        ..ApiError::new(
            StatusCode::UNAUTHORIZED,
            if refused.is_none() {
                "staff_token_required"
            } else {
                "invalid_token"
            },
            "Staff sign-in required",
            detail,
        )
    }
}

/// 403: signed in, but without the role.
pub fn forbidden(role: Role) -> ApiError {
    ApiError {
        www_authenticate: Some(SCOPE),
        ..ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Role required",
            format!("this needs the staff role {}", role.name()),
        )
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
            return Err(unauthorized(None));
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, t)| t.trim())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| unauthorized(Some(Refused::Malformed)))?;
        state.staff.verify(token).await.map_err(|why| {
            tracing::debug!(reason = ?why, "staff token refused");
            unauthorized(Some(why))
        })
    }
}
