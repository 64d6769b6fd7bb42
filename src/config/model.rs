//! The validated configuration: what the app knows about the municipality it serves.

use crate::domain::{Lang, Localized};

/// Everything the app needs to know about the municipality it serves.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub municipality: Municipality,
    pub languages: Languages,
    pub backends: Backends,
    pub map: MapConfig,
    /// Design token overrides: (`--os-…` custom property, CSS value).
    pub theme: Vec<(String, String)>,
    pub kiosk: Kiosk,
    /// Path prefix the app is served under, without a trailing slash (`""` at the site root).
    pub base_path: String,
    /// Sites (`https://www.example.fi`) that may show the app in an iframe through
    /// `embed.js`: the only origins it talks to with `postMessage`.
    pub embed_origins: Vec<String>,
    pub accessibility: AccessibilityContact,
    /// Staff sign-in (`/staff`); `None` when this site offers none.
    pub staff: Option<StaffSignIn>,
}

impl Config {
    /// Makes relative asset URLs (`logo.svg`) absolute paths under `public_url` (ends in `/`),
    /// so they work from any deep link.
    pub fn resolve_relative_urls(&mut self, public_url: &str) {
        if let Some(logo) = &mut self.municipality.logo {
            if !logo.starts_with('/') && !logo.contains("://") {
                *logo = format!("{public_url}{logo}");
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    pub name: Localized,
    /// Logo image URL, relative to the app or absolute.
    pub logo: Option<String>,
    pub website: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Languages {
    /// Offered languages, in the order the switch shows them. Never empty.
    pub offered: Vec<Lang>,
    /// Used when the user has no remembered or browser preference. Always offered.
    pub default: Lang,
}

/// Which kind of REST backend serves a capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendKind {
    /// The Osallistu REST contract (`api/openapi.yaml`), e.g. the reference server.
    Osallistu,
    /// Kerrokantasi hearings (plans and comments).
    Kerrokantasi,
    /// Linked Events (events and registrations).
    LinkedEvents,
}

impl BackendKind {
    pub fn code(self) -> &'static str {
        match self {
            BackendKind::Osallistu => "osallistu",
            BackendKind::Kerrokantasi => "kerrokantasi",
            BackendKind::LinkedEvents => "linked_events",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Backend {
    pub kind: BackendKind,
    /// Base URL without a trailing slash, absolute (`https://…`) or site-relative (`/api/v1`).
    pub base_url: String,
    /// Where a bearer token for this backend comes from, for backends whose writes need a
    /// signed-in user or a service token (Linked Events sign-ups). `None`: no token (the
    /// reference server uses its own anonymous participant token instead).
    pub auth: Option<Auth>,
}

/// A bearer-token source. The token is kept in memory only (never in storage) and asked for
/// again when it expires or the backend answers 401.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `GET token_url` with the site's cookies answers `{"access_token", "expires_in"}`: the
    /// usual backend-for-frontend endpoint of a municipality's sign-in service.
    TokenUrl(String),
    /// The token is handed over at run time (a sign-in flow or the embedding page, through
    /// `client::auth::set_token`); until then writes are refused as unauthorised.
    Runtime,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Backends {
    pub plans: Backend,
    pub projects: Backend,
    pub events: Backend,
}

/// Coordinate reference system of the map tiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crs {
    /// Web Mercator, what most tile services use.
    WebMercator,
    /// ETRS-TM35FIN, Finland's national grid.
    EtrsTm35Fin,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tiles {
    /// URL template with `{z}`, `{x}`, `{y}` (and optionally `{s}`, `{r}`).
    pub url: String,
    pub attribution: String,
    pub max_zoom: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapConfig {
    /// `None` draws the map without a background (tests, or privacy-minded deployments).
    pub tiles: Option<Tiles>,
    pub crs: Crs,
    /// Initial centre as (latitude, longitude).
    pub center: (f64, f64),
    pub zoom: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Kiosk {
    /// A shared public terminal: nothing is remembered, the app resets itself when idle.
    pub enabled: bool,
    pub idle_reset_seconds: u32,
}

/// Staff sign in through the municipality's OpenID Connect provider: authorization code with
/// PKCE, a public client (no secret), tokens in memory only (docs/staff-sign-in.md).
#[derive(Clone, Debug, PartialEq)]
pub struct StaffSignIn {
    /// The provider's issuer, exactly as its tokens name it, without a trailing slash.
    pub issuer: String,
    pub client_id: String,
    /// Scopes asked for; `openid` is always the first.
    pub scopes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AccessibilityContact {
    /// Where users send accessibility feedback (required by Act 306/2019).
    pub feedback_email: String,
    pub feedback_url: Option<String>,
    /// ISO date (YYYY-MM-DD) the accessibility statement was last reviewed.
    pub statement_updated: String,
}

/// A capability whose backend is chosen in `config.json` (`backends.<capability>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capability {
    /// Zoning plans and their comments.
    Plans,
    /// Projects and following.
    Projects,
    /// Events and registrations.
    Events,
}

impl Backends {
    /// The backend configured for `capability`.
    pub fn get(&self, capability: Capability) -> &Backend {
        match capability {
            Capability::Plans => &self.plans,
            Capability::Projects => &self.projects,
            Capability::Events => &self.events,
        }
    }
}
