//! Wall-clock time in Finland: the EU summer-time rule, no time-zone database.

use super::calendar::{civil_from_days, days_from_civil, days_in_month, Date};

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
