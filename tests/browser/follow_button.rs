use crate::support::*;
use leptos::mount::mount_to;
use leptos::prelude::*;
use osallistu::components::follow_button::FollowButton;
use osallistu::config::provide_config;
use osallistu::config::{Backend, BackendKind};
use osallistu::domain::{FollowKind, Lang, Localized};
use osallistu::i18n::{fill, provide_i18n, EN, FI};
use osallistu::state::follows::store::provide_follows_context;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const TITLE: &str = "Tori square renewal";

/// A backend on a closed port: every request fails as if the network were down.
fn unreachable() -> Backend {
    Backend {
        kind: BackendKind::Osallistu,
        base_url: "http://127.0.0.1:9/api/v1".into(),
        auth: None,
    }
}

fn mount(
    lang: Lang,
    backend: Backend,
) -> (Container, leptos::mount::UnmountHandle<impl Mountable>) {
    // A kiosk app mounted by another test switches storage for the whole page: switch back.
    osallistu::web::device::set_kiosk(false);
    let c = Container::new();
    let handle = mount_to(c.0.clone(), move || {
        provide_config(demo_config());
        provide_i18n(vec![lang], lang, false);
        provide_follows_context();
        let title = Localized::new(Some("Torin uudistus".into()), None, Some(TITLE.into()));
        view! { <FollowButton kind=FollowKind::Project backend=backend id="7" title=title/> }
    });
    (c, handle)
}

fn button(c: &Container) -> web_sys::HtmlElement {
    c.query("button").expect("a follow button")
}

fn state(c: &Container) -> (String, String, String) {
    let b = button(c);
    (
        b.get_attribute("aria-pressed").unwrap_or_default(),
        b.get_attribute("aria-label").unwrap_or_default(),
        b.text_content().unwrap_or_default(),
    )
}

async fn microtask() {
    JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_button_names_what_it_follows_and_says_its_state() {
    storage().clear().unwrap();
    let (c, _h) = mount(Lang::En, unreachable());
    wait_until("the button renders", || c.query("button").is_some()).await;
    let (pressed, name, text) = state(&c);
    assert_eq!(pressed, "false");
    assert_eq!(name, fill(EN.projects_follow_name_off, &[("title", TITLE)]));
    assert_eq!(name, "Follow Tori square renewal");
    assert!(text.contains(EN.projects_follow_action), "{text}");
}

#[wasm_bindgen_test]
async fn a_followed_item_shows_following_at_once_from_the_device() {
    storage().clear().unwrap();
    let stored = r#"[{"backend":"http://127.0.0.1:9/api/v1","kind":"project","id":"7","title":["Torin uudistus",null,"Tori square renewal"],"since":1764000000,"seen":null}]"#;
    storage().set_item("osallistu.follows", stored).unwrap();
    // No await between storing and checking: other tests share this page and its storage.
    let (c, _h) = mount(Lang::Fi, unreachable());
    let (pressed, name, text) = state(&c);
    assert_eq!(pressed, "true");
    assert_eq!(
        name,
        fill(FI.projects_follow_name_on, &[("title", "Torin uudistus")])
    );
    assert!(text.contains(FI.projects_follow_active), "{text}");
}

#[wasm_bindgen_test]
async fn a_click_turns_it_on_at_once_and_a_failure_turns_it_back_with_a_message() {
    storage().clear().unwrap();
    let (c, _h) = mount(Lang::En, unreachable());
    wait_until("the button renders", || c.query("button").is_some()).await;
    button(&c).click();
    microtask().await;
    wait_until("the optimistic state shows", || state(&c).0 == "true").await;
    assert_eq!(state(&c).1, "Following Tori square renewal");
    assert!(
        storage()
            .get_item("osallistu.follows")
            .unwrap()
            .unwrap()
            .contains("\"7\""),
        "kept on the device at once"
    );

    wait_until("the failure rolls it back", || state(&c).0 == "false").await;
    assert_eq!(state(&c).1, "Follow Tori square renewal");
    let alert = c.query("[role=alert]").unwrap().text_content().unwrap();
    let expected = fill(
        EN.projects_follow_failed_on,
        &[("reason", EN.backend_error_network)],
    );
    assert_eq!(alert, expected);
    assert_eq!(
        storage().get_item("osallistu.follows").unwrap().as_deref(),
        Some("[]"),
        "the rollback is on the device too"
    );
}

#[wasm_bindgen_test]
async fn backends_without_anonymous_following_get_no_button() {
    storage().clear().unwrap();
    let kerrokantasi = Backend {
        kind: BackendKind::Kerrokantasi,
        base_url: "https://kerrokantasi.example/v1".into(),
        auth: None,
    };
    let (c, _h) = mount(Lang::En, kerrokantasi);
    microtask().await;
    assert!(c.query("button").is_none());
}
