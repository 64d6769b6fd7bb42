//! Random identifiers from the browser's cryptography.

/// A fresh random UUID v4 (for `Idempotency-Key`s and the like).
pub(crate) fn uuid() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            // Only where `crypto.randomUUID` is missing (very old browsers): time + Math.random.
            let r = (js_sys::Math::random() * u64::MAX as f64) as u64;
            format!("{:x}-{r:x}", js_sys::Date::now() as u64)
        })
}

/// A random number in `[0, 1)` (`Math.random`), for retry jitter.
pub(crate) fn unit() -> f64 {
    js_sys::Math::random()
}
