//! The `--staff-*` flags and their `OSALLISTU_STAFF_*` environment variables.

use super::keys::allowed_url;
use super::roles::RoleMap;

/// How staff tokens are checked. No issuer: staff sign-in is off (staff endpoints answer 401).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffConfig {
    /// Allowed issuers, exactly as they write `iss`.
    pub issuers: Vec<String>,
    /// Required in `aud`; needed when there are issuers.
    pub audience: Option<String>,
    /// The claim with the member's roles or groups.
    pub roles_claim: String,
    pub role_map: RoleMap,
    /// Clock skew allowed on `exp` and `nbf`, in seconds (at most 60).
    pub leeway: u64,
    /// Least time between two fetches of an issuer's keys for unknown key ids, in seconds.
    pub jwks_refetch: u64,
}

impl Default for StaffConfig {
    fn default() -> Self {
        StaffConfig {
            issuers: Vec::new(),
            audience: None,
            roles_claim: "roles".to_owned(),
            role_map: RoleMap::default(),
            leeway: 30,
            jwks_refetch: 30,
        }
    }
}

fn list(v: &str) -> impl Iterator<Item = String> + '_ {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn num(v: &str, name: &str) -> Result<u64, String> {
    v.trim()
        .parse()
        .map_err(|_| format!("{name}: not a number: {v:?}"))
}

impl StaffConfig {
    /// Reads the environment (flags come later and win).
    pub fn from_env<E: Fn(&str) -> Option<String>>(env: &E) -> Result<StaffConfig, String> {
        let mut c = StaffConfig::default();
        if let Some(v) = env("OSALLISTU_STAFF_ISSUERS") {
            c.issuers.extend(list(&v));
        }
        if let Some(v) = env("OSALLISTU_STAFF_AUDIENCE") {
            c.audience = Some(v.trim().to_owned()).filter(|a| !a.is_empty());
        }
        if let Some(v) = env("OSALLISTU_STAFF_ROLES_CLAIM") {
            c.roles_claim = v.trim().to_owned();
        }
        if let Some(v) = env("OSALLISTU_STAFF_ROLE_MAP") {
            c.role_map.add(&v)?;
        }
        if let Some(v) = env("OSALLISTU_STAFF_LEEWAY") {
            c.leeway = num(&v, "OSALLISTU_STAFF_LEEWAY")?;
        }
        if let Some(v) = env("OSALLISTU_STAFF_JWKS_REFETCH") {
            c.jwks_refetch = num(&v, "OSALLISTU_STAFF_JWKS_REFETCH")?;
        }
        Ok(c)
    }

    /// One `--staff-*` flag. Repeated `--staff-issuer` and `--staff-role-map` flags add up and
    /// replace what the environment said.
    pub fn flag(
        &mut self,
        flag: &str,
        value: String,
        seen: &mut Vec<String>,
    ) -> Result<(), String> {
        let first = !seen.iter().any(|f| f == flag);
        if first {
            seen.push(flag.to_owned());
        }
        match flag {
            "--staff-issuer" => {
                if first {
                    self.issuers.clear();
                }
                self.issuers.extend(list(&value));
            }
            "--staff-audience" => {
                self.audience = Some(value.trim().to_owned()).filter(|a| !a.is_empty())
            }
            "--staff-roles-claim" => self.roles_claim = value.trim().to_owned(),
            "--staff-role-map" => {
                if first {
                    self.role_map = RoleMap::default();
                }
                self.role_map.add(&value)?;
            }
            "--staff-leeway" => self.leeway = num(&value, flag)?,
            "--staff-jwks-refetch" => self.jwks_refetch = num(&value, flag)?,
            other => return Err(format!("unknown argument: {other}")),
        }
        Ok(())
    }

    /// Checks the whole: issuer URLs, an audience when there are issuers, the limits.
    pub fn check(&self) -> Result<(), String> {
        for i in &self.issuers {
            if !allowed_url(i) {
                return Err(format!(
                    "staff issuer {i:?} must be an https:// URL (http:// only on loopback)"
                ));
            }
        }
        if !self.issuers.is_empty() && self.audience.is_none() {
            return Err("--staff-issuer needs --staff-audience".into());
        }
        if self.leeway > 60 {
            return Err("--staff-leeway must be at most 60 seconds".into());
        }
        if !(1..=3600).contains(&self.jwks_refetch) {
            return Err("--staff-jwks-refetch must be between 1 and 3600 seconds".into());
        }
        if self.roles_claim.is_empty() {
            return Err("--staff-roles-claim must not be empty".into());
        }
        Ok(())
    }

    /// The origins of the issuers, for the CSP's `connect-src` (the app talks to them).
    pub fn origins(&self) -> Vec<String> {
        self.issuers
            .iter()
            .filter_map(|i| crate::web::origin_of(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn env_then_flags() {
        let mut c = StaffConfig::from_env(&env(&[
            (
                "OSALLISTU_STAFF_ISSUERS",
                "https://a.example/realms/x, https://b.example",
            ),
            ("OSALLISTU_STAFF_AUDIENCE", "osallistu"),
            ("OSALLISTU_STAFF_ROLE_MAP", "g1=editor"),
            ("OSALLISTU_STAFF_LEEWAY", "10"),
        ]))
        .unwrap();
        assert_eq!(c.issuers.len(), 2);
        assert_eq!(c.leeway, 10);
        c.check().unwrap();
        let mut seen = Vec::new();
        c.flag("--staff-issuer", "https://c.example".into(), &mut seen)
            .unwrap();
        c.flag("--staff-issuer", "http://127.0.0.1:9/x".into(), &mut seen)
            .unwrap();
        c.flag("--staff-roles-claim", "groups".into(), &mut seen)
            .unwrap();
        assert_eq!(c.issuers, vec!["https://c.example", "http://127.0.0.1:9/x"]);
        assert_eq!(c.roles_claim, "groups");
        c.check().unwrap();
        assert_eq!(c.origins(), vec!["https://c.example", "http://127.0.0.1:9"]);
    }

    #[test]
    fn refuses_unsafe_settings() {
        let bad = |f: fn(&mut StaffConfig)| {
            let mut c = StaffConfig {
                issuers: vec!["https://a.example".into()],
                audience: Some("x".into()),
                ..StaffConfig::default()
            };
            f(&mut c);
            c.check().is_err()
        };
        assert!(!bad(|_| {}));
        assert!(bad(|c| c.issuers = vec!["http://login.example".into()]));
        assert!(bad(|c| c.audience = None));
        assert!(bad(|c| c.leeway = 61));
        assert!(bad(|c| c.jwks_refetch = 0));
        let mut c = StaffConfig::default();
        assert!(c
            .flag("--staff-role-map", "x=boss".into(), &mut Vec::new())
            .is_err());
        assert!(c
            .flag("--staff-leeway", "soon".into(), &mut Vec::new())
            .is_err());
    }
}
