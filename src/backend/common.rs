//! Small conversions every adapter needs, each failing with [`BackendError::Decode`].

use super::{geojson, BackendError};
use crate::domain::{Date, EventTime, Geometry, Localized, Timestamp};
use serde::Deserialize;
use serde_json::Value;

/// A translated text on the wire, `{"fi": …, "sv": …, "en": …}`, in the shape all three backends
/// share; any language may be missing (`{}` is possible).
#[derive(Deserialize, Default)]
pub(crate) struct TranslatedW {
    #[serde(default)]
    pub(crate) fi: Option<String>,
    #[serde(default)]
    pub(crate) sv: Option<String>,
    #[serde(default)]
    pub(crate) en: Option<String>,
}

impl From<TranslatedW> for Localized {
    fn from(w: TranslatedW) -> Self {
        Localized::new(w.fi, w.sv, w.en)
    }
}

/// A decode error naming what was wrong.
pub(crate) fn bad(detail: impl std::fmt::Display) -> BackendError {
    BackendError::Decode {
        detail: detail.to_string(),
    }
}

/// An RFC 3339 instant.
pub(crate) fn timestamp(s: &str) -> Result<Timestamp, BackendError> {
    Timestamp::parse(s).map_err(bad)
}

/// An optional RFC 3339 instant.
pub(crate) fn opt_timestamp(s: Option<&str>) -> Result<Option<Timestamp>, BackendError> {
    s.map(timestamp).transpose()
}

/// A `YYYY-MM-DD` date.
pub(crate) fn date(s: &str) -> Result<Date, BackendError> {
    Date::parse(s).map_err(bad)
}

/// A date-only or date-time event time.
pub(crate) fn event_time(s: &str) -> Result<EventTime, BackendError> {
    EventTime::parse(s).map_err(bad)
}

/// GeoJSON in any of its forms, or `None` for null.
pub(crate) fn geometry(v: &Value) -> Result<Option<Geometry>, BackendError> {
    geojson::parse(v).map_err(|e| bad(format!("geometry: {e}")))
}

/// Writes an optional text as a query value only when it is not blank.
pub(crate) fn text_param(key: &str, text: &Option<String>) -> Option<(String, String)> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| (key.to_string(), t.to_string()))
}
