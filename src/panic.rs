//! A panic hook that logs to the console and shows a translated notice with a reload link.
//!
//! After a panic the wasm instance cannot be trusted, so the notice is plain DOM with an
//! ordinary link back to the current address: it works without any further Rust code.

use crate::domain::Lang;
use crate::i18n::strings;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("os-panic").is_some() {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Fi);
    let t = strings(lang);
    let href = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let build = || -> Option<()> {
        let notice = document.create_element("div").ok()?;
        notice.set_id("os-panic");
        notice.set_class_name("os-root os-panic");
        notice.set_attribute("role", "alert").ok()?;
        let title = document.create_element("h2").ok()?;
        title.set_text_content(Some(t.panic_title));
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(t.panic_text));
        let link = document.create_element("a").ok()?;
        link.set_class_name("os-button os-button--primary");
        link.set_attribute("href", &href).ok()?;
        link.set_text_content(Some(t.error_reload));
        notice.append_with_node_3(&title, &text, &link).ok()?;
        document.body()?.prepend_with_node_1(&notice).ok()
    };
    let _ = build();
}
