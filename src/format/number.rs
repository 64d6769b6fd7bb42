//! Numbers with units: distances, file sizes, durations.

use crate::domain::Lang;

/// `1.2` → `1,2` in Finnish and Swedish.
fn decimal(text: String, lang: Lang) -> String {
    match lang {
        Lang::En => text,
        Lang::Fi | Lang::Sv => text.replace('.', ","),
    }
}

/// A distance as residents read it: `350 m` (to 50 m), `1,2 km` (decimal comma in Finnish
/// and Swedish), `12 km`.
pub(crate) fn distance(lang: Lang, metres: f64) -> String {
    if metres < 950.0 {
        let rounded = ((metres / 50.0).round() * 50.0).max(50.0);
        return format!("{rounded:.0} m");
    }
    let km = metres / 1000.0;
    if km >= 9.95 {
        return format!("{km:.0} km");
    }
    decimal(format!("{km:.1} km"), lang)
}

/// A file size: `120 kt`/`120 kB`, `1,2 Mt`/`1,2 MB`/`1.2 MB` (Finnish says kilo- and
/// megatavu).
pub(crate) fn file_size(lang: Lang, bytes: u64) -> String {
    let (k, m) = match lang {
        Lang::Fi => ("kt", "Mt"),
        Lang::Sv | Lang::En => ("kB", "MB"),
    };
    if bytes >= 1_000_000 {
        decimal(format!("{:.1} {m}", bytes as f64 / 1_000_000.0), lang)
    } else {
        format!("{} {k}", bytes.div_ceil(1000).max(1))
    }
}

/// A short duration, rounded up to whole seconds: `4 s`, `1 min 5 s`, `2 min`.
pub(crate) fn duration(lang: Lang, millis: u64) -> String {
    let secs = millis.div_ceil(1000);
    let min = match lang {
        Lang::Fi | Lang::Sv | Lang::En => "min",
    };
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} {min}"),
        (m, s) => format!("{m} {min} {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_said_the_local_way() {
        assert_eq!(distance(Lang::Fi, 12.0), "50 m");
        assert_eq!(distance(Lang::Fi, 337.0), "350 m");
        assert_eq!(distance(Lang::Fi, 1_234.0), "1,2 km");
        assert_eq!(distance(Lang::Sv, 1_234.0), "1,2 km");
        assert_eq!(distance(Lang::En, 1_234.0), "1.2 km");
        assert_eq!(distance(Lang::En, 12_600.0), "13 km");
    }

    #[test]
    fn sizes_in_each_language() {
        assert_eq!(file_size(Lang::Fi, 2_400_000), "2,4 Mt");
        assert_eq!(file_size(Lang::Sv, 2_400_000), "2,4 MB");
        assert_eq!(file_size(Lang::En, 2_400_000), "2.4 MB");
        assert_eq!(file_size(Lang::Fi, 120_500), "121 kt");
        assert_eq!(file_size(Lang::En, 10), "1 kB");
    }

    #[test]
    fn durations_round_up_to_seconds() {
        assert_eq!(duration(Lang::En, 3_200), "4 s");
        assert_eq!(duration(Lang::Fi, 65_000), "1 min 5 s");
        assert_eq!(duration(Lang::Sv, 120_000), "2 min");
        assert_eq!(duration(Lang::En, 0), "0 s");
    }
}
