mod page;
mod staff;
mod values;

use super::error::ConfigError;
use super::model::*;
use super::wire::{self, ConfigWire};
use crate::domain::Lang;
use page::{base_path, kiosk, map, theme};
use values::{localized, url};

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
        staff: w.staff.map(staff::staff).transpose()?,
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
