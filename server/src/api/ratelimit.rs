//! Token-bucket rate limiting for comment and registration POSTs, per participant or IP.
//!
//! With SQLite (one server process) the buckets live in memory; with PostgreSQL they live in
//! the database, so that several instances behind a balancer share one budget per key.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
    shared: Option<crate::db::Db>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute: per_minute.max(1) as f64,
            buckets: Mutex::new(HashMap::new()),
            shared: None,
        }
    }

    /// Buckets in the database, shared by every instance on it.
    pub fn shared(per_minute: u32, db: crate::db::Db) -> Self {
        RateLimiter {
            shared: Some(db),
            ..Self::new(per_minute)
        }
    }

    /// Takes one token for `key`; on refusal returns the seconds until one is available.
    pub async fn check(&self, key: &str) -> Result<(), u64> {
        let Some(db) = &self.shared else {
            return self.check_at(key, Instant::now());
        };
        let now_ms = chrono::Utc::now().timestamp_millis();
        match crate::db::ratelimit::take(db, key, self.per_minute, now_ms).await {
            Ok(verdict) => verdict,
            Err(e) => {
                // The request that follows needs the database too and will report it.
                tracing::error!(error = %e, "rate limit: cannot read the bucket");
                Ok(())
            }
        }
    }

    fn check_at(&self, key: &str, t: Instant) -> Result<(), u64> {
        let rate = self.per_minute / 60.0;
        let mut map = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            // Drop buckets that have refilled completely; they carry no state.
            let cap = self.per_minute;
            map.retain(|_, (tokens, last)| {
                *tokens + t.duration_since(*last).as_secs_f64() * rate < cap
            });
        }
        let entry = map.entry(key.to_owned()).or_insert((self.per_minute, t));
        let elapsed = t.saturating_duration_since(entry.1).as_secs_f64();
        entry.0 = (entry.0 + elapsed * rate).min(self.per_minute);
        entry.1 = t;
        if entry.0 >= 1.0 {
            entry.0 -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - entry.0) / rate).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn refuses_after_burst_and_refills() {
        let l = RateLimiter::new(3);
        let t = Instant::now();
        for _ in 0..3 {
            assert!(l.check_at("a", t).is_ok());
        }
        let wait = l.check_at("a", t).unwrap_err();
        assert_eq!(wait, 20);
        assert!(l.check_at("b", t).is_ok(), "keys are independent");
        assert!(l.check_at("a", t + Duration::from_secs(21)).is_ok());
    }
}
