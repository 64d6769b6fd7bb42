//! Values that several settings share: addresses and translated names.

use crate::config::error::ConfigError;
use crate::config::wire;
use crate::domain::Localized;

pub(super) fn url(field: &str, value: String) -> Result<String, ConfigError> {
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

pub(super) fn localized(w: wire::LocalizedWire) -> Localized {
    Localized::new(w.fi, w.sv, w.en)
}
