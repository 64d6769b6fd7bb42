//! The settings of how the app looks and behaves on the page: map, theme, kiosk, base path.

use super::values::url;
use crate::config::error::ConfigError;
use crate::config::model::*;
use crate::config::wire;

const DEFAULT_CENTER: (f64, f64) = (60.1699, 24.9384);
const DEFAULT_IDLE_RESET_SECONDS: u32 = 120;
/// Shortest kiosk idle time: seconds, not minutes (tests use it; a library would not).
const MIN_IDLE_RESET_SECONDS: u32 = 10;

pub(super) fn map(w: Option<wire::MapWire>) -> Result<MapConfig, ConfigError> {
    let Some(w) = w else {
        return Ok(MapConfig {
            tiles: None,
            crs: Crs::WebMercator,
            center: DEFAULT_CENTER,
            zoom: 12,
        });
    };
    let tiles = match w.tiles {
        None => None,
        Some(t) => {
            let u = url("map.tiles.url", t.url)?;
            if !["{z}", "{x}", "{y}"].iter().all(|p| u.contains(p)) {
                return Err(ConfigError::invalid(
                    "map.tiles.url",
                    "the template needs {z}, {x} and {y}",
                ));
            }
            if t.max_zoom > 22 {
                return Err(ConfigError::invalid("map.tiles.max_zoom", "must be 0–22"));
            }
            if t.attribution.trim().is_empty() {
                return Err(ConfigError::Missing {
                    field: "map.tiles.attribution".into(),
                });
            }
            Some(Tiles {
                url: u,
                attribution: t.attribution,
                max_zoom: t.max_zoom,
            })
        }
    };
    let crs = match w.crs.as_deref() {
        None | Some("EPSG:3857") => Crs::WebMercator,
        Some("EPSG:3067") => Crs::EtrsTm35Fin,
        Some(other) => {
            return Err(ConfigError::invalid(
                "map.crs",
                format!("{other:?}: expected EPSG:3857 or EPSG:3067"),
            ))
        }
    };
    let center = match w.center {
        None => DEFAULT_CENTER,
        Some([lat, lng]) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng) => {
            (lat, lng)
        }
        Some(_) => {
            return Err(ConfigError::invalid(
                "map.center",
                "expected [latitude, longitude] in degrees",
            ))
        }
    };
    let zoom = w.zoom.unwrap_or(12);
    if zoom > 22 {
        return Err(ConfigError::invalid("map.zoom", "must be 0–22"));
    }
    Ok(MapConfig {
        tiles,
        crs,
        center,
        zoom,
    })
}

pub(super) fn theme(
    w: std::collections::BTreeMap<String, String>,
) -> Result<Vec<(String, String)>, ConfigError> {
    w.into_iter()
        .map(|(name, value)| {
            let field = format!("theme.{name}");
            if !name.starts_with(|c: char| c.is_ascii_lowercase())
                || !name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(ConfigError::invalid(
                    &field,
                    "token names use a-z, 0-9 and '-' (without the --os- prefix)",
                ));
            }
            if value.is_empty()
                || value.len() > 200
                || value.contains([';', '{', '}', '<', '>', '\\'])
                || value.contains("url(")
            {
                return Err(ConfigError::invalid(&field, "not an acceptable CSS value"));
            }
            Ok((format!("--os-{name}"), value))
        })
        .collect()
}

pub(super) fn kiosk(w: Option<wire::KioskWire>) -> Result<Kiosk, ConfigError> {
    let Some(w) = w else {
        return Ok(Kiosk {
            enabled: false,
            idle_reset_seconds: DEFAULT_IDLE_RESET_SECONDS,
        });
    };
    let idle = w.idle_reset_seconds.unwrap_or(DEFAULT_IDLE_RESET_SECONDS);
    if !(MIN_IDLE_RESET_SECONDS..=3600).contains(&idle) {
        return Err(ConfigError::invalid(
            "kiosk.idle_reset_seconds",
            "must be 10–3600",
        ));
    }
    Ok(Kiosk {
        enabled: w.enabled,
        idle_reset_seconds: idle,
    })
}

pub(super) fn base_path(w: Option<String>) -> Result<String, ConfigError> {
    let raw = w.unwrap_or_default();
    let trimmed = raw.trim_end_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let ok = trimmed.starts_with('/')
        && !trimmed.starts_with("//")
        && trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.~".contains(c));
    if ok {
        Ok(trimmed.to_owned())
    } else {
        Err(ConfigError::invalid(
            "base_path",
            format!("{raw:?}: expected a path such as /osallistu"),
        ))
    }
}
