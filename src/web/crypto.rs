//! The browser's cryptography for signing in: random bytes and SHA-256 (PKCE). Nothing here
//! is hand-made: both come from `window.crypto`.

/// `n` random bytes from `crypto.getRandomValues`; `None` where the browser has no crypto
/// (then signing in is refused rather than done with weak randomness).
pub(crate) fn random_bytes(n: usize) -> Option<Vec<u8>> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = vec![0u8; n];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// SHA-256 of `data` from `crypto.subtle` (a secure context: https, or 127.0.0.1).
pub(crate) async fn sha256(data: &[u8]) -> Option<Vec<u8>> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let promise = crypto
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", data)
        .ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
