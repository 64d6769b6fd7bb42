//! Checks shared by the staff forms: texts per language, choices, instants, contacts, and the
//! cleaning of rich text.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::db::plans::staff::ContactWrite;
use crate::error::FieldError;
use crate::time::parse_ts;
use crate::validate::{optional_text, plain_text};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub fi: Option<String>,
    pub sv: Option<String>,
    pub en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactIn {
    name: Option<String>,
    #[serde(default)]
    role: Localized,
    #[serde(default)]
    organization: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
}

/// Cleans rich text: paragraphs, line breaks, emphasis, lists, level 2–3 headings, quotes and
/// links (http, https, mailto, tel; opened without referrer). Everything else is removed.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::empty()
        .add_tags([
            "p",
            "br",
            "strong",
            "em",
            "ul",
            "ol",
            "li",
            "h2",
            "h3",
            "blockquote",
            "a",
        ])
        .add_tag_attributes("a", ["href"])
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .clean(html)
        .to_string()
}

/// Texts per language as stored: `fi` required when `required`; blank languages are left out.
pub fn localized(
    v: Option<&Localized>,
    ptr: &str,
    max: usize,
    multiline: bool,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let empty = Localized::default();
    let v = v.unwrap_or(&empty);
    let mut out = Map::new();
    for (lang, text) in [("fi", &v.fi), ("sv", &v.sv), ("en", &v.en)] {
        let p = format!("{ptr}/{lang}");
        let checked = if required && lang == "fi" {
            plain_text(text.as_deref().unwrap_or(""), &p, 1, max, multiline).map(Some)
        } else {
            optional_text(text.as_deref(), &p, max, multiline)
        };
        match checked {
            Ok(Some(t)) => {
                out.insert(lang.to_owned(), Value::String(t));
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    Value::Object(out).to_string()
}

pub fn one_of(
    v: Option<&str>,
    ptr: &str,
    allowed: &[&str],
    default: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> String {
    match v.or(default) {
        Some(s) if allowed.contains(&s) => s.to_owned(),
        Some(_) => {
            errors.push(FieldError::new(
                ptr,
                "invalid",
                format!("must be one of {}", allowed.join(", ")),
            ));
            String::new()
        }
        None => {
            errors.push(FieldError::new(ptr, "required", "is required"));
            String::new()
        }
    }
}

pub fn instant(v: Option<&str>, ptr: &str, errors: &mut Vec<FieldError>) -> Option<i64> {
    match v {
        None => errors.push(FieldError::new(ptr, "required", "is required")),
        Some(s) => match parse_ts(s) {
            Some(t) => return Some(t),
            None => errors.push(FieldError::new(
                ptr,
                "invalid",
                "must be an RFC 3339 date-time",
            )),
        },
    }
    None
}

pub fn contact(c: &ContactIn, ptr: &str, errors: &mut Vec<FieldError>) -> ContactWrite {
    let mut ok =
        |r: Result<Option<String>, FieldError>| r.map_err(|e| errors.push(e)).ok().flatten();
    let name = ok(plain_text(
        c.name.as_deref().unwrap_or(""),
        &format!("{ptr}/name"),
        1,
        120,
        false,
    )
    .map(Some));
    let organization = ok(optional_text(
        c.organization.as_deref(),
        &format!("{ptr}/organization"),
        120,
        false,
    ));
    let email = ok(optional_text(
        c.email.as_deref(),
        &format!("{ptr}/email"),
        254,
        false,
    ));
    let phone = ok(optional_text(
        c.phone.as_deref(),
        &format!("{ptr}/phone"),
        40,
        false,
    ));
    if email
        .as_deref()
        .is_some_and(|e| !e.contains('@') || e.contains(' '))
    {
        errors.push(FieldError::new(
            format!("{ptr}/email"),
            "invalid",
            "must be an e-mail address",
        ));
    }
    let role = localized(
        Some(&c.role),
        &format!("{ptr}/role"),
        120,
        false,
        false,
        errors,
    );
    ContactWrite {
        name: name.unwrap_or_default(),
        role,
        organization: organization.unwrap_or_default(),
        email,
        phone,
    }
}
