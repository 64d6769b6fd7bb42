//! The staff workspace's own string table, fetched when the workspace first needs a language.

use crate::backend::http::get_text;
use crate::domain::Lang;
use crate::i18n::{install_staff, staff_loaded, staff_table_path};
use crate::web::assets::public_url;

/// Fetches and keeps the staff strings of `lang` unless they are here; true when they are.
pub(crate) async fn load_staff_strings(lang: Lang) -> bool {
    if staff_loaded(lang).is_some() {
        return true;
    }
    let url = format!("{}{}", public_url(), staff_table_path(lang));
    match get_text(&url).await {
        Ok(text) => install_staff(lang, &text).is_some(),
        Err(_) => false,
    }
}
