//! Dates and times of events as a Finnish, Swedish or English reader expects them, in the
//! event's (the municipality's) time zone.

use crate::domain::{Date, EventSummary, EventTime, Lang, LocalTime};

const WEEKDAYS_SHORT: [[&str; 7]; 3] = [
    ["ma", "ti", "ke", "to", "pe", "la", "su"],
    ["mån", "tis", "ons", "tors", "fre", "lör", "sön"],
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
];

const WEEKDAYS_LONG: [[&str; 7]; 3] = [
    [
        "maanantai",
        "tiistai",
        "keskiviikko",
        "torstai",
        "perjantai",
        "lauantai",
        "sunnuntai",
    ],
    [
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    ],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
];

const MONTHS: [[&str; 12]; 3] = [
    [
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ],
    [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
];

const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn li(lang: Lang) -> usize {
    match lang {
        Lang::Fi => 0,
        Lang::Sv => 1,
        Lang::En => 2,
    }
}

/// Short weekday name, Monday first (`ti`, `tis`, `Tue`).
pub fn weekday_short(lang: Lang, weekday: u8) -> &'static str {
    WEEKDAYS_SHORT[li(lang)][usize::from(weekday % 7)]
}

/// Full weekday name, Monday first.
pub fn weekday_long(lang: Lang, weekday: u8) -> &'static str {
    WEEKDAYS_LONG[li(lang)][usize::from(weekday % 7)]
}

/// `joulukuu 2026`, `december 2026`, `December 2026`.
pub fn month_title(lang: Lang, month: Date) -> String {
    format!(
        "{} {}",
        MONTHS[li(lang)][usize::from(month.month - 1)],
        month.year
    )
}

/// A date with its weekday: `ti 1.12.2026`, `tis 1.12.2026`, `Tue 1 Dec 2026`.
pub fn date(lang: Lang, d: Date) -> String {
    let wd = weekday_short(lang, d.weekday());
    match lang {
        Lang::En => format!(
            "{wd} {} {} {}",
            d.day,
            MONTHS_SHORT_EN[usize::from(d.month - 1)],
            d.year
        ),
        _ => format!("{wd} {}.{}.{}", d.day, d.month, d.year),
    }
}

/// A clock time: `18.00` in Finnish and Swedish, `18:00` in English.
pub fn clock(lang: Lang, t: LocalTime) -> String {
    let sep = if lang == Lang::En { ':' } else { '.' };
    format!("{:02}{sep}{:02}", t.hour, t.minute)
}

fn at(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => " klo ",
        Lang::Sv => " kl. ",
        Lang::En => ", ",
    }
}

fn local(t: EventTime, zone: Option<&str>) -> Result<LocalTime, Date> {
    match t {
        EventTime::At(ts) => Ok(ts.in_zone(zone)),
        EventTime::Day(d) => Err(d),
    }
}

/// When an event takes place, in its time zone: `ti 1.12.2026 klo 18.00–20.00`; across
/// days `ti 1.12.2026 klo 18.00 – ke 2.12.2026 klo 10.00`; whole days without times.
pub fn when(lang: Lang, e: &EventSummary) -> String {
    let zone = e.time_zone.as_deref();
    let start = local(e.start, zone);
    let end = e.end.map(|t| local(t, zone));
    let one = |t: &Result<LocalTime, Date>| match t {
        Ok(l) => format!("{}{}{}", date(lang, l.date), at(lang), clock(lang, *l)),
        Err(d) => date(lang, *d),
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

/// The local date an event starts on, in its time zone (for the month calendar).
pub fn start_date(e: &EventSummary) -> Date {
    match local(e.start, e.time_zone.as_deref()) {
        Ok(l) => l.date,
        Err(d) => d,
    }
}

/// A `<time datetime>` value: `2026-12-01T18:00+02:00`, or the date alone.
pub fn machine(t: EventTime, zone: Option<&str>) -> String {
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
    use crate::domain::*;

    fn event(start: &str, end: Option<&str>) -> EventSummary {
        EventSummary {
            id: "1".into(),
            title: Localized::same("T"),
            summary: Localized::default(),
            topics: Vec::new(),
            start: EventTime::parse(start).unwrap(),
            end: end.map(|e| EventTime::parse(e).unwrap()),
            time_zone: Some("Europe/Helsinki".into()),
            venue: None,
            online: false,
            online_url: None,
            is_free: None,
            price: None,
            seats: Seats::default(),
            enrolment: Enrolment::default(),
            has_registration: true,
            status: EventStatus::Scheduled,
            updated_at: None,
        }
    }

    #[test]
    fn an_evening_in_each_language_in_helsinki_time() {
        // Given in UTC; shown at +02:00 in December.
        let e = event("2026-12-01T16:00:00Z", Some("2026-12-01T18:00:00Z"));
        assert_eq!(when(Lang::Fi, &e), "ti 1.12.2026 klo 18.00–20.00");
        assert_eq!(when(Lang::Sv, &e), "tis 1.12.2026 kl. 18.00–20.00");
        assert_eq!(when(Lang::En, &e), "Tue 1 Dec 2026, 18:00–20:00");
        assert_eq!(
            machine(e.start, Some("Europe/Helsinki")),
            "2026-12-01T18:00+02:00"
        );
    }

    #[test]
    fn summer_time_and_the_night_of_the_autumn_switch() {
        // 25 Oct 2026: 00:30 UTC is 03:30 summer time, 01:30 UTC is 03:30 winter time.
        let e = event("2026-10-25T00:30:00Z", Some("2026-10-25T01:30:00Z"));
        assert_eq!(when(Lang::Fi, &e), "su 25.10.2026 klo 03.30–03.30");
        assert_eq!(
            machine(e.start, Some("Europe/Helsinki")),
            "2026-10-25T03:30+03:00"
        );
        assert_eq!(
            machine(e.end.unwrap(), Some("Europe/Helsinki")),
            "2026-10-25T03:30+02:00"
        );
        // A summer evening written with the backend's own offset.
        let e = event(
            "2026-06-10T18:00:00+03:00",
            Some("2026-06-10T20:00:00+03:00"),
        );
        assert_eq!(when(Lang::En, &e), "Wed 10 Jun 2026, 18:00–20:00");
    }

    #[test]
    fn multi_day_and_whole_day_events() {
        let e = event("2026-12-01T16:00:00Z", Some("2026-12-02T08:00:00Z"));
        assert_eq!(
            when(Lang::Sv, &e),
            "tis 1.12.2026 kl. 18.00 – ons 2.12.2026 kl. 10.00"
        );
        let day = event("2026-12-05", Some("2026-12-05"));
        assert_eq!(when(Lang::Fi, &day), "la 5.12.2026");
        assert_eq!(start_date(&day), Date::parse("2026-12-05").unwrap());
        // Late evening UTC is already the next day in Helsinki.
        let late = event("2026-12-31T22:30:00Z", None);
        assert_eq!(start_date(&late), Date::parse("2027-01-01").unwrap());
        assert_eq!(when(Lang::En, &late), "Fri 1 Jan 2027, 00:30");
    }

    #[test]
    fn month_titles_and_weekday_names() {
        let d = Date::parse("2026-12-01").unwrap();
        assert_eq!(month_title(Lang::Fi, d), "joulukuu 2026");
        assert_eq!(month_title(Lang::Sv, d), "december 2026");
        assert_eq!(month_title(Lang::En, d), "December 2026");
        assert_eq!(weekday_long(Lang::Sv, 6), "söndag");
        assert_eq!(weekday_short(Lang::Fi, 0), "ma");
    }
}
