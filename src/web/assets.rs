//! Where the app's own files are served from.

/// The address the app's files are served from, ending in `/` (Trunk's `--public-url`).
///
/// Read from the address of the app's own script, so the app finds `config.json`, Leaflet and
/// DOMPurify from any deep link without a `<base>` element (which a strict CSP's
/// `base-uri 'none'` forbids).
pub(crate) fn public_url() -> String {
    let href = super::dom::document()
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|l| l.get_attribute("href"));
    dir_of(href.as_deref())
}

/// The directory part of a script address (`/app/osallistu-1.js` → `/app/`), `/` without one.
fn dir_of(href: Option<&str>) -> String {
    match href.and_then(|h| h.rfind('/').map(|i| &h[..=i])) {
        Some(dir) => dir.to_owned(),
        None => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::dir_of;

    #[test]
    fn the_directory_of_the_script_is_the_public_url() {
        assert_eq!(dir_of(Some("/osallistu/osallistu-ab12.js")), "/osallistu/");
        assert_eq!(dir_of(Some("https://x.fi/a/b.js")), "https://x.fi/a/");
        assert_eq!(dir_of(Some("b.js")), "/");
        assert_eq!(dir_of(None), "/");
    }
}
