//! Calendar dates and instants as the backends send them (ISO 8601 / RFC 3339), with just
//! enough arithmetic to compare them. No time-zone database: offsets are kept as given.

use std::cmp::Ordering;
use std::fmt;

/// A calendar date without a time (`YYYY-MM-DD`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day of month 1–31.
    pub day: u8,
}

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

/// Why a date or time string was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeParseError(pub String);

impl fmt::Display for TimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 8601 date or time: {:?}", self.0)
    }
}

fn digits(s: &str, what: &str) -> Result<u32, TimeParseError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimeParseError(what.to_string()));
    }
    s.parse().map_err(|_| TimeParseError(what.to_string()))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30.
    pub fn parse(s: &str) -> Result<Date, TimeParseError> {
        let bad = || TimeParseError(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let year = digits(&s[0..4], s)? as i32;
        let month = digits(&s[5..7], s)? as u8;
        let day = digits(&s[8..10], s)? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// Midnight at the start of this date in UTC.
    pub fn start_utc(self) -> Timestamp {
        Timestamp {
            unix_seconds: days_from_civil(self.year, self.month, self.day) * 86_400,
            micros: 0,
            offset_minutes: 0,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
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

/// A wall-clock reading: date, hour and minute in some time zone, with that zone's offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// Calendar date in the zone.
    pub date: Date,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Offset from UTC in minutes (+120 in Finnish winter, +180 in summer).
    pub offset_minutes: i16,
}

/// The instant of the EU summer-time switch in `month` of `year`: the last Sunday at
/// 01:00 UTC.
fn eu_switch(year: i32, month: u8) -> i64 {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    let back = (i64::from(last.weekday()) + 1) % 7;
    (days_from_civil(year, month, last.day) - back) * 86_400 + 3600
}

/// Finland's offset from UTC at `unix_seconds`: +2 h, or +3 h from the last Sunday of March
/// 01:00 UTC until the last Sunday of October 01:00 UTC (the EU rule, in force since 1996).
pub fn helsinki_offset_minutes(unix_seconds: i64) -> i16 {
    let year = civil_from_days(unix_seconds.div_euclid(86_400)).year;
    if (eu_switch(year, 3)..eu_switch(year, 10)).contains(&unix_seconds) {
        180
    } else {
        120
    }
}

impl Date {
    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (days_from_civil(self.year, self.month, self.day) + 3).rem_euclid(7) as u8
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        civil_from_days(days_from_civil(self.year, self.month, self.day) + n)
    }

    /// Days in this date's month.
    pub fn days_in_month(self) -> u8 {
        days_in_month(self.year, self.month)
    }

    /// The first day of the month `n` months later (earlier when negative).
    pub fn add_months(self, n: i32) -> Date {
        let index = self.year * 12 + i32::from(self.month) - 1 + n;
        Date {
            year: index.div_euclid(12),
            month: (index.rem_euclid(12) + 1) as u8,
            day: 1,
        }
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

#[cfg(test)]
mod tests;
