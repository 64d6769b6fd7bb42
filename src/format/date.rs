//! Dates and times in Finnish time.

use super::calendar::{weekday_short, MONTHS_SHORT_EN};
use crate::domain::{Date, EventTime, Lang, LocalTime, Timestamp};

/// A calendar date: `1.12.2026` in Finnish and Swedish, `1 Dec 2026` in English.
pub(crate) fn day(lang: Lang, d: Date) -> String {
    match lang {
        Lang::En => format!(
            "{} {} {}",
            d.day,
            MONTHS_SHORT_EN[usize::from(d.month - 1)],
            d.year
        ),
        Lang::Fi | Lang::Sv => format!("{}.{}.{}", d.day, d.month, d.year),
    }
}

/// A date with its weekday: `ti 1.12.2026`, `tis 1.12.2026`, `Tue 1 Dec 2026`.
pub(crate) fn weekday_date(lang: Lang, d: Date) -> String {
    format!("{} {}", weekday_short(lang, d.weekday()), day(lang, d))
}

/// The day an instant falls on in Finland.
pub(crate) fn day_of(lang: Lang, at: Timestamp) -> String {
    day(lang, at.in_helsinki().date)
}

/// A clock time: `18.00` in Finnish and Swedish, `18:00` in English.
pub(crate) fn clock(lang: Lang, t: LocalTime) -> String {
    let sep = if lang == Lang::En { ':' } else { '.' };
    format!("{:02}{sep}{:02}", t.hour, t.minute)
}

fn at_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => " klo ",
        Lang::Sv => " kl. ",
        Lang::En => ", ",
    }
}

/// An instant in Finnish time: `1.12.2026 klo 18.00`, `1.12.2026 kl. 18.00`,
/// `1 Dec 2026, 18:00`.
pub(crate) fn date_time(lang: Lang, at: Timestamp) -> String {
    let local = at.in_helsinki();
    format!(
        "{}{}{}",
        day(lang, local.date),
        at_word(lang),
        clock(lang, local)
    )
}

fn local(t: EventTime, zone: Option<&str>) -> Result<LocalTime, Date> {
    match t {
        EventTime::At(ts) => Ok(ts.in_zone(zone)),
        EventTime::Day(d) => Err(d),
    }
}

/// A span of time, in `zone` (Finnish time unless the backend names another):
/// `ti 1.12.2026 klo 18.00–20.00`; across days `ti 1.12.2026 klo 18.00 – ke 2.12.2026 klo
/// 10.00`; whole days without times.
pub(crate) fn span(
    lang: Lang,
    start: EventTime,
    end: Option<EventTime>,
    zone: Option<&str>,
) -> String {
    let start = local(start, zone);
    let end = end.map(|t| local(t, zone));
    let one = |t: &Result<LocalTime, Date>| match t {
        Ok(l) => format!(
            "{}{}{}",
            weekday_date(lang, l.date),
            at_word(lang),
            clock(lang, *l)
        ),
        Err(d) => weekday_date(lang, *d),
    };
    match (&start, &end) {
        (Ok(s), Some(Ok(e))) if s.date == e.date => {
            format!("{}–{}", one(&start), clock(lang, *e))
        }
        (Err(s), Some(Err(e))) if s == e => one(&start),
        (_, Some(end)) => format!("{} – {}", one(&start), one(end)),
        (_, None) => one(&start),
    }
}

/// A `<time datetime>` value: `2026-12-01T18:00+02:00`, or the date alone.
pub(crate) fn machine(t: EventTime, zone: Option<&str>) -> String {
    match local(t, zone) {
        Ok(l) => {
            let sign = if l.offset_minutes < 0 { '-' } else { '+' };
            let off = l.offset_minutes.unsigned_abs();
            format!(
                "{}T{:02}:{:02}{sign}{:02}:{:02}",
                l.date,
                l.hour,
                l.minute,
                off / 60,
                off % 60
            )
        }
        Err(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn ev(s: &str) -> EventTime {
        match Timestamp::parse(s) {
            Ok(t) => EventTime::At(t),
            Err(_) => EventTime::Day(Date::parse(s).unwrap()),
        }
    }

    #[test]
    fn one_unambiguous_style_per_language() {
        let d = Date::parse("2027-01-12").unwrap();
        assert_eq!(day(Lang::Fi, d), "12.1.2027");
        assert_eq!(day(Lang::Sv, d), "12.1.2027");
        assert_eq!(day(Lang::En, d), "12 Jan 2027");
        let t = at("2027-01-12T08:17:00Z");
        assert_eq!(date_time(Lang::Fi, t), "12.1.2027 klo 10.17");
        assert_eq!(date_time(Lang::Sv, t), "12.1.2027 kl. 10.17");
        assert_eq!(date_time(Lang::En, t), "12 Jan 2027, 10:17");
    }

    #[test]
    fn instants_are_finnish_time_in_winter_and_summer() {
        // 22:30 UTC is already the next day in Finland, in summer (+3) and in winter (+2).
        assert_eq!(day_of(Lang::Fi, at("2026-06-30T22:30:00Z")), "1.7.2026");
        assert_eq!(day_of(Lang::En, at("2026-12-31T22:30:00Z")), "1 Jan 2027");
        assert_eq!(
            date_time(Lang::Fi, at("2026-06-30T22:30:00Z")),
            "1.7.2026 klo 01.30"
        );
        // The autumn switch: 00:59 UTC is 03:59 summer time, 01:00 UTC is 03:00 winter time.
        assert_eq!(
            date_time(Lang::En, at("2026-10-25T00:59:00Z")),
            "25 Oct 2026, 03:59"
        );
        assert_eq!(
            date_time(Lang::En, at("2026-10-25T01:00:00Z")),
            "25 Oct 2026, 03:00"
        );
    }

    #[test]
    fn an_evening_in_each_language() {
        let (s, e) = (ev("2026-12-01T16:00:00Z"), Some(ev("2026-12-01T18:00:00Z")));
        assert_eq!(span(Lang::Fi, s, e, None), "ti 1.12.2026 klo 18.00–20.00");
        assert_eq!(span(Lang::Sv, s, e, None), "tis 1.12.2026 kl. 18.00–20.00");
        assert_eq!(span(Lang::En, s, e, None), "Tue 1 Dec 2026, 18:00–20:00");
        assert_eq!(machine(s, None), "2026-12-01T18:00+02:00");
    }

    #[test]
    fn multi_day_whole_day_and_open_ended_spans() {
        let s = ev("2026-12-01T16:00:00Z");
        let e = Some(ev("2026-12-02T08:00:00Z"));
        assert_eq!(
            span(Lang::Fi, s, e, None),
            "ti 1.12.2026 klo 18.00 – ke 2.12.2026 klo 10.00"
        );
        let d = ev("2026-12-05");
        assert_eq!(span(Lang::En, d, Some(d), None), "Sat 5 Dec 2026");
        assert_eq!(
            span(Lang::En, d, Some(ev("2026-12-06")), None),
            "Sat 5 Dec 2026 – Sun 6 Dec 2026"
        );
        assert_eq!(span(Lang::Sv, s, None, None), "tis 1.12.2026 kl. 18.00");
        assert_eq!(machine(d, None), "2026-12-05");
    }

    #[test]
    fn another_zone_keeps_the_offset_the_backend_wrote() {
        let s = ev("2026-12-01T18:00:00+01:00");
        assert_eq!(
            span(Lang::En, s, None, Some("Europe/Stockholm")),
            "Tue 1 Dec 2026, 18:00"
        );
        assert_eq!(
            machine(s, Some("Europe/Stockholm")),
            "2026-12-01T18:00+01:00"
        );
    }
}
