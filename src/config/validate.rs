use super::error::ConfigError;
use super::model::*;
use super::wire::{self, ConfigWire};
use crate::domain::{Lang, Localized};

const DEFAULT_CENTER: (f64, f64) = (60.1699, 24.9384);
const DEFAULT_IDLE_RESET_SECONDS: u32 = 120;
/// Shortest kiosk idle time: seconds, not minutes (tests use it; a library would not).
const MIN_IDLE_RESET_SECONDS: u32 = 10;

/// Parses and validates the text of `config.json`.
pub fn parse(text: &str) -> Result<Config, ConfigError> {
    let wire: ConfigWire = serde_json::from_str(text).map_err(|e| {
        let missing = e.is_data() && e.to_string().starts_with("missing field");
        let path = super::json_path::path_at(text, e.line(), e.column(), missing);
        ConfigError::from_serde(&path, &e)
    })?;
    validate(wire)
}

fn validate(w: ConfigWire) -> Result<Config, ConfigError> {
    let name = localized(w.municipality.name);
    if name.is_empty() {
        return Err(ConfigError::Missing {
            field: "municipality.name".into(),
        });
    }
    let logo = w
        .municipality
        .logo
        .map(|u| url("municipality.logo", u))
        .transpose()?;
    let website = w
        .municipality
        .website
        .map(|u| url("municipality.website", u))
        .transpose()?;
    Ok(Config {
        municipality: Municipality {
            name,
            logo,
            website,
        },
        languages: languages(w.languages)?,
        backends: Backends {
            plans: backend(
                "backends.plans",
                w.backends.plans,
                &[BackendKind::Osallistu, BackendKind::Kerrokantasi],
            )?,
            projects: backend(
                "backends.projects",
                w.backends.projects,
                &[BackendKind::Osallistu],
            )?,
            events: backend(
                "backends.events",
                w.backends.events,
                &[BackendKind::Osallistu, BackendKind::LinkedEvents],
            )?,
        },
        map: map(w.map)?,
        theme: theme(w.theme)?,
        kiosk: kiosk(w.kiosk)?,
        base_path: base_path(w.base_path)?,
        embed_origins: embed_origins(w.embed)?,
        accessibility: accessibility(w.accessibility)?,
    })
}

/// Each allowed embedding site must be exactly an origin: `https://host[:port]`, no path.
fn embed_origins(w: Option<wire::EmbedWire>) -> Result<Vec<String>, ConfigError> {
    let Some(w) = w else {
        return Ok(Vec::new());
    };
    w.allowed_origins
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let field = format!("embed.allowed_origins[{i}]");
            let rest = o
                .strip_prefix("https://")
                .or_else(|| o.strip_prefix("http://"));
            let ok = rest.is_some_and(|host| {
                !host.is_empty()
                    && host.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')
                    })
            });
            if ok {
                Ok(o.to_ascii_lowercase())
            } else {
                Err(ConfigError::invalid(
                    &field,
                    format!("not an origin like https://www.example.fi: {o:?}"),
                ))
            }
        })
        .collect()
}

fn localized(w: wire::LocalizedWire) -> Localized {
    Localized::new(w.fi, w.sv, w.en)
}

fn url(field: &str, value: String) -> Result<String, ConfigError> {
    let v = value.trim();
    let ok = v.starts_with("https://")
        || v.starts_with("http://")
        || (v.starts_with('/') && !v.starts_with("//"))
        || (!v.is_empty() && !v.contains(':') && !v.starts_with("//"));
    if ok && !v.chars().any(char::is_whitespace) {
        Ok(v.to_owned())
    } else {
        Err(ConfigError::invalid(
            field,
            format!("not an http(s) or relative URL: {value:?}"),
        ))
    }
}

fn languages(w: wire::LanguagesWire) -> Result<Languages, ConfigError> {
    let mut offered = Vec::new();
    for (i, code) in w.offered.iter().enumerate() {
        let lang = Lang::from_code(code)
            .filter(|l| l.code() == code)
            .ok_or_else(|| {
                ConfigError::invalid(
                    &format!("languages.offered[{i}]"),
                    format!("{code:?} is not one of fi, sv, en"),
                )
            })?;
        if !offered.contains(&lang) {
            offered.push(lang);
        }
    }
    if offered.is_empty() {
        return Err(ConfigError::invalid(
            "languages.offered",
            "at least one language is needed",
        ));
    }
    let default = Lang::from_code(&w.default)
        .filter(|l| l.code() == w.default && offered.contains(l))
        .ok_or_else(|| {
            ConfigError::invalid(
                "languages.default",
                format!("{:?} is not among languages.offered", w.default),
            )
        })?;
    Ok(Languages { offered, default })
}

fn backend(
    field: &str,
    w: wire::BackendWire,
    allowed: &[BackendKind],
) -> Result<Backend, ConfigError> {
    let kind = [
        BackendKind::Osallistu,
        BackendKind::Kerrokantasi,
        BackendKind::LinkedEvents,
    ]
    .into_iter()
    .find(|k| k.code() == w.kind)
    .filter(|k| allowed.contains(k))
    .ok_or_else(|| {
        let names: Vec<_> = allowed.iter().map(|k| k.code()).collect();
        ConfigError::invalid(
            &format!("{field}.kind"),
            format!(
                "unknown backend kind {:?}; expected one of {}",
                w.kind,
                names.join(", ")
            ),
        )
    })?;
    let base_url = url(&format!("{field}.base_url"), w.base_url)?
        .trim_end_matches('/')
        .to_owned();
    let auth = match w.auth {
        None => None,
        Some(wire::AuthWire { token_url: None }) => Some(Auth::Runtime),
        Some(wire::AuthWire { token_url: Some(t) }) => {
            Some(Auth::TokenUrl(url(&format!("{field}.auth.token_url"), t)?))
        }
    };
    Ok(Backend {
        kind,
        base_url,
        auth,
    })
}

fn map(w: Option<wire::MapWire>) -> Result<MapConfig, ConfigError> {
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

fn theme(
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

fn kiosk(w: Option<wire::KioskWire>) -> Result<Kiosk, ConfigError> {
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

fn base_path(w: Option<String>) -> Result<String, ConfigError> {
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

fn accessibility(w: wire::AccessibilityWire) -> Result<AccessibilityContact, ConfigError> {
    let email = w.feedback_email.trim();
    let at = email.find('@');
    if !matches!(at, Some(i) if i > 0 && i + 1 < email.len()) || email.contains(char::is_whitespace)
    {
        return Err(ConfigError::invalid(
            "accessibility.feedback_email",
            "not an e-mail address",
        ));
    }
    let date = w.statement_updated.trim();
    let bytes = date.as_bytes();
    let is_date = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !is_date {
        return Err(ConfigError::invalid(
            "accessibility.statement_updated",
            "expected a date YYYY-MM-DD",
        ));
    }
    Ok(AccessibilityContact {
        feedback_email: email.to_owned(),
        feedback_url: w
            .feedback_url
            .map(|u| url("accessibility.feedback_url", u))
            .transpose()?,
        statement_updated: date.to_owned(),
    })
}
