//! Instants as Unix seconds, written as RFC 3339 in UTC or in Helsinki time.

use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat, TimeZone, Utc};

pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// Microseconds in a second: the unit of the precise instants (follows, changes, comments).
pub const US: i64 = 1_000_000;

/// Now, in microseconds since 1970.
pub fn now_us() -> i64 {
    Utc::now().timestamp_micros()
}

/// A precise instant as RFC 3339 in UTC with six decimals, e.g. `2026-11-25T14:00:00.250000Z`.
pub fn ts_us(us: i64) -> String {
    DateTime::<Utc>::from_timestamp_micros(us)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Parses an RFC 3339 date-time like [`parse_ts`], keeping microseconds (finer digits dropped).
pub fn parse_ts_us(s: &str) -> Option<i64> {
    parse_ts(s)?;
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp_micros())
}

/// RFC 3339 in UTC, e.g. `2026-11-25T14:00:00Z`.
pub fn ts(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn last_sunday(year: i32, month: u32) -> i64 {
    // Last Sunday of the month at 01:00 UTC, the EU summer-time switch.
    let next_month_first = if month == 12 {
        Utc.with_ymd_and_hms(year + 1, 1, 1, 1, 0, 0)
    } else {
        Utc.with_ymd_and_hms(year, month + 1, 1, 1, 0, 0)
    }
    .single()
    .unwrap_or_default();
    let mut d = next_month_first - chrono::Duration::days(1);
    while d.weekday() != chrono::Weekday::Sun {
        d -= chrono::Duration::days(1);
    }
    d.timestamp()
}

/// The UTC offset of Europe/Helsinki at an instant (EET +02:00, EEST +03:00).
pub fn helsinki_offset(secs: i64) -> FixedOffset {
    let year = DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .year();
    let summer = secs >= last_sunday(year, 3) && secs < last_sunday(year, 10);
    FixedOffset::east_opt(if summer { 3 * 3600 } else { 2 * 3600 }).expect("offset in range")
}

/// RFC 3339 in Helsinki local time, e.g. `2026-11-25T18:00:00+02:00`.
pub fn ts_local(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .with_timezone(&helsinki_offset(secs))
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 date-time strictly (`T` separator, explicit offset, no surrounding space).
pub fn parse_ts(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b.get(10), Some(b'T') | Some(b't')) || !s.is_ascii() {
        return None;
    }
    DateTime::parse_from_rfc3339(s).ok().map(|d| d.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helsinki_time() {
        // 2026-07-01T12:00Z is summer time, 2026-12-01T12:00Z winter time.
        assert_eq!(ts_local(1_782_907_200), "2026-07-01T15:00:00+03:00");
        assert_eq!(ts_local(1_796_126_400), "2026-12-01T14:00:00+02:00");
        assert_eq!(ts(1_796_126_400), "2026-12-01T12:00:00Z");
    }

    #[test]
    fn precise_instants_round_trip() {
        let t = 1_796_126_400 * US + 250_001;
        assert_eq!(ts_us(t), "2026-12-01T12:00:00.250001Z");
        assert_eq!(parse_ts_us(&ts_us(t)), Some(t));
        assert_eq!(parse_ts_us("2026-12-01T14:00:00.25+02:00"), Some(t - 1));
        assert_eq!(
            parse_ts_us("2026-12-01T12:00:00Z"),
            Some(1_796_126_400 * US)
        );
        assert_eq!(parse_ts_us("2026-12-01 12:00:00Z"), None);
    }
}
