//! Mount helpers and waiting without sleeps.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, HtmlElement};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the body; removed again when dropped.
pub struct Container(pub HtmlElement);

impl Container {
    pub fn new() -> Self {
        let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&el).unwrap();
        Container(el)
    }

    pub fn text(&self) -> String {
        self.0.text_content().unwrap_or_default()
    }

    pub fn query(&self, selector: &str) -> Option<HtmlElement> {
        self.0
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    pub fn query_all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.0.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.get(i))
            .map(|n| n.unchecked_into())
            .collect()
    }
}

impl Drop for Container {
    fn drop(&mut self) {
        self.0.remove();
    }
}

async fn next_tick() {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `condition` holds, failing the test after two seconds.
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        next_tick().await;
    }
    panic!("timed out waiting until {what}");
}

pub fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Starts from a known language, whatever the test browser's own language is.
pub fn remember_language(code: &str) {
    storage().clear().unwrap();
    storage().set_item("osallistu.lang", code).unwrap();
    document()
        .document_element()
        .unwrap()
        .remove_attribute("lang")
        .unwrap();
}

pub fn demo_config() -> osallistu::config::Config {
    osallistu::config::parse(include_str!("../../public/config.json")).unwrap()
}
