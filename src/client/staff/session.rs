//! The signed-in session: tokens in this page's memory only (never in storage, so a reload, a
//! closed tab or a kiosk reset forgets them) and renewed by refresh-token rotation before
//! the access token expires.

use crate::backend::http::post_form;
use crate::backend::oidc::{parse_tokens, refresh_form, Discovery, OidcError, Tokens};
use crate::web::clock::{now_ms, Timer};
use leptos::prelude::*;
use std::cell::RefCell;

/// Renewal starts this long before the access token expires.
const EARLY_MS: f64 = 60_000.0;
/// A renewal that did not reach the provider is tried again after this long.
const RETRY_MS: f64 = 15_000.0;

/// Where staff sign-in stands, for the workspace to show.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum StaffState {
    SignedOut,
    /// On the way to the provider or back.
    Working,
    SignedIn {
        sub: String,
        name: Option<String>,
    },
    /// The session ended (expired, renewal refused, signed out elsewhere): sign in again;
    /// anything being edited stays on the page and in its draft.
    Ended,
    /// Signing in did not work.
    Failed(OidcError),
}

pub(super) struct Held {
    pub(super) discovery: Discovery,
    pub(super) client_id: String,
    pub(super) access_token: String,
    pub(super) refresh_token: Option<String>,
    pub(super) id_token: Option<String>,
    /// Milliseconds since the epoch.
    pub(super) expires_at: f64,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
    static RENEWAL: RefCell<Option<Timer>> = const { RefCell::new(None) };
    static STATE: ArcRwSignal<StaffState> = ArcRwSignal::new(StaffState::SignedOut);
}

/// The session's state, shared by every staff page of this document.
pub(crate) fn staff_state() -> ArcRwSignal<StaffState> {
    STATE.with(Clone::clone)
}

pub(super) fn set_state(state: StaffState) {
    staff_state().set(state);
}

/// The access token while it is valid.
pub(crate) fn access_token() -> Option<String> {
    HELD.with(|h| {
        h.borrow()
            .as_ref()
            .filter(|h| h.expires_at > now_ms())
            .map(|h| h.access_token.clone())
    })
}

pub(super) fn id_token() -> Option<String> {
    HELD.with(|h| h.borrow().as_ref().and_then(|h| h.id_token.clone()))
}

pub(super) fn discovery() -> Option<Discovery> {
    HELD.with(|h| h.borrow().as_ref().map(|h| h.discovery.clone()))
}

/// Keeps fresh tokens (a rotated refresh token replaces the old one) and plans the renewal.
pub(super) fn hold(discovery: Discovery, client_id: String, tokens: Tokens) {
    let lifetime_ms = tokens.expires_in.unwrap_or(300.0) * 1000.0;
    let expires_at = now_ms() + lifetime_ms;
    HELD.with(|h| {
        let mut h = h.borrow_mut();
        let old = h.take();
        *h = Some(Held {
            discovery,
            client_id,
            access_token: tokens.access_token,
            refresh_token: tokens
                .refresh_token
                .or_else(|| old.as_ref().and_then(|o| o.refresh_token.clone())),
            id_token: tokens
                .id_token
                .or_else(|| old.as_ref().and_then(|o| o.id_token.clone())),
            expires_at,
        });
    });
    schedule((lifetime_ms - EARLY_MS).max(lifetime_ms / 2.0));
}

/// Forgets every token and the planned renewal.
pub(super) fn forget() {
    HELD.with(|h| h.borrow_mut().take());
    RENEWAL.with(|r| r.borrow_mut().take());
}

fn schedule(in_ms: f64) {
    let timer = Timer::once(in_ms as i32, || leptos::task::spawn_local(renew()));
    RENEWAL.with(|r| *r.borrow_mut() = timer);
}

/// Renews the tokens with the refresh token. Refused: the session has ended. Not reached: try
/// again shortly while the access token still holds.
async fn renew() {
    let Some((endpoint, form, expires_at)) = HELD.with(|h| {
        let h = h.borrow();
        let h = h.as_ref()?;
        let refresh = h.refresh_token.as_deref()?;
        Some((
            h.discovery.token_endpoint.clone(),
            refresh_form(refresh, &h.client_id),
            h.expires_at,
        ))
    }) else {
        end();
        return;
    };
    let answer = post_form(&endpoint, form).await;
    match answer.map(|r| parse_tokens(r.status, &r.body)) {
        Ok(Ok(tokens)) => {
            // Signed out while the renewal was on its way: nothing to keep.
            let held = HELD.with(|h| {
                let h = h.borrow();
                h.as_ref()
                    .map(|h| (h.discovery.clone(), h.client_id.clone()))
            });
            if let Some((discovery, client_id)) = held {
                hold(discovery, client_id, tokens);
            }
        }
        Ok(Err(OidcError::Provider)) | Err(_) if expires_at - now_ms() > RETRY_MS => {
            schedule(RETRY_MS)
        }
        _ => end(),
    }
}

fn end() {
    forget();
    set_state(StaffState::Ended);
}

/// The API refused the access token (401): renew once; if that is refused too, the session
/// has ended.
pub(crate) async fn unauthorized() -> bool {
    let before = access_token();
    renew().await;
    access_token().is_some() && access_token() != before
}
