//! Checks a staff bearer token: a JWT signed by an allowed issuer with one of its published
//! keys, for this server's audience, within its validity (with a small leeway).

use std::time::Duration;

use jsonwebtoken::{Algorithm, Validation};
use serde_json::{Map, Value};

use super::keys::Issuer;
use super::roles::{claim_values, RoleMap};
use super::{Staff, StaffConfig};

/// The only algorithms accepted: asymmetric ones that providers use. Never `none`, never HS*.
pub const ALGORITHMS: &[Algorithm] = &[Algorithm::RS256, Algorithm::PS256, Algorithm::ES256];

/// Why a token was refused (for the debug log; the client only learns that it was invalid).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    NotConfigured,
    Malformed,
    Algorithm,
    Issuer,
    UnknownKey,
    Invalid,
}

/// The configured issuers with their keys, and the rules for their tokens.
pub struct Verifier {
    issuers: Vec<Issuer>,
    audience: String,
    leeway: u64,
    roles_claim: String,
    role_map: RoleMap,
}

impl Verifier {
    pub fn new(cfg: &StaffConfig) -> Verifier {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .connect_timeout(Duration::from_secs(3))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("osallistu-server")
            .build()
            .unwrap_or_default();
        let refetch = Duration::from_secs(cfg.jwks_refetch);
        Verifier {
            issuers: cfg
                .issuers
                .iter()
                .map(|u| Issuer::new(u, client.clone(), refetch))
                .collect(),
            audience: cfg.audience.clone().unwrap_or_default(),
            leeway: cfg.leeway,
            roles_claim: cfg.roles_claim.clone(),
            role_map: cfg.role_map.clone(),
        }
    }

    pub fn configured(&self) -> bool {
        !self.issuers.is_empty()
    }

    /// The member of staff behind `token`, or why not.
    pub async fn verify(&self, token: &str) -> Result<Staff, Refused> {
        if !self.configured() {
            return Err(Refused::NotConfigured);
        }
        if token.split('.').count() != 3 {
            return Err(Refused::Malformed);
        }
        let header = jsonwebtoken::decode_header(token).map_err(|_| Refused::Malformed)?;
        if !ALGORITHMS.contains(&header.alg) {
            return Err(Refused::Algorithm);
        }
        // Which issuer's keys to try comes from the unverified `iss`; the verified claims must
        // then name the same issuer.
        let unverified: Map<String, Value> = jsonwebtoken::dangerous::insecure_decode_claims(token)
            .map_err(|_| Refused::Malformed)?;
        let iss = unverified.get("iss").and_then(Value::as_str);
        let issuer = self
            .issuers
            .iter()
            .find(|i| Some(i.url.as_str()) == iss)
            .ok_or(Refused::Issuer)?;
        let key = issuer
            .key(header.kid.as_deref(), header.alg)
            .await
            .ok_or(Refused::UnknownKey)?;
        let mut v = Validation::new(header.alg);
        v.algorithms = vec![header.alg];
        v.leeway = self.leeway;
        v.validate_exp = true;
        v.validate_nbf = true;
        v.validate_aud = true;
        v.set_issuer(&[&issuer.url]);
        v.set_audience(&[&self.audience]);
        v.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &key, &v)
            .map_err(|_| Refused::Invalid)?;
        let claims = data.claims;
        let sub = claims
            .get("sub")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .ok_or(Refused::Invalid)?
            .to_owned();
        let name = claims
            .get("name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.chars().take(200).collect());
        let roles = self
            .role_map
            .grants(claim_values(&claims, &self.roles_claim));
        Ok(Staff { sub, name, roles })
    }
}
