//! Instants (RFC 3339), to the microsecond, with the offset they were written in.

use super::calendar::{civil_from_days, days_from_civil, digits, Date};
use super::error::TimeParseError;
use super::zone::{helsinki_offset_minutes, LocalTime};
use std::cmp::Ordering;
use std::fmt;

/// An instant with the UTC offset it was written in, e.g. `2026-11-30T18:00:00+02:00`.
///
/// Equality and order compare the instant only, so `…T16:00:00Z` equals `…T18:00:00+02:00`.
#[derive(Clone, Copy, Debug)]
pub struct Timestamp {
    /// Whole seconds since the epoch.
    unix_seconds: i64,
    /// Microseconds within that second (0–999,999): the reference server writes instants to
    /// the microsecond, and "what is new since" must not lose an update made in the same
    /// second as a follow.
    micros: u32,
    offset_minutes: i16,
}

impl Timestamp {
    /// Parses RFC 3339 (`2026-12-14T15:00:00Z`, `…T05:04:08.101898+02:00`); fractions of a
    /// second are kept to the microsecond.
    pub fn parse(s: &str) -> Result<Timestamp, TimeParseError> {
        let bad = || TimeParseError(s.to_string());
        if s.len() < 20 || !matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
            return Err(bad());
        }
        let date = Date::parse(&s[..10]).map_err(|_| bad())?;
        let rest = &s[11..];
        let b = rest.as_bytes();
        if b.len() < 9 || b[2] != b':' || b[5] != b':' {
            return Err(bad());
        }
        let hour = digits(&rest[0..2], s)?;
        let minute = digits(&rest[3..5], s)?;
        let second = digits(&rest[6..8], s)?;
        if hour > 23 || minute > 59 || second > 60 {
            return Err(bad());
        }
        let mut zone = &rest[8..];
        let mut micros = 0u32;
        if let Some(frac) = zone.strip_prefix('.') {
            let end = frac
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(frac.len());
            if end == 0 {
                return Err(bad());
            }
            micros = frac[..end]
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(6)
                .fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            zone = &frac[end..];
        }
        let offset_minutes: i16 = match zone {
            "Z" | "z" => 0,
            _ => {
                let zb = zone.as_bytes();
                if zb.len() != 6 || !matches!(zb[0], b'+' | b'-') || zb[3] != b':' {
                    return Err(bad());
                }
                let h = digits(&zone[1..3], s)?;
                let m = digits(&zone[4..6], s)?;
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                let total = (h * 60 + m) as i16;
                if zb[0] == b'-' {
                    -total
                } else {
                    total
                }
            }
        };
        let local = days_from_civil(date.year, date.month, date.day) * 86_400
            + i64::from(hour * 3600 + minute * 60 + second);
        Ok(Timestamp {
            unix_seconds: local - i64::from(offset_minutes) * 60,
            micros,
            offset_minutes,
        })
    }

    /// Builds an instant from seconds since 1970-01-01T00:00:00Z, written in UTC.
    pub fn from_unix_seconds(unix_seconds: i64) -> Timestamp {
        Timestamp {
            unix_seconds,
            micros: 0,
            offset_minutes: 0,
        }
    }

    /// An instant given in milliseconds since 1970-01-01T00:00:00Z (the browser's clock).
    pub fn from_unix_millis(unix_millis: i64) -> Timestamp {
        Timestamp {
            unix_seconds: unix_millis.div_euclid(1000),
            micros: unix_millis.rem_euclid(1000) as u32 * 1000,
            offset_minutes: 0,
        }
    }

    /// An instant given in microseconds since 1970-01-01T00:00:00Z, written in UTC.
    pub fn from_unix_micros(unix_micros: i64) -> Timestamp {
        Timestamp {
            unix_seconds: unix_micros.div_euclid(1_000_000),
            micros: unix_micros.rem_euclid(1_000_000) as u32,
            offset_minutes: 0,
        }
    }

    /// Microseconds since 1970-01-01T00:00:00Z.
    pub fn unix_micros(self) -> i64 {
        self.unix_seconds * 1_000_000 + i64::from(self.micros)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.unix_seconds
    }

    /// The UTC offset the instant was written with, in minutes (+120 for `+02:00`).
    pub fn offset_minutes(self) -> i16 {
        self.offset_minutes
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, e.g. `2026-11-30T16:00:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.unix_seconds.div_euclid(86_400);
        let secs = self.unix_seconds.rem_euclid(86_400);
        let date = civil_from_days(days);
        write!(
            f,
            "{date}T{:02}:{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )?;
        if self.micros != 0 {
            write!(f, ".{:06}", self.micros)?;
        }
        f.write_str("Z")
    }
}

impl Timestamp {
    /// The wall-clock time in Finland (Europe/Helsinki), summer time included.
    pub fn in_helsinki(self) -> LocalTime {
        self.at_offset(helsinki_offset_minutes(self.unix_seconds))
    }

    /// The wall-clock time at a fixed UTC offset.
    pub fn at_offset(self, offset_minutes: i16) -> LocalTime {
        let local = self.unix_seconds + i64::from(offset_minutes) * 60;
        let secs = local.rem_euclid(86_400);
        LocalTime {
            date: civil_from_days(local.div_euclid(86_400)),
            hour: (secs / 3600) as u8,
            minute: (secs % 3600 / 60) as u8,
            offset_minutes,
        }
    }

    /// The wall-clock time in `zone`: Europe/Helsinki with its summer time; any other zone
    /// (no time-zone database in the app) at the offset the backend wrote the instant with.
    pub fn in_zone(self, zone: Option<&str>) -> LocalTime {
        match zone {
            None | Some("Europe/Helsinki") | Some("Europe/Mariehamn") => self.in_helsinki(),
            Some(_) => self.at_offset(self.offset_minutes),
        }
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.unix_micros() == other.unix_micros()
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.unix_micros().cmp(&other.unix_micros())
    }
}

impl Date {
    /// Midnight at the start of this date in UTC.
    pub fn start_utc(self) -> Timestamp {
        Timestamp {
            unix_seconds: days_from_civil(self.year, self.month, self.day) * 86_400,
            micros: 0,
            offset_minutes: 0,
        }
    }
}
