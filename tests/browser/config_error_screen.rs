use crate::support::*;
use osallistu::boot::mount_config_error;
use osallistu::config::parse;
use osallistu::i18n::{fill, FI, SV};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn a_broken_config_shows_a_translated_screen_naming_the_field() {
    remember_language("fi");
    let broken = include_str!("../../public/config.json")
        .replace("\"kind\": \"osallistu\"", "\"kind\": \"decidim\"");
    let error = parse(&broken).unwrap_err();
    let c = Container::new();
    let _screen = mount_config_error(c.0.clone(), error);
    wait_until("the error screen renders", || c.query("h1").is_some()).await;

    assert_eq!(
        c.query("h1").unwrap().text_content().unwrap(),
        FI.config_error_title
    );
    let alert = c
        .query("[role=alert]")
        .expect("an alert")
        .text_content()
        .unwrap();
    assert_eq!(
        alert,
        fill(FI.config_error_invalid, &[("field", "backends.plans.kind")])
    );
    assert!(
        c.text().contains("decidim"),
        "technical detail names the bad value"
    );

    // The screen speaks the other languages too.
    c.query_all(".os-lang__button")[1].click();
    wait_until("the title is in Swedish", || {
        c.query("h1").unwrap().text_content().unwrap() == SV.config_error_title
    })
    .await;
    assert_eq!(html_lang(), "sv");
}

#[wasm_bindgen_test]
async fn a_config_that_is_not_json_says_so() {
    remember_language("fi");
    let c = Container::new();
    let _screen = mount_config_error(c.0.clone(), parse("<!doctype html>").unwrap_err());
    wait_until("the error screen renders", || {
        c.query("[role=alert]").is_some()
    })
    .await;
    assert_eq!(
        c.query("[role=alert]").unwrap().text_content().unwrap(),
        FI.config_error_not_json
    );
}
