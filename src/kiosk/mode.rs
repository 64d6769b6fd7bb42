//! Whether this is a kiosk, its start page, and what a kiosk does with an earlier session's
//! page reached by Back or Forward.

use crate::web::{dom, navigation, storage};

/// Session storage key of a kiosk switched on by the address (`?kiosk=1`).
const URL_FLAG: &str = "osallistu.kiosk";

/// Whether the address asks for kiosk mode (`?kiosk=1`) now or did earlier in this tab.
pub(crate) fn requested_by_url() -> bool {
    let search = dom::location_search();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "kiosk=1")
    {
        storage::set(storage::Store::Session, URL_FLAG, "1");
        return true;
    }
    storage::get(storage::Store::Session, URL_FLAG).as_deref() == Some("1")
}

/// The start page a reset goes to: the app's home under `base_path`, with `?kiosk=1` when
/// the address (not the configuration) made this a kiosk, so the mode survives the wipe.
pub(crate) fn start_url(base_path: &str, by_url: bool) -> String {
    format!("{base_path}/{}", if by_url { "?kiosk=1" } else { "" })
}

/// On a kiosk, a document loaded by Back or Forward belongs to an earlier session: every page
/// of a session is shown in one document, so only a reset (or a reload) lies between. Such
/// an entry is replaced by the start page before anything is shown. True when it was.
pub(crate) fn leave_earlier_session(start: &str) -> bool {
    if navigation::navigation_type().as_deref() == Some("back_forward") {
        navigation::replace_location(start);
        return true;
    }
    false
}
