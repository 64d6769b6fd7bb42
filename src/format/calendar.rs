//! Names of weekdays and months.

use crate::domain::{Date, Lang};

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

/// English month abbreviations, as in `1 Dec 2026`.
pub(super) const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Fi => 0,
        Lang::Sv => 1,
        Lang::En => 2,
    }
}

/// Short weekday name, Monday = 0 (`ti`, `tis`, `Tue`).
pub(crate) fn weekday_short(lang: Lang, weekday: u8) -> &'static str {
    WEEKDAYS_SHORT[index(lang)][usize::from(weekday % 7)]
}

/// Full weekday name, Monday = 0.
pub(crate) fn weekday_long(lang: Lang, weekday: u8) -> &'static str {
    WEEKDAYS_LONG[index(lang)][usize::from(weekday % 7)]
}

/// `joulukuu 2026`, `december 2026`, `December 2026`.
pub(crate) fn month_title(lang: Lang, month: Date) -> String {
    format!(
        "{} {}",
        MONTHS[index(lang)][usize::from(month.month - 1)],
        month.year
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_titles_and_weekday_names() {
        let d = Date::parse("2026-12-01").unwrap();
        assert_eq!(month_title(Lang::Fi, d), "joulukuu 2026");
        assert_eq!(month_title(Lang::Sv, d), "december 2026");
        assert_eq!(month_title(Lang::En, d), "December 2026");
        assert_eq!(weekday_short(Lang::Fi, d.weekday()), "ti");
        assert_eq!(weekday_long(Lang::Sv, d.weekday()), "tisdag");
        assert_eq!(weekday_short(Lang::En, 6), "Sun");
    }
}
