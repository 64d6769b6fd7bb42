//! The JSON shape of `config.json`, exactly as written by a municipality's web team.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigWire {
    pub municipality: MunicipalityWire,
    pub languages: LanguagesWire,
    pub backends: BackendsWire,
    #[serde(default)]
    pub map: Option<MapWire>,
    #[serde(default)]
    pub theme: BTreeMap<String, String>,
    #[serde(default)]
    pub kiosk: Option<KioskWire>,
    #[serde(default)]
    pub base_path: Option<String>,
    #[serde(default)]
    pub embed: Option<EmbedWire>,
    pub accessibility: AccessibilityWire,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedWire {
    pub allowed_origins: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedWire {
    pub fi: Option<String>,
    pub sv: Option<String>,
    pub en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityWire {
    pub name: LocalizedWire,
    pub logo: Option<String>,
    pub website: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagesWire {
    pub offered: Vec<String>,
    pub default: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackendsWire {
    pub plans: BackendWire,
    pub projects: BackendWire,
    pub events: BackendWire,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackendWire {
    pub kind: String,
    pub base_url: String,
    pub auth: Option<AuthWire>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthWire {
    pub token_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapWire {
    pub tiles: Option<TilesWire>,
    pub crs: Option<String>,
    pub center: Option<[f64; 2]>,
    pub zoom: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TilesWire {
    pub url: String,
    pub attribution: String,
    pub max_zoom: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskWire {
    pub enabled: bool,
    pub idle_reset_seconds: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityWire {
    pub feedback_email: String,
    pub feedback_url: Option<String>,
    pub statement_updated: String,
}
