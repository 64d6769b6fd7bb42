//! Signing in (to the provider and back) and signing out.

use super::session::{self, set_state, StaffState};
use crate::backend::http::{get_text, post_form};
use crate::backend::oidc::{
    authorize_url, base64url_encode, callback, check_id_token, code_form, discovery_url,
    id_token_claims, logout_url, parse_discovery, parse_tokens, Callback, Discovery, OidcError,
    SignInStart,
};
use crate::config::StaffSignIn;
use crate::domain::Lang;
use crate::web::clock::now_ms;
use crate::web::storage::{self, Store};
use crate::web::{crypto, dom, navigation};

/// The sign-in on its way, in this tab only; it holds no token and is deleted at the callback.
const STARTED_KEY: &str = "osallistu.staff.sign_in";

async fn discover(cfg: &StaffSignIn) -> Result<Discovery, OidcError> {
    let body = get_text(&discovery_url(&cfg.issuer))
        .await
        .map_err(|_| OidcError::Network)?;
    parse_discovery(&body, &cfg.issuer)
}

fn random(n: usize) -> Result<String, OidcError> {
    crypto::random_bytes(n)
        .map(|b| base64url_encode(&b))
        .ok_or(OidcError::Provider)
}

/// `origin + base_path + path`: where the provider sends the person back.
pub(crate) fn app_url(base_path: &str, path: &str) -> String {
    format!("{}{base_path}{path}", dom::location_origin())
}

/// Leaves for the provider's sign-in page. `return_to` is the app path to show afterwards.
pub(crate) async fn sign_in(
    cfg: &StaffSignIn,
    base_path: &str,
    lang: Lang,
    return_to: &str,
) -> Result<(), OidcError> {
    set_state(StaffState::Working);
    let result = async {
        let discovery = discover(cfg).await?;
        let start = SignInStart {
            verifier: random(32)?,
            state: random(16)?,
            nonce: random(16)?,
            return_to: return_to.to_owned(),
        };
        let digest = crypto::sha256(start.verifier.as_bytes())
            .await
            .ok_or(OidcError::Provider)?;
        let json = serde_json::to_string(&start).map_err(|_| OidcError::Provider)?;
        if !storage::set(Store::Session, STARTED_KEY, &json) {
            return Err(OidcError::Provider);
        }
        let redirect = app_url(base_path, "/staff/callback");
        let url = authorize_url(
            &discovery,
            cfg,
            &redirect,
            &base64url_encode(&digest),
            &start,
            lang.code(),
        );
        navigation::assign_location(&url);
        Ok(())
    }
    .await;
    if let Err(e) = &result {
        set_state(StaffState::Failed(e.clone()));
    }
    result
}

/// Finishes signing in at the callback address: checks that the answer belongs to the sign-in
/// started in this tab, trades the code for tokens and checks the ID token. Gives the path to
/// show next.
pub(crate) async fn complete(
    cfg: &StaffSignIn,
    base_path: &str,
    pairs: &[(String, String)],
) -> Result<String, OidcError> {
    set_state(StaffState::Working);
    let result = finish(cfg, base_path, pairs).await;
    match &result {
        Ok(_) => {}
        Err(e) => set_state(StaffState::Failed(e.clone())),
    }
    result
}

async fn finish(
    cfg: &StaffSignIn,
    base_path: &str,
    pairs: &[(String, String)],
) -> Result<String, OidcError> {
    // One use only: a reload or a second visit of the callback cannot replay it.
    let started: Option<SignInStart> =
        storage::get(Store::Session, STARTED_KEY).and_then(|json| serde_json::from_str(&json).ok());
    storage::remove(Store::Session, STARTED_KEY);
    let started = started.ok_or(OidcError::Rejected)?;
    let (code, iss) = match callback(pairs).ok_or(OidcError::Rejected)? {
        Callback::Error { error, state } if state.as_deref() == Some(&started.state) => {
            return Err(OidcError::Denied(error))
        }
        Callback::Error { .. } => return Err(OidcError::Rejected),
        Callback::Code { code, state, iss } if state == started.state => (code, iss),
        Callback::Code { .. } => return Err(OidcError::Rejected),
    };
    // RFC 9207: when the provider names itself, it must be the one this site trusts.
    if iss.is_some_and(|i| i.trim_end_matches('/') != cfg.issuer) {
        return Err(OidcError::Rejected);
    }
    let discovery = discover(cfg).await?;
    let redirect = app_url(base_path, "/staff/callback");
    let form = code_form(&code, &redirect, &cfg.client_id, &started.verifier);
    let answer = post_form(&discovery.token_endpoint, form)
        .await
        .map_err(|_| OidcError::Network)?;
    let tokens = parse_tokens(answer.status, &answer.body)?;
    let claims = tokens
        .id_token
        .as_deref()
        .and_then(id_token_claims)
        .ok_or(OidcError::Provider)?;
    check_id_token(
        &claims,
        &cfg.issuer,
        &cfg.client_id,
        &started.nonce,
        now_ms() / 1000.0,
    )?;
    session::hold(discovery, cfg.client_id.clone(), tokens);
    set_state(StaffState::SignedIn {
        sub: claims.sub,
        name: claims.name,
    });
    Ok(started.return_to)
}

/// Forgets the tokens here and ends the provider's session too (RP-initiated logout), which
/// comes back to the workspace's front page.
pub(crate) fn sign_out(cfg: &StaffSignIn, base_path: &str) {
    let after = app_url(base_path, "/staff");
    let url = session::discovery()
        .and_then(|d| logout_url(&d, session::id_token().as_deref(), &after, &cfg.client_id));
    session::forget();
    set_state(StaffState::SignedOut);
    if let Some(url) = url {
        navigation::assign_location(&url);
    }
}
