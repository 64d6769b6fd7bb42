//! RichText with XSS payloads, on the browser's Sanitizer API path and on the DOMPurify path.

use crate::support::{document, wait_until, Container};
use js_sys::{Function, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
use osallistu::components::rich_text::RichText;
use osallistu::web::sanitize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const DOMPURIFY: &str = include_str!("../../node_modules/dompurify/dist/purify.min.js");

/// Formatting that must survive, then the payloads of quality.md's security corpus. Every
/// payload that runs calls `osXss()`.
const PAYLOAD: &str = r#"
<h1 id="osallistu">Asemakaava</h1>
<p>Intro <strong>tärkeä</strong> ja <em>korostettu</em>.</p>
<ul><li>yksi</li><li>kaksi</li></ul>
<h2>Aikataulu</h2>
<a href="https://www.example.fi/kaava" target="_blank" id="clobber" name="clobber" onclick="osXss()">turvallinen linkki</a>
<a href="mailto:kirjaamo@example.fi">posti</a>
<img src=x onerror="osXss()">
<img src="x" alt="Kaavakartta" onerror="osXss()">
<script>osXss()</script>
<svg onload="osXss()"><a href="javascript:osXss()"><text>svg-linkki</text></a></svg>
<a href="javascript:osXss()">js-linkki</a>
<a href=" JaVa&#x09;ScRiPt:osXss()">js-linkki-2</a>
<a href="data:text/html,&lt;script&gt;osXss()&lt;/script&gt;">data-linkki</a>
<a href="/suhteellinen">suhteellinen</a>
<iframe src="javascript:osXss()"></iframe>
<iframe srcdoc="&lt;script&gt;parent.osXss()&lt;/script&gt;"></iframe>
<style>.os-rich-text { display: none }</style>
<link rel="stylesheet" href="https://evil.example/x.css">
<p style="position:fixed;inset:0" class="os-skip-link" onmouseover="osXss()" data-x="1">tyylitelty</p>
<form action="https://evil.example/"><input name="q" autofocus onfocus="osXss()"><button formaction="javascript:osXss()">lähetä</button></form>
<details open ontoggle="osXss()"><summary>yhteenveto</summary></details>
<math><mtext><table><mglyph><style><img src=x onerror=osXss()></style></mglyph></table></mtext></math>
<video><source onerror="osXss()"></video>
<object data="javascript:osXss()"></object><embed src="javascript:osXss()">
<table><tr><td colspan="2" onclick="osXss()">solu</td></tr></table>
<div><span>kääritty</span></div>
<p>&#x202E;RTL&#x202C; ja nolla&#x200B;leveä</p>
"#;

/// Mutation XSS through `<noscript>`, parsed differently with scripting on (`setHTML`) and off
/// (DOMPurify's and the plain-text reading's inert documents). With scripting off everything
/// after it is inside the `<noscript>` and goes with it, so it comes last. The two paths differ
/// in what is left of this line, both safely.
const NOSCRIPT_MXSS: &str =
    r#"<noscript><p title="</noscript><img src=x onerror=osXss()>"></noscript>"#;

fn payload() -> String {
    format!("{PAYLOAD}{NOSCRIPT_MXSS}")
}

fn global() -> JsValue {
    js_sys::global().into()
}

fn global_get(key: &str) -> JsValue {
    Reflect::get(&global(), &key.into()).unwrap()
}

fn global_set(key: &str, value: &JsValue) {
    Reflect::set(&global(), &key.into(), value).unwrap();
}

fn element_prototype() -> JsValue {
    Reflect::get(&global_get("Element"), &"prototype".into()).unwrap()
}

thread_local! {
    /// The browser's own `Element.prototype.setHTML`, taken before any test hides it.
    static SET_HTML: JsValue = Reflect::get(&element_prototype(), &"setHTML".into()).unwrap();
}

/// Starts a test: puts back `setHTML` in case a failed test left it hidden (a panic skips
/// `Shadow::drop` in wasm), defines `osXss()`, which counts the payloads that ran, and resets
/// the count.
fn arm_detector() {
    SET_HTML.with(|original| {
        Reflect::set(&element_prototype(), &"setHTML".into(), original).unwrap();
    });
    let detector = Function::new_no_args("window.osXssCount = (window.osXssCount || 0) + 1;");
    global_set("osXss", &detector);
    global_set("osXssCount", &JsValue::from(0));
}

fn payloads_that_ran() -> f64 {
    global_get("osXssCount").as_f64().unwrap()
}

/// Waits until an `<img src=x onerror>` of our own has fired, so the payloads' error and load
/// handlers have had the same time to fire.
async fn settle() {
    global_set("osControlFired", &JsValue::FALSE);
    let control = document().create_element("div").unwrap();
    control.set_inner_html(r#"<img src="x" onerror="window.osControlFired = true">"#);
    wait_until("the control image's onerror fires", || {
        global_get("osControlFired").is_truthy()
    })
    .await;
}

/// Replaces a property for one test, putting the original back when dropped.
struct Shadow {
    target: JsValue,
    key: &'static str,
    original: JsValue,
}

impl Shadow {
    fn new(target: JsValue, key: &'static str, value: JsValue) -> Self {
        let original = Reflect::get(&target, &key.into()).unwrap();
        Reflect::set(&target, &key.into(), &value).unwrap();
        Shadow {
            target,
            key,
            original,
        }
    }
}

impl Drop for Shadow {
    fn drop(&mut self) {
        Reflect::set(&self.target, &self.key.into(), &self.original).unwrap();
    }
}

/// Hides `Element.prototype.setHTML`, as in a browser without the Sanitizer API.
fn without_set_html() -> Shadow {
    SET_HTML.with(|_| ()); // remember the original first
    let shadow = Shadow::new(element_prototype(), "setHTML", JsValue::UNDEFINED);
    assert!(sanitize::set_html_method().is_none());
    shadow
}

fn load_dompurify_inline() {
    if !sanitize::dompurify_ready() {
        js_sys::eval(DOMPURIFY).unwrap();
    }
    assert!(sanitize::dompurify_ready());
}

fn attribute_names(el: &web_sys::Element) -> Vec<String> {
    el.get_attribute_names()
        .iter()
        .map(|n| n.as_string().unwrap())
        .collect()
}

/// What both sanitiser paths must produce from [`payload`].
fn assert_sanitised(c: &Container) {
    assert_eq!(payloads_that_ran(), 0.0, "a payload ran");
    let root = c.query(".os-rich-text").expect("the component");
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("html"));
    let text = root.text_content().unwrap();

    for tag in [
        "script", "style", "link", "iframe", "svg", "math", "img", "form", "input", "button",
        "details", "summary", "noscript", "video", "source", "object", "embed", "div", "span",
        "h1", "h2", "text", "mglyph", "p[title]",
    ] {
        assert!(
            root.query_selector(tag).unwrap().is_none(),
            "<{tag}> survived: {}",
            root.inner_html()
        );
    }
    for el in c.query_all(".os-rich-text *") {
        for name in attribute_names(&el) {
            assert!(
                ["href", "rel", "colspan", "lang"].contains(&name.as_str()),
                "attribute {name} on <{}> survived: {}",
                el.tag_name(),
                root.inner_html()
            );
        }
    }
    assert!(document().get_element_by_id("clobber").is_none());

    // Formatting survives; headings are shifted so the page keeps the only h1.
    assert_eq!(
        c.query(".os-rich-text p strong")
            .unwrap()
            .text_content()
            .unwrap(),
        "tärkeä"
    );
    assert!(c.query(".os-rich-text p em").is_some());
    let items: Vec<String> = c
        .query_all(".os-rich-text ul > li")
        .iter()
        .map(|li| li.text_content().unwrap())
        .collect();
    assert_eq!(items, ["yksi", "kaksi"]);
    assert_eq!(
        c.query(".os-rich-text h3").unwrap().text_content().unwrap(),
        "Asemakaava"
    );
    assert_eq!(
        c.query(".os-rich-text h4").unwrap().text_content().unwrap(),
        "Aikataulu"
    );
    assert_eq!(
        c.query(".os-rich-text td[colspan='2']")
            .unwrap_or_else(|| panic!("no cell: {}", root.inner_html()))
            .text_content()
            .unwrap(),
        "solu"
    );

    // Only the web and mail links stay links, each with rel=noopener and no target.
    let links: Vec<(String, String, String)> = c
        .query_all(".os-rich-text a")
        .iter()
        .map(|a| {
            (
                a.get_attribute("href").unwrap(),
                a.get_attribute("rel").unwrap_or_default(),
                a.text_content().unwrap(),
            )
        })
        .collect();
    let rel = "noopener noreferrer".to_owned();
    assert_eq!(
        links,
        [
            (
                "https://www.example.fi/kaava".to_owned(),
                rel.clone(),
                "turvallinen linkki".to_owned()
            ),
            (
                "mailto:kirjaamo@example.fi".to_owned(),
                rel,
                "posti".to_owned()
            ),
        ]
    );
    // Refused links and unwrapped containers keep their text; an image keeps its alt text.
    for kept in [
        "js-linkki",
        "js-linkki-2",
        "data-linkki",
        "suhteellinen",
        "kääritty",
        "Kaavakartta",
        "tyylitelty",
        "\u{202E}RTL\u{202C} ja nolla\u{200B}leveä",
    ] {
        assert!(text.contains(kept), "{kept:?} missing from {text:?}");
    }
    // Dropped elements take their content with them.
    for gone in ["osXss", "lähetä", "yhteenveto", "svg-linkki", "display"] {
        assert!(!text.contains(gone), "{gone:?} left in {text:?}");
    }
}

#[wasm_bindgen_test]
async fn chromium_here_has_the_sanitizer_api_and_the_component_uses_it() {
    arm_detector();
    assert!(
        sanitize::set_html_method().is_some(),
        "this browser has no Element.setHTML: the Sanitizer API path is not tested"
    );
    let _no_purify = Shadow::new(global(), "DOMPurify", JsValue::UNDEFINED);
    let c = Container::new();
    let _mounted = mount_to(c.0.clone(), || view! { <RichText html=payload()/> });
    wait_until("the text is shown", || {
        c.query(".os-rich-text[data-state=html] p").is_some()
    })
    .await;
    settle().await;
    assert_sanitised(&c);
    assert!(
        document()
            .query_selector("script[src$='purify.min.js']")
            .unwrap()
            .is_none(),
        "DOMPurify was loaded although the browser has a sanitiser"
    );
}

#[wasm_bindgen_test]
async fn without_the_sanitizer_api_dompurify_gives_the_same_result() {
    arm_detector();
    let _no_set_html = without_set_html();
    load_dompurify_inline();
    let c = Container::new();
    let _mounted = mount_to(c.0.clone(), || view! { <RichText html=payload()/> });
    wait_until("the text is shown", || {
        c.query(".os-rich-text[data-state=html] p").is_some()
    })
    .await;
    settle().await;
    assert_sanitised(&c);
}

#[wasm_bindgen_test]
async fn both_paths_give_identical_markup() {
    arm_detector();
    assert!(sanitize::set_html_method().is_some());
    let on_sanitizer_api = sanitize::sanitize_now(PAYLOAD).unwrap().inner_html();
    let _no_set_html = without_set_html();
    load_dompurify_inline();
    let on_dompurify = sanitize::sanitize_now(PAYLOAD).unwrap().inner_html();
    assert_eq!(on_sanitizer_api, on_dompurify);
}

#[wasm_bindgen_test]
async fn when_dompurify_cannot_be_loaded_the_text_stays_plain() {
    arm_detector();
    let _no_set_html = without_set_html();
    let _no_purify = Shadow::new(global(), "DOMPurify", JsValue::UNDEFINED);
    let c = Container::new();
    let _mounted = mount_to(c.0.clone(), || {
        view! { <RichText html=payload() lang="fi" class="os-extra"/> }
    });
    wait_until("the plain text is shown", || {
        c.query(".os-rich-text[data-state=loading]").is_some()
    })
    .await;
    let root = c.query(".os-rich-text").unwrap();
    assert!(root.class_name().contains("os-rich-text--plain"));
    assert!(root.class_name().contains("os-extra"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fi"));
    // The test server has no dist/vendor: the load fails and the text stays plain.
    wait_until("the load fails", || {
        root.get_attribute("data-state").as_deref() == Some("plain")
    })
    .await;
    settle().await;
    assert_eq!(payloads_that_ran(), 0.0, "a payload ran");
    assert_eq!(root.child_element_count(), 0, "{}", root.inner_html());
    let text = root.text_content().unwrap();
    assert!(
        text.starts_with(
            "Asemakaava\n\nIntro tärkeä ja korostettu.\n\nyksi\nkaksi\n\nAikataulu\n\n"
        ),
        "{text:?}"
    );
    assert!(!text.contains("osXss"), "script text shown: {text:?}");
    assert!(!text.contains('<'), "markup shown as text: {text:?}");
    assert!(
        document()
            .query_selector("script[src$='purify.min.js']")
            .unwrap()
            .is_none(),
        "the failed script element was left behind"
    );
}

#[wasm_bindgen_test]
async fn dompurify_is_loaded_once_for_many_components_then_used() {
    arm_detector();
    let _no_set_html = without_set_html();
    let _no_purify = Shadow::new(global(), "DOMPurify", JsValue::UNDEFINED);
    // Served from a blob: address, as the test server has no dist/vendor.
    let url = Function::new_with_args(
        "source",
        "return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));",
    )
    .call1(&JsValue::NULL, &DOMPURIFY.into())
    .unwrap()
    .as_string()
    .unwrap();
    let done = RwSignal::new(0);
    for _ in 0..3 {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            sanitize::ensure_dompurify(&url).await.unwrap();
            done.update(|n| *n += 1);
        });
    }
    wait_until("every caller has DOMPurify", || done.get_untracked() == 3).await;
    let scripts = document()
        .query_selector_all(&format!("script[src='{url}']"))
        .unwrap();
    assert_eq!(scripts.length(), 1, "DOMPurify was added more than once");
    assert!(sanitize::dompurify_ready());
    let html = sanitize::sanitize_now("<p onclick=osXss()>ok<img src=x onerror=osXss()></p>")
        .unwrap()
        .inner_html();
    assert_eq!(html, "<p>ok</p>");
    settle().await;
    assert_eq!(payloads_that_ran(), 0.0);
    scripts
        .get(0)
        .unwrap()
        .unchecked_into::<web_sys::Element>()
        .remove();
}

#[wasm_bindgen_test]
async fn new_html_replaces_the_shown_text() {
    arm_detector();
    let html = RwSignal::new("<p>ensimmäinen</p>".to_owned());
    let c = Container::new();
    let _mounted = mount_to(c.0.clone(), move || view! { <RichText html=html/> });
    wait_until("the first text is shown", || c.text() == "ensimmäinen").await;
    html.set("<p>toinen <a href='https://example.fi' target='_blank'>linkki</a></p><img src=x onerror=osXss()>".into());
    wait_until("the second text is shown", || c.text() == "toinen linkki").await;
    let a = c.query(".os-rich-text a").unwrap();
    assert_eq!(a.get_attribute("target"), None);
    assert_eq!(
        a.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    settle().await;
    assert_eq!(payloads_that_ran(), 0.0);
}

#[wasm_bindgen_test]
async fn plain_text_is_read_without_running_anything() {
    arm_detector();
    let text = sanitize::plain_text(
        "<h2>Otsikko</h2><p>Rivi<br>toinen <b>lihava</b></p><script>osXss()</script><style>p{}</style>\
         <img src=x onerror=osXss()><svg onload=osXss()></svg><ul><li>a</li><li>b</li></ul>",
    );
    assert_eq!(text, "Otsikko\n\nRivi\ntoinen lihava\n\na\nb");
    settle().await;
    assert_eq!(payloads_that_ran(), 0.0);
}

#[wasm_bindgen_test]
async fn a_set_html_that_refuses_the_configuration_falls_back_to_dompurify() {
    arm_detector();
    load_dompurify_inline();
    let refusing = Function::new_no_args(
        "window.osSetHtmlCalls = (window.osSetHtmlCalls || 0) + 1; \
         throw new TypeError('Invalid Sanitizer configuration');",
    );
    let _refusing = Shadow::new(element_prototype(), "setHTML", refusing.into());
    global_set("osSetHtmlCalls", &JsValue::from(0));
    let c = Container::new();
    let _mounted = mount_to(c.0.clone(), || view! { <RichText html=payload()/> });
    wait_until("the text is shown", || {
        c.query(".os-rich-text[data-state=html] p").is_some()
    })
    .await;
    assert_eq!(global_get("osSetHtmlCalls").as_f64(), Some(1.0));
    settle().await;
    assert_sanitised(&c);
}
