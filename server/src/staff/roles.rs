//! Osallistu's staff roles, and how the values of a token's roles claim become roles.
//!
//! `--staff-role-map "osallistu-editors=editor,kaavoitus-vastaajat=responder@Kaavoitus"` maps
//! claim values to roles, optionally within one organisation unit. Without a map, claim values
//! that already read as roles (`editor`, `editor@Kaavoitus`) are taken as they are; with a map,
//! only mapped values count. Unknown values are ignored. `admin` implies every other role.

use serde::Serialize;
use serde_json::Value;

/// What a member of staff may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including the audit log.
    Admin,
    /// Creates, edits, publishes and archives plans, projects and events.
    Editor,
    /// Hides and restores comments.
    Moderator,
    /// Answers comments on behalf of the city.
    Responder,
    /// Manages event registrations.
    Coordinator,
    /// Reads reports and exports.
    Analyst,
}

pub const ROLES: &[Role] = &[
    Role::Admin,
    Role::Editor,
    Role::Moderator,
    Role::Responder,
    Role::Coordinator,
    Role::Analyst,
];

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Moderator => "moderator",
            Role::Responder => "responder",
            Role::Coordinator => "coordinator",
            Role::Analyst => "analyst",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        ROLES.iter().copied().find(|r| r.name() == s)
    }
}

/// A role, in every unit (`unit` is `None`) or in one organisation unit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Grant {
    pub role: Role,
    pub unit: Option<String>,
}

impl Grant {
    /// `role` or `role@Unit`; `None` when the role is unknown or the unit is blank.
    pub fn parse(s: &str) -> Option<Grant> {
        let (role, unit) = match s.split_once('@') {
            Some((r, u)) if !u.trim().is_empty() => (r, Some(u.trim().to_owned())),
            Some(_) => return None,
            None => (s, None),
        };
        Some(Grant {
            role: Role::parse(role.trim())?,
            unit,
        })
    }
}

/// Claim values to grants. Empty: the identity map (values that read as grants).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleMap {
    entries: Vec<(String, Grant)>,
}

impl RoleMap {
    /// Adds `value=role[@Unit]` entries, comma-separated; a value may map to several roles.
    pub fn add(&mut self, list: &str) -> Result<(), String> {
        for entry in list.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (value, grant) = entry
                .rsplit_once('=')
                .ok_or_else(|| format!("staff role map entry {entry:?} is not VALUE=ROLE"))?;
            let value = value.trim();
            let grant =
                Grant::parse(grant.trim()).ok_or_else(|| {
                    format!(
                    "staff role map entry {entry:?}: the role must be one of {} (optionally @UNIT)",
                    ROLES.iter().map(|r| r.name()).collect::<Vec<_>>().join(", ")
                )
                })?;
            if value.is_empty() {
                return Err(format!("staff role map entry {entry:?} has no claim value"));
            }
            self.entries.push((value.to_owned(), grant));
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The grants that the claim values give, sorted, without repeats.
    pub fn grants<'a>(&self, values: impl IntoIterator<Item = &'a str>) -> Vec<Grant> {
        let mut out = Vec::new();
        for v in values {
            if self.entries.is_empty() {
                out.extend(Grant::parse(v));
            } else {
                out.extend(
                    self.entries
                        .iter()
                        .filter(|(value, _)| value == v)
                        .map(|(_, g)| g.clone()),
                );
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// The string values of claim `name`: a string or an array of strings. A name with dots that
/// is not itself a claim is a path into nested objects (`realm_access.roles`).
pub fn claim_values<'a>(claims: &'a serde_json::Map<String, Value>, name: &str) -> Vec<&'a str> {
    let mut found = claims.get(name);
    if found.is_none() && name.contains('.') {
        let mut parts = name.split('.');
        let first = parts.next().and_then(|p| claims.get(p));
        found = parts.try_fold(first, |v, p| Some(v?.get(p))).flatten();
    }
    match found {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn g(role: Role, unit: Option<&str>) -> Grant {
        Grant {
            role,
            unit: unit.map(str::to_owned),
        }
    }

    #[test]
    fn identity_map_reads_role_names() {
        let m = RoleMap::default();
        assert_eq!(
            m.grants(["editor", "responder@Kaavoitus", "staff", "editor@", "Admin"]),
            vec![g(Role::Editor, None), g(Role::Responder, Some("Kaavoitus"))]
        );
    }

    #[test]
    fn configured_map_only() {
        let mut m = RoleMap::default();
        m.add("osallistu-editors=editor, kaavoitus=responder@Kaavoitus,kaavoitus=analyst")
            .unwrap();
        m.add("CN=x=admin").unwrap();
        assert_eq!(
            m.grants(["editor", "kaavoitus", "osallistu-editors"]),
            vec![
                g(Role::Editor, None),
                g(Role::Responder, Some("Kaavoitus")),
                g(Role::Analyst, None),
            ]
        );
        assert_eq!(m.grants(["CN=x"]), vec![g(Role::Admin, None)]);
        assert!(m.add("x=boss").is_err());
        assert!(m.add("novalue").is_err());
        assert!(m.add("=editor").is_err());
    }

    #[test]
    fn claim_shapes() {
        let c = json!({"roles": "editor", "groups": ["a", 1, "b"],
            "realm_access": {"roles": ["moderator"]}, "a.b": ["dotted"]});
        let c = c.as_object().unwrap();
        assert_eq!(claim_values(c, "roles"), vec!["editor"]);
        assert_eq!(claim_values(c, "groups"), vec!["a", "b"]);
        assert_eq!(claim_values(c, "realm_access.roles"), vec!["moderator"]);
        assert_eq!(claim_values(c, "a.b"), vec!["dotted"]);
        assert!(claim_values(c, "missing").is_empty());
        assert!(claim_values(c, "realm_access.nope").is_empty());
    }
}
