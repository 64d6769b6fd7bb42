//! Kiosk mode: the "continue on your phone" QR code in place of an outside link, the idle
//! dialog waiting in the page, and the wipe of every storage.

use crate::support::{demo_config, document, remember_language, storage, wait_until, Container};
use osallistu::boot::mount_app;
use osallistu::domain::Lang;
use osallistu::i18n::strings;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn a_kiosk_shows_the_website_link_as_a_qr_code_with_the_address_under_it() {
    remember_language("fi");
    let mut config = demo_config();
    config.kiosk.enabled = true;
    let website = config.municipality.website.clone().unwrap();
    let c = Container::new();
    let _app = mount_app(c.0.clone(), config);
    wait_until("the footer renders", || c.query(".os-footer").is_some()).await;
    assert!(
        c.query(".os-root.os-kiosk").is_some(),
        "the kiosk class on the root"
    );
    assert!(
        c.query(&format!(".os-footer a[href=\"{website}\"]"))
            .is_none(),
        "no link that would leave the kiosk"
    );
    wait_until("the kiosk chunk draws the QR button", || {
        c.query(".os-footer .os-kiosk-phone").is_some()
    })
    .await;
    let button = c.query(".os-footer .os-kiosk-phone").unwrap();
    assert_eq!(
        button.text_content().unwrap(),
        strings(Lang::Fi).kiosk_phone
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    wait_until("the QR code is drawn", || {
        c.query(".os-footer svg.os-qr__code path").is_some()
    })
    .await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let path = c
        .query(".os-footer svg.os-qr__code path")
        .unwrap()
        .get_attribute("d")
        .unwrap();
    assert_eq!(
        path,
        osallistu::kiosk::qr::encode(&website).unwrap().svg_path()
    );
    assert_eq!(
        c.query(".os-footer .os-qr__url")
            .unwrap()
            .text_content()
            .unwrap(),
        website
    );
    // The idle dialog waits, closed, for the countdown.
    wait_until("the idle dialog is in the page", || {
        c.query("dialog.os-kiosk-dialog").is_some()
    })
    .await;
    let dialog: web_sys::HtmlDialogElement = c
        .query("dialog.os-kiosk-dialog")
        .expect("the idle dialog (its chunk loaded)")
        .unchecked_into();
    assert!(!dialog.open());
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("alertdialog"));
    osallistu::web::device::set_kiosk(false);
}

#[wasm_bindgen_test]
async fn outside_links_stay_links_outside_kiosk_mode() {
    remember_language("fi");
    osallistu::web::device::set_kiosk(false);
    let config = demo_config();
    let website = config.municipality.website.clone().unwrap();
    let c = Container::new();
    let _app = mount_app(c.0.clone(), config);
    wait_until("the footer renders", || c.query(".os-footer").is_some()).await;
    assert!(c
        .query(&format!(".os-footer a[href=\"{website}\"]"))
        .is_some());
    assert!(c.query(".os-kiosk-phone").is_none());
    assert!(c.query("dialog").is_none());
}

#[wasm_bindgen_test]
async fn the_wipe_empties_both_storages_indexed_db_caches_and_cookies() {
    let window = web_sys::window().unwrap();
    storage().set_item("someone", "else").unwrap();
    let session = window.session_storage().unwrap().unwrap();
    session.set_item("osallistu.draft.1", "text").unwrap();
    let doc = document();
    js_sys::Reflect::set(&doc, &"cookie".into(), &"kiosk_test=1; path=/".into()).unwrap();
    let eval = |code: &str| {
        let f = js_sys::Function::new_no_args(code);
        f.call0(&wasm_bindgen::JsValue::NULL).unwrap()
    };
    let opened = eval(
        "return new Promise(r => { const o = indexedDB.open('kiosk-wipe-test'); \
         o.onsuccess = () => { o.result.close(); r(); }; })",
    );
    JsFuture::from(js_sys::Promise::from(opened)).await.unwrap();
    let cached =
        eval("return caches.open('kiosk-wipe-test').then(c => c.put('/x', new Response('x')))");
    JsFuture::from(js_sys::Promise::from(cached)).await.unwrap();

    osallistu::web::wipe::everything().await;

    assert_eq!(storage().length().unwrap(), 0);
    assert_eq!(session.length().unwrap(), 0);
    let cookies = js_sys::Reflect::get(&doc, &"cookie".into()).unwrap();
    assert!(!cookies.as_string().unwrap().contains("kiosk_test"));
    let left = eval(
        "return Promise.all([indexedDB.databases(), caches.keys()]).then(([d, c]) => \
         d.map(x => x.name).concat(c).join(','))",
    );
    let left = JsFuture::from(js_sys::Promise::from(left)).await.unwrap();
    assert_eq!(left.as_string().unwrap(), "");
}
