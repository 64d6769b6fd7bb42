use super::*;
use crate::domain::Lang;
use serde_json::{json, Value};

fn demo() -> Value {
    serde_json::from_str(include_str!("../../public/config.json")).unwrap()
}

fn parse_value(v: &Value) -> Result<Config, ConfigError> {
    parse(&v.to_string())
}

fn without(mut v: Value, path: &[&str]) -> Value {
    let (last, parents) = path.split_last().unwrap();
    let mut node = &mut v;
    for p in parents {
        node = node.get_mut(*p).unwrap();
    }
    node.as_object_mut().unwrap().remove(*last);
    v
}

#[test]
fn the_shipped_demo_config_is_valid() {
    let c = parse_value(&demo()).unwrap();
    assert_eq!(c.municipality.name.text(Lang::Sv), "Virtby stad");
    assert_eq!(c.languages.offered, vec![Lang::Fi, Lang::Sv, Lang::En]);
    assert_eq!(c.languages.default, Lang::Fi);
    assert_eq!(c.backends.plans.kind, BackendKind::Osallistu);
    assert_eq!(c.backends.events.base_url, "/api/v1");
    assert_eq!(
        c.theme,
        vec![("--os-color-primary".to_owned(), "#0a5a8c".to_owned())]
    );
    assert!(!c.kiosk.enabled);
    assert_eq!(c.base_path, "");
}

#[test]
fn a_missing_required_field_is_named_with_its_full_path() {
    let err = parse_value(&without(demo(), &["backends", "events"])).unwrap_err();
    assert_eq!(
        err,
        ConfigError::Missing {
            field: "backends.events".into()
        }
    );
    let err = parse_value(&without(demo(), &["accessibility", "feedback_email"])).unwrap_err();
    assert_eq!(err.field(), Some("accessibility.feedback_email"));
    let err = parse_value(&without(demo(), &["languages"])).unwrap_err();
    assert_eq!(err.field(), Some("languages"));
}

#[test]
fn a_wrong_type_is_named_with_its_path() {
    let mut v = demo();
    v["map"]["zoom"] = json!("thirteen");
    let err = parse_value(&v).unwrap_err();
    assert!(
        matches!(&err, ConfigError::WrongType { field, .. } if field == "map.zoom"),
        "{err:?}"
    );
    let mut v = demo();
    v["languages"]["offered"] = json!("fi");
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("languages.offered")
    );
}

#[test]
fn an_unknown_backend_kind_is_rejected_and_named() {
    let mut v = demo();
    v["backends"]["plans"]["kind"] = json!("decidim");
    let err = parse_value(&v).unwrap_err();
    assert_eq!(err.field(), Some("backends.plans.kind"));
    assert!(err.detail().unwrap().contains("decidim"));
    // A known kind for the wrong capability is refused as well.
    let mut v = demo();
    v["backends"]["events"]["kind"] = json!("kerrokantasi");
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("backends.events.kind")
    );
}

#[test]
fn real_backends_are_accepted_for_their_capabilities() {
    let mut v = demo();
    v["backends"]["plans"] =
        json!({"kind": "kerrokantasi", "base_url": "https://api.hel.fi/kerrokantasi/v1/"});
    v["backends"]["events"] =
        json!({"kind": "linked_events", "base_url": "https://api.hel.fi/linkedevents/v1"});
    let c = parse_value(&v).unwrap();
    assert_eq!(c.backends.plans.kind, BackendKind::Kerrokantasi);
    assert_eq!(
        c.backends.plans.base_url,
        "https://api.hel.fi/kerrokantasi/v1"
    );
    assert_eq!(c.backends.events.kind, BackendKind::LinkedEvents);
}

#[test]
fn a_misspelt_field_is_reported_instead_of_ignored() {
    let mut v = demo();
    v["kiosk"]["idle_reset_secs"] = json!(60);
    assert_eq!(
        parse_value(&v).unwrap_err(),
        ConfigError::Unknown {
            field: "kiosk.idle_reset_secs".into()
        }
    );
}

#[test]
fn text_that_is_not_json_is_reported_as_such() {
    assert!(matches!(
        parse("{\"municipality\": "),
        Err(ConfigError::NotJson { .. })
    ));
    assert!(matches!(
        parse("<!doctype html>"),
        Err(ConfigError::NotJson { .. })
    ));
}

#[test]
fn languages_must_be_supported_and_the_default_offered() {
    let mut v = demo();
    v["languages"] = json!({"offered": ["fi", "de"], "default": "fi"});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("languages.offered[1]")
    );
    v["languages"] = json!({"offered": ["fi", "sv"], "default": "en"});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("languages.default")
    );
    v["languages"] = json!({"offered": [], "default": "fi"});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("languages.offered")
    );
}

#[test]
fn theme_tokens_cannot_smuggle_css() {
    let mut v = demo();
    v["theme"] = json!({"color-primary": "red; background: url(https://evil)"});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("theme.color-primary")
    );
    v["theme"] = json!({"--os-color": "red"});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("theme.--os-color")
    );
}

#[test]
fn tiles_need_a_full_template_and_a_sane_zoom() {
    let mut v = demo();
    v["map"]["tiles"] =
        json!({"url": "https://tiles.example/{z}/{x}.png", "attribution": "© x", "max_zoom": 18});
    assert_eq!(parse_value(&v).unwrap_err().field(), Some("map.tiles.url"));
    v["map"]["tiles"] = json!({"url": "https://tiles.example/{z}/{x}/{y}.png", "attribution": "© x", "max_zoom": 30});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("map.tiles.max_zoom")
    );
    v["map"]["tiles"]["max_zoom"] = json!(18);
    v["map"]["crs"] = json!("EPSG:3067");
    let c = parse_value(&v).unwrap();
    assert_eq!(c.map.crs, Crs::EtrsTm35Fin);
    assert_eq!(c.map.tiles.unwrap().max_zoom, 18);
}

#[test]
fn base_path_is_normalised_and_checked() {
    let mut v = demo();
    v["base_path"] = json!("/osallistu/");
    assert_eq!(parse_value(&v).unwrap().base_path, "/osallistu");
    v["base_path"] = json!("osallistu");
    assert_eq!(parse_value(&v).unwrap_err().field(), Some("base_path"));
    v["base_path"] = json!("//evil.example");
    assert_eq!(parse_value(&v).unwrap_err().field(), Some("base_path"));
}

#[test]
fn script_urls_are_not_accepted_as_links() {
    let mut v = demo();
    v["municipality"]["website"] = json!("javascript:alert(1)");
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("municipality.website")
    );
}

#[test]
fn kiosk_idle_time_has_bounds() {
    let mut v = demo();
    v["kiosk"] = json!({"enabled": true, "idle_reset_seconds": 5});
    assert_eq!(
        parse_value(&v).unwrap_err().field(),
        Some("kiosk.idle_reset_seconds")
    );
    v["kiosk"] = json!({"enabled": true});
    let c = parse_value(&v).unwrap();
    assert!(c.kiosk.enabled);
    assert_eq!(c.kiosk.idle_reset_seconds, 120);
}

#[test]
fn a_relative_logo_is_resolved_under_the_public_url() {
    let mut c = parse_value(&demo()).unwrap();
    c.resolve_relative_urls("/osallistu/");
    assert_eq!(c.municipality.logo.as_deref(), Some("/osallistu/logo.svg"));
    let mut v = demo();
    v["municipality"]["logo"] = json!("https://cdn.example/logo.svg");
    let mut c = parse_value(&v).unwrap();
    c.resolve_relative_urls("/osallistu/");
    assert_eq!(
        c.municipality.logo.as_deref(),
        Some("https://cdn.example/logo.svg")
    );
}

#[test]
fn every_config_example_in_the_repository_is_valid() {
    let examples = [
        (
            "reference-server",
            include_str!("../../tests/fixtures/config/reference-server.json"),
        ),
        (
            "kerrokantasi-linked-events",
            include_str!("../../tests/fixtures/config/kerrokantasi-linked-events.json"),
        ),
        (
            "library-kiosk",
            include_str!("../../tests/fixtures/config/library-kiosk.json"),
        ),
    ];
    for (name, text) in examples {
        let c = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name == "kerrokantasi-linked-events" {
            assert_eq!(c.backends.plans.kind, BackendKind::Kerrokantasi);
            assert_eq!(c.backends.projects.kind, BackendKind::Osallistu);
            assert_eq!(c.backends.events.kind, BackendKind::LinkedEvents);
            assert_eq!(
                c.backends.events.auth,
                Some(Auth::TokenUrl(
                    "https://www.example.fi/auth/linkedevents-token".into()
                ))
            );
            assert_eq!(c.backends.plans.auth, None);
        }
        if name == "library-kiosk" {
            assert!(c.kiosk.enabled);
            assert_eq!(c.base_path, "/kiosk");
        }
    }
}

#[test]
fn a_backend_may_name_where_its_bearer_token_comes_from() {
    let mut v = demo();
    v["backends"]["events"] = json!({
        "kind": "linked_events",
        "base_url": "https://api.example.fi/linkedevents/v1",
        "auth": {"token_url": "/auth/token"}
    });
    v["backends"]["plans"]["auth"] = json!({});
    let c = parse_value(&v).unwrap();
    assert_eq!(
        c.backends.events.auth,
        Some(Auth::TokenUrl("/auth/token".into()))
    );
    assert_eq!(c.backends.plans.auth, Some(Auth::Runtime));
    assert_eq!(c.backends.projects.auth, None);

    v["backends"]["events"]["auth"] = json!({"token_url": "javascript:alert(1)"});
    let e = parse_value(&v).unwrap_err();
    assert!(
        e.to_string().contains("backends.events.auth.token_url"),
        "{e}"
    );
    v["backends"]["events"]["auth"] = json!({"token": "secret-in-config"});
    let e = parse_value(&v).unwrap_err();
    assert!(e.to_string().contains("token"), "{e}");
}

#[test]
fn embedding_sites_must_be_plain_origins() {
    let mut v = demo();
    v["embed"] = json!({"allowed_origins": ["https://www.Example.fi", "http://127.0.0.1:4821"]});
    let c = parse_value(&v).unwrap();
    assert_eq!(
        c.embed_origins,
        ["https://www.example.fi", "http://127.0.0.1:4821"]
    );
    for bad in [
        "https://www.example.fi/path",
        "*",
        "www.example.fi",
        "https://",
    ] {
        v["embed"] = json!({"allowed_origins": ["https://ok.example", bad]});
        let e = parse_value(&v).unwrap_err();
        assert!(
            e.to_string().contains("embed.allowed_origins[1]"),
            "{bad}: {e}"
        );
    }
    assert!(parse_value(&demo()).unwrap().embed_origins.is_empty());
}
