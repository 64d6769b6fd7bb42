//! The JSON shape of `config.json`, exactly as written by a municipality's web team.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConfigWire {
    pub(crate) municipality: MunicipalityWire,
    pub(crate) languages: LanguagesWire,
    pub(crate) backends: BackendsWire,
    #[serde(default)]
    pub(crate) map: Option<MapWire>,
    #[serde(default)]
    pub(crate) theme: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) kiosk: Option<KioskWire>,
    #[serde(default)]
    pub(crate) base_path: Option<String>,
    #[serde(default)]
    pub(crate) embed: Option<EmbedWire>,
    pub(crate) accessibility: AccessibilityWire,
    #[serde(default)]
    pub(crate) staff: Option<StaffWire>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StaffWire {
    pub(crate) issuer: String,
    pub(crate) client_id: String,
    #[serde(default)]
    pub(crate) scopes: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EmbedWire {
    pub(crate) allowed_origins: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LocalizedWire {
    pub(crate) fi: Option<String>,
    pub(crate) sv: Option<String>,
    pub(crate) en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MunicipalityWire {
    pub(crate) name: LocalizedWire,
    pub(crate) logo: Option<String>,
    pub(crate) website: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguagesWire {
    pub(crate) offered: Vec<String>,
    pub(crate) default: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BackendsWire {
    pub(crate) plans: BackendWire,
    pub(crate) projects: BackendWire,
    pub(crate) events: BackendWire,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BackendWire {
    pub(crate) kind: String,
    pub(crate) base_url: String,
    pub(crate) auth: Option<AuthWire>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AuthWire {
    pub(crate) token_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MapWire {
    pub(crate) tiles: Option<TilesWire>,
    pub(crate) crs: Option<String>,
    pub(crate) center: Option<[f64; 2]>,
    pub(crate) zoom: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TilesWire {
    pub(crate) url: String,
    pub(crate) attribution: String,
    pub(crate) max_zoom: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KioskWire {
    pub(crate) enabled: bool,
    pub(crate) idle_reset_seconds: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccessibilityWire {
    pub(crate) feedback_email: String,
    pub(crate) feedback_url: Option<String>,
    pub(crate) statement_updated: String,
}
