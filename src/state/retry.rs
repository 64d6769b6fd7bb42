//! When to try again after a failed send.

/// Capped exponential backoff with jitter.
///
/// The n-th retry (n = 1, 2, …) waits a random time in `[d/2, d]` where
/// `d = min(cap, base · 2^(n-1))`. Half the delay is fixed so retries never bunch at zero; the
/// random half spreads many clients that failed together (a server restart) over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    pub(crate) base_ms: u64,
    pub(crate) cap_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            base_ms: 1_000,
            cap_ms: 60_000,
        }
    }
}

impl RetryPolicy {
    /// Delay before retry number `retry` (1-based). `unit` is a random number in `[0, 1)`.
    pub(crate) fn delay_ms(&self, retry: u32, unit: f64) -> u64 {
        let exp = retry.saturating_sub(1).min(32);
        let full = self.base_ms.saturating_mul(1u64 << exp).min(self.cap_ms);
        let half = full / 2;
        let unit = unit.clamp(0.0, 1.0);
        half + ((full - half) as f64 * unit) as u64
    }

    /// The delay to use when the server said how long to wait (`Retry-After`, seconds):
    /// never sooner than asked, never later than the cap unless the server asks for more.
    pub(crate) fn delay_with_hint_ms(
        &self,
        retry: u32,
        unit: f64,
        retry_after_s: Option<u64>,
    ) -> u64 {
        match retry_after_s {
            Some(s) => s
                .saturating_mul(1_000)
                .max(self.delay_ms(1, unit).min(1_000)),
            None => self.delay_ms(retry, unit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_base_and_stop_growing_at_the_cap() {
        let p = RetryPolicy {
            base_ms: 1_000,
            cap_ms: 8_000,
        };
        let top: Vec<u64> = (1..=6).map(|n| p.delay_ms(n, 0.999_999)).collect();
        assert_eq!(top, [999, 1_999, 3_999, 7_999, 7_999, 7_999]);
        let bottom: Vec<u64> = (1..=6).map(|n| p.delay_ms(n, 0.0)).collect();
        assert_eq!(bottom, [500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    }

    #[test]
    fn jitter_stays_within_the_upper_half_of_the_delay() {
        let p = RetryPolicy::default();
        for i in 0..100 {
            let d = p.delay_ms(3, i as f64 / 100.0);
            assert!((2_000..=4_000).contains(&d), "{d}");
        }
    }

    #[test]
    fn huge_retry_counts_do_not_overflow() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_ms(u32::MAX, 0.0), 30_000);
    }

    #[test]
    fn retry_after_is_honoured_even_beyond_the_cap() {
        let p = RetryPolicy {
            base_ms: 1_000,
            cap_ms: 8_000,
        };
        assert_eq!(p.delay_with_hint_ms(1, 0.5, Some(30)), 30_000);
        assert_eq!(p.delay_with_hint_ms(1, 0.5, Some(0)), 750);
        assert_eq!(p.delay_with_hint_ms(2, 0.0, None), 1_000);
    }
}
