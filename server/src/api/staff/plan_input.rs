//! The body of `POST /staff/plans` and `PUT /staff/plans/{id}`, checked field by field.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::fields::{contact, instant, localized, one_of, sanitize, ContactIn, Localized};
use crate::db::plans::staff::PlanWrite;
use crate::domain::PHASES;
use crate::error::{ApiError, FieldError};

pub const COMMENTING: &[&str] = &["anyone", "signed_in", "strong", "nobody"];
pub const MAP_TOOLS: &[&str] = &["none", "point", "all"];
const MAX_CONTACTS: usize = 20;
const MAX_DESCRIPTION: usize = 20_000;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PeriodIn {
    opens_at: Option<String>,
    closes_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanIn {
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    title: Option<Localized>,
    #[serde(default)]
    summary: Option<Localized>,
    #[serde(default)]
    description: Option<Localized>,
    #[serde(default)]
    area_name: Option<Localized>,
    #[serde(default)]
    phase: Option<String>,
    #[serde(default)]
    comment_period: Option<PeriodIn>,
    #[serde(default)]
    geometry: Option<Value>,
    #[serde(default)]
    contacts: Vec<ContactIn>,
    #[serde(default)]
    commenting: Option<String>,
    #[serde(default)]
    map_tools: Option<String>,
}

/// Checks every field; a 422 problem names each one that is wrong.
pub fn check(body: PlanIn) -> Result<PlanWrite, ApiError> {
    let mut errors = Vec::new();
    if let Some(slug) = &body.slug {
        let ok = (1..=80).contains(&slug.len())
            && slug.split('-').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !ok {
            errors.push(FieldError::new(
                "/slug",
                "invalid",
                "lower-case letters a–z, digits and single hyphens, at most 80",
            ));
        }
    }
    let title = localized(body.title.as_ref(), "/title", 200, false, true, &mut errors);
    let summary = localized(
        body.summary.as_ref(),
        "/summary",
        1000,
        true,
        true,
        &mut errors,
    );
    let area_name = localized(
        body.area_name.as_ref(),
        "/area_name",
        200,
        false,
        true,
        &mut errors,
    );
    let mut description = Map::new();
    if let Some(d) = &body.description {
        for (lang, text) in [("fi", &d.fi), ("sv", &d.sv), ("en", &d.en)] {
            match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) if t.chars().count() > MAX_DESCRIPTION => errors.push(FieldError::new(
                    format!("/description/{lang}"),
                    "too_long",
                    format!("must have at most {MAX_DESCRIPTION} characters"),
                )),
                Some(t) => {
                    description.insert(lang.to_owned(), Value::String(sanitize(t)));
                }
                None => {}
            }
        }
    }
    let phase = one_of(body.phase.as_deref(), "/phase", PHASES, None, &mut errors);
    let period = body.comment_period.unwrap_or_default();
    let opens = instant(
        period.opens_at.as_deref(),
        "/comment_period/opens_at",
        &mut errors,
    );
    let closes = instant(
        period.closes_at.as_deref(),
        "/comment_period/closes_at",
        &mut errors,
    );
    if let (Some(o), Some(c)) = (opens, closes) {
        if c <= o {
            errors.push(FieldError::new(
                "/comment_period/closes_at",
                "closes_before_opens",
                "the comment period must close after it opens",
            ));
        }
    }
    let area = match &body.geometry {
        None | Some(Value::Null) => {
            errors.push(FieldError::new(
                "/geometry",
                "required",
                "the plan's area is required",
            ));
            None
        }
        Some(g) => crate::area::validate(g, "/geometry")
            .map_err(|e| errors.push(e))
            .ok()
            .map(|b| (g.to_string(), b)),
    };
    if body.contacts.len() > MAX_CONTACTS {
        errors.push(FieldError::new(
            "/contacts",
            "too_many",
            format!("at most {MAX_CONTACTS} contacts"),
        ));
    }
    let contacts = body
        .contacts
        .iter()
        .take(MAX_CONTACTS)
        .enumerate()
        .map(|(i, c)| contact(c, &format!("/contacts/{i}"), &mut errors))
        .collect();
    let commenting = one_of(
        body.commenting.as_deref(),
        "/commenting",
        COMMENTING,
        Some("anyone"),
        &mut errors,
    );
    let map_tools = one_of(
        body.map_tools.as_deref(),
        "/map_tools",
        MAP_TOOLS,
        Some("all"),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (geometry, bbox) = area.expect("checked");
    Ok(PlanWrite {
        slug: body.slug,
        title,
        summary,
        description: Value::Object(description).to_string(),
        area_name,
        phase,
        opens: opens.unwrap_or_default(),
        closes: closes.unwrap_or_default(),
        geometry,
        bbox,
        contacts,
        commenting,
        map_tools,
    })
}
