//! A panic hook that logs to the console and shows a translated notice with a reload link.
//!
//! After a panic the wasm instance cannot be trusted, so the notice is plain DOM with an
//! ordinary link back to the current address: it works without any further Rust code.

use crate::domain::Lang;
use crate::i18n::strings;
use crate::web::dom;

pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() {
    let lang = dom::root_lang()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Fi);
    let t = strings(lang);
    dom::prepend_alert(
        "os-panic",
        "os-root os-panic",
        t.panic_title,
        t.panic_text,
        (t.error_reload, &dom::location_href()),
    );
}
