//! The signing keys of one OpenID Connect issuer: its JWKS, found through
//! `<issuer>/.well-known/openid-configuration`, fetched on first use, kept for an hour, and
//! fetched again when a token names a key that is not in the set (key rotation), at most once
//! per `refetch` interval so that tokens with made-up key ids cannot make the server hammer
//! the provider.

use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey};
use serde::Deserialize;
use tokio::sync::Mutex;

/// Keys older than this are fetched again on the next token (a removed key stops working).
const MAX_AGE: Duration = Duration::from_secs(3600);
/// The largest discovery document or key set read.
const MAX_BYTES: usize = 512 * 1024;

/// Whether `url` may be fetched: `https://`, or `http://` to a loopback host (tests, the demo).
pub fn allowed_url(url: &str) -> bool {
    let Ok(u) = reqwest::Url::parse(url) else {
        return false;
    };
    let host = u.host_str().unwrap_or("");
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|a| a.is_loopback());
    match u.scheme() {
        "https" => !host.is_empty(),
        "http" => loopback,
        _ => false,
    }
}

struct State {
    jwks_uri: Option<String>,
    keys: Vec<Jwk>,
    /// When the keys were last fetched (or a fetch was last tried).
    fetched: Option<Instant>,
}

/// One allowed issuer and its cached keys.
pub struct Issuer {
    pub url: String,
    client: reqwest::Client,
    refetch: Duration,
    state: Mutex<State>,
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

#[derive(Deserialize)]
struct KeySet {
    keys: Vec<serde_json::Value>,
}

impl Issuer {
    pub fn new(url: &str, client: reqwest::Client, refetch: Duration) -> Issuer {
        Issuer {
            url: url.to_owned(),
            client,
            refetch,
            state: Mutex::new(State {
                jwks_uri: None,
                keys: Vec::new(),
                fetched: None,
            }),
        }
    }

    /// The key that verifies a token with this `kid` and `alg`, fetching the set when it is
    /// stale or lacks the key (rate-limited). `None`: no such key.
    pub async fn key(&self, kid: Option<&str>, alg: Algorithm) -> Option<DecodingKey> {
        let mut st = self.state.lock().await;
        let stale = st.fetched.is_none_or(|t| t.elapsed() >= MAX_AGE);
        if stale {
            self.refresh(&mut st).await;
        }
        if let Some(k) = pick(&st.keys, kid, alg) {
            return Some(k);
        }
        if !stale && st.fetched.is_none_or(|t| t.elapsed() >= self.refetch) {
            self.refresh(&mut st).await;
            return pick(&st.keys, kid, alg);
        }
        None
    }

    async fn refresh(&self, st: &mut State) {
        st.fetched = Some(Instant::now());
        match self.fetch(st.jwks_uri.clone()).await {
            Ok((jwks_uri, keys)) => {
                tracing::info!(issuer = %self.url, keys = keys.len(), "staff sign-in: fetched the issuer's keys");
                st.jwks_uri = Some(jwks_uri);
                st.keys = keys;
            }
            // The keys we had stay in use until the provider answers again.
            Err(e) => {
                tracing::warn!(issuer = %self.url, error = %e, "staff sign-in: cannot fetch the issuer's keys")
            }
        }
    }

    async fn fetch(&self, known: Option<String>) -> Result<(String, Vec<Jwk>), String> {
        let jwks_uri = match known {
            Some(u) => u,
            None => {
                let url = format!(
                    "{}/.well-known/openid-configuration",
                    self.url.trim_end_matches('/')
                );
                let d: Discovery = serde_json::from_slice(&self.get(&url).await?)
                    .map_err(|e| format!("discovery document: {e}"))?;
                if d.issuer != self.url {
                    return Err(format!(
                        "the discovery document names issuer {:?}",
                        d.issuer
                    ));
                }
                if !allowed_url(&d.jwks_uri) {
                    return Err("jwks_uri must be https (http only on loopback)".into());
                }
                d.jwks_uri
            }
        };
        let set: KeySet = serde_json::from_slice(&self.get(&jwks_uri).await?)
            .map_err(|e| format!("key set: {e}"))?;
        // Keys of kinds this server does not know are skipped, not fatal.
        let keys = set
            .keys
            .into_iter()
            .filter_map(|k| serde_json::from_value::<Jwk>(k).ok())
            .collect();
        Ok((jwks_uri, keys))
    }

    async fn get(&self, url: &str) -> Result<Vec<u8>, String> {
        let mut resp = self
            .client
            .get(url)
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| e.without_url().to_string())?;
        if !resp.status().is_success() {
            return Err(format!("status {}", resp.status()));
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| e.to_string())? {
            body.extend_from_slice(&chunk);
            if body.len() > MAX_BYTES {
                return Err("the answer is too large".into());
            }
        }
        Ok(body)
    }
}

/// The key for `kid` (or the only fitting key when the token names none) whose type, curve,
/// use and declared algorithm fit `alg`.
fn pick(keys: &[Jwk], kid: Option<&str>, alg: Algorithm) -> Option<DecodingKey> {
    let fits = |k: &&Jwk| {
        let use_ok = matches!(
            k.common.public_key_use,
            None | Some(PublicKeyUse::Signature)
        );
        let alg_ok = k
            .common
            .key_algorithm
            .is_none_or(|a| a == KeyAlgorithm::from(alg));
        let kind_ok = match (&k.algorithm, alg) {
            (AlgorithmParameters::RSA(_), Algorithm::RS256 | Algorithm::PS256) => true,
            (AlgorithmParameters::EllipticCurve(p), Algorithm::ES256) => {
                p.curve == EllipticCurve::P256
            }
            _ => false,
        };
        use_ok && alg_ok && kind_ok
    };
    let mut candidates = keys.iter().filter(fits);
    let key = match kid {
        Some(kid) => candidates.find(|k| k.common.key_id.as_deref() == Some(kid))?,
        None => {
            let first = candidates.next()?;
            if candidates.next().is_some() {
                return None;
            }
            first
        }
    };
    DecodingKey::from_jwk(key).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http() {
        assert!(allowed_url("https://login.kunta.example/realms/staff"));
        assert!(allowed_url("http://127.0.0.1:8080/idp"));
        assert!(allowed_url("http://localhost:9000"));
        assert!(allowed_url("http://[::1]:9000/x"));
        assert!(!allowed_url("http://login.kunta.example/"));
        assert!(!allowed_url("http://10.0.0.1/"));
        assert!(!allowed_url("ftp://127.0.0.1/"));
        assert!(!allowed_url("not a url"));
    }

    #[test]
    fn picks_by_kid_type_and_alg() {
        let keys: Vec<Jwk> = serde_json::from_value(serde_json::json!([
            {"kty": "RSA", "kid": "r1", "use": "sig", "alg": "RS256", "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw", "e": "AQAB"},
            {"kty": "RSA", "kid": "enc", "use": "enc", "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw", "e": "AQAB"},
            {"kty": "EC", "kid": "e1", "crv": "P-256", "x": "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4", "y": "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}
        ]))
        .unwrap();
        assert!(pick(&keys, Some("r1"), Algorithm::RS256).is_some());
        // The key declares RS256: not for PS256.
        assert!(pick(&keys, Some("r1"), Algorithm::PS256).is_none());
        assert!(pick(&keys, Some("enc"), Algorithm::RS256).is_none());
        assert!(pick(&keys, Some("e1"), Algorithm::ES256).is_some());
        assert!(pick(&keys, Some("e1"), Algorithm::RS256).is_none());
        assert!(pick(&keys, Some("nope"), Algorithm::RS256).is_none());
        // No kid: only when exactly one key fits.
        assert!(pick(&keys, None, Algorithm::ES256).is_some());
        assert!(pick(&keys, None, Algorithm::HS256).is_none());
    }
}
