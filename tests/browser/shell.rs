use crate::support::*;
use osallistu::boot::mount_app;
use osallistu::i18n::{EN, FI, SV};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn the_shell_mounts_with_header_navigation_and_footer() {
    remember_language("fi");
    let c = Container::new();
    let _app = mount_app(c.0.clone(), demo_config());
    wait_until("the navigation renders", || c.query(".os-nav").is_some()).await;

    assert!(
        c.text().contains("Virtalan kaupunki"),
        "municipality name: {}",
        c.text()
    );
    let links: Vec<String> = c
        .query_all(".os-nav__link")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    assert_eq!(
        links,
        [
            FI.nav_plans,
            FI.nav_projects,
            FI.nav_events,
            FI.nav_followed
        ]
    );
    let skip = c.query(".os-skip-link").expect("a skip link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#os-main"));
    assert!(c.query("main#os-main").is_some());
    let footer = c
        .query(".os-footer a[href='/accessibility']")
        .expect("statement link");
    assert_eq!(footer.text_content().unwrap(), FI.footer_accessibility);
    wait_until("html lang is set", || html_lang() == "fi").await;
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_texts_and_html_lang() {
    remember_language("fi");
    let c = Container::new();
    let _app = mount_app(c.0.clone(), demo_config());
    wait_until("the language switch renders", || {
        c.query(".os-lang__button").is_some()
    })
    .await;
    let buttons = c.query_all(".os-lang__button");
    assert_eq!(buttons.len(), 3);
    assert_eq!(
        buttons[0].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    buttons[1].click();
    wait_until("html lang is sv", || html_lang() == "sv").await;
    let first_link = c.query(".os-nav__link").unwrap();
    assert_eq!(first_link.text_content().unwrap(), SV.nav_plans);
    assert!(
        c.text().contains("Virtby stad"),
        "Swedish municipality name"
    );
    assert_eq!(
        buttons[1].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        buttons[0].get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    buttons[2].click();
    wait_until("html lang is en", || html_lang() == "en").await;
    assert_eq!(
        c.query(".os-nav__link").unwrap().text_content().unwrap(),
        EN.nav_plans
    );
    // The choice is remembered for the next visit (not on a kiosk, see the next test).
    let saved = storage().get_item("osallistu.lang").unwrap();
    assert_eq!(saved.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn a_kiosk_starts_in_the_default_language_and_remembers_nothing() {
    remember_language("en");
    let mut config = demo_config();
    config.kiosk.enabled = true;
    let c = Container::new();
    let _app = mount_app(c.0.clone(), config);
    wait_until("the language switch renders", || {
        c.query(".os-lang__button").is_some()
    })
    .await;
    wait_until("html lang is the default fi, not the remembered en", || {
        html_lang() == "fi"
    })
    .await;
    assert_eq!(
        c.query(".os-nav__link").unwrap().text_content().unwrap(),
        FI.nav_plans
    );

    c.query_all(".os-lang__button")[1].click();
    wait_until("html lang is sv", || html_lang() == "sv").await;
    let saved = storage().get_item("osallistu.lang").unwrap();
    assert_eq!(
        saved.as_deref(),
        Some("en"),
        "the kiosk did not write its choice"
    );
}

#[wasm_bindgen_test]
async fn theme_tokens_from_the_config_reach_the_root_element() {
    remember_language("fi");
    let c = Container::new();
    let _app = mount_app(c.0.clone(), demo_config());
    wait_until("the root renders", || c.query(".os-root").is_some()).await;
    let root = c.query(".os-root").unwrap();
    wait_until("the token is set", || {
        root.style()
            .get_property_value("--os-color-primary")
            .unwrap()
            == "#0a5a8c"
    })
    .await;
}

#[wasm_bindgen_test]
async fn navigation_changes_the_page_without_a_reload_and_back_returns() {
    remember_language("fi");
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    let c = Container::new();
    let _app = mount_app(c.0.clone(), demo_config());
    wait_until("the home page renders", || c.query("h1").is_some()).await;

    let events = c.query_all(".os-nav__link")[2].clone();
    assert_eq!(events.get_attribute("href").as_deref(), Some("/events"));
    events.click();
    wait_until("the events page renders", || {
        c.query("h1").and_then(|h| h.text_content()).as_deref() == Some(FI.events_title)
    })
    .await;
    assert_eq!(
        web_sys::window().unwrap().location().pathname().unwrap(),
        "/events"
    );
    assert_eq!(
        events.get_attribute("aria-current").as_deref(),
        Some("page")
    );
    assert!(document().title().starts_with(FI.events_title));
    wait_until("focus moves to the new heading", || {
        document().active_element().map(|e| e.tag_name()).as_deref() == Some("H1")
    })
    .await;

    history.back().unwrap();
    wait_until("back returns to the front page", || {
        c.query("h1").and_then(|h| h.text_content()).as_deref() != Some(FI.events_title)
    })
    .await;
    assert_eq!(events.get_attribute("aria-current"), None);
}
