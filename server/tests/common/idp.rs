//! A stand-in OpenID Connect provider on 127.0.0.1: the discovery document and the key set
//! (which a test can change, to rotate keys), and tokens signed with the keys in `tests/keys/`.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

pub const AUDIENCE: &str = "osallistu";

struct Shared {
    issuer: String,
    published: Mutex<Vec<String>>,
    jwks_fetches: AtomicUsize,
}

pub struct Idp {
    pub issuer: String,
    shared: Arc<Shared>,
}

fn key_file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/keys/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn public_jwk(kid: &str) -> Value {
    let all: Value = serde_json::from_slice(&key_file("public-jwks.json")).unwrap();
    all[kid].clone()
}

async fn discovery(State(s): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({
        "issuer": s.issuer,
        "jwks_uri": format!("{}/protocol/openid-connect/certs", s.issuer),
        "token_endpoint": format!("{}/protocol/openid-connect/token", s.issuer),
    }))
}

async fn jwks(State(s): State<Arc<Shared>>) -> Json<Value> {
    s.jwks_fetches.fetch_add(1, Ordering::SeqCst);
    let keys: Vec<Value> = s
        .published
        .lock()
        .unwrap()
        .iter()
        .map(|k| public_jwk(k))
        .collect();
    // A key of a kind the server does not use must not spoil the set.
    let mut keys = keys;
    keys.push(json!({"kty": "oct", "kid": "shared", "k": "c2VjcmV0"}));
    keys.push(json!({"kty": "OKP", "kid": "x", "crv": "X448", "x": "AA"}));
    Json(json!({ "keys": keys }))
}

impl Idp {
    /// Starts the provider with the keys named (`rsa-a`, `rsa-b`, `ec-a`) published.
    pub async fn start(published: &[&str]) -> Idp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let issuer = format!("http://{}/realms/kunta", listener.local_addr().unwrap());
        let shared = Arc::new(Shared {
            issuer: issuer.clone(),
            published: Mutex::new(published.iter().map(|s| s.to_string()).collect()),
            jwks_fetches: AtomicUsize::new(0),
        });
        let app = Router::new()
            .route(
                "/realms/kunta/.well-known/openid-configuration",
                get(discovery),
            )
            .route("/realms/kunta/protocol/openid-connect/certs", get(jwks))
            .with_state(shared.clone());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Idp { issuer, shared }
    }

    /// Publishes exactly these keys from now on.
    pub fn publish(&self, keys: &[&str]) {
        *self.shared.published.lock().unwrap() = keys.iter().map(|s| s.to_string()).collect();
    }

    /// How many times the key set was fetched.
    pub fn fetches(&self) -> usize {
        self.shared.jwks_fetches.load(Ordering::SeqCst)
    }

    /// Claims of a valid token for `sub` with these values in `roles`.
    pub fn claims(&self, sub: &str, roles: &[&str]) -> Value {
        let now = now();
        json!({
            "iss": self.issuer, "aud": AUDIENCE, "sub": sub, "name": "Sanna Suunnittelija",
            "iat": now, "exp": now + 300, "roles": roles,
        })
    }

    /// A token with `claims`, signed by key `kid` (RS256 for the RSA keys, ES256 for EC).
    pub fn sign(&self, kid: &str, claims: &Value) -> String {
        let alg = if kid.starts_with("ec") {
            Algorithm::ES256
        } else {
            Algorithm::RS256
        };
        sign_with(kid, alg, Some(kid), claims)
    }

    /// A valid token for `sub` with `roles`, signed with `rsa-a`.
    pub fn token(&self, sub: &str, roles: &[&str]) -> String {
        self.sign("rsa-a", &self.claims(sub, roles))
    }
}

/// A token signed with the private key `file` (`rsa-a`, `rsa-b`, `ec-a`) and `alg`.
pub fn sign_with(file: &str, alg: Algorithm, kid: Option<&str>, claims: &Value) -> String {
    let pem = key_file(&format!("{file}.pem"));
    let key = if file.starts_with("ec") {
        EncodingKey::from_ec_pem(&pem).unwrap()
    } else {
        EncodingKey::from_rsa_pem(&pem).unwrap()
    };
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

/// HS256 with the public RSA key as the shared secret (the algorithm-confusion attack).
pub fn sign_hs256_with_public_key(claims: &Value) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("rsa-a".into());
    let key = EncodingKey::from_secret(&key_file("rsa-a.pub.pem")).unwrap();
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

/// An unsigned token (`alg: none`).
pub fn unsigned(claims: &Value) -> String {
    use base64::Engine;
    let b64 = |v: &Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string().as_bytes())
    };
    format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT", "kid": "rsa-a"})),
        b64(claims)
    )
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The server flags for this provider, plus `extra`.
pub fn flags<'a>(idp: &'a Idp, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "--staff-issuer",
        idp.issuer.as_str(),
        "--staff-audience",
        AUDIENCE,
    ];
    v.extend_from_slice(extra);
    v
}
