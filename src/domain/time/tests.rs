use super::*;

#[test]
fn utc_and_offset_forms_of_the_same_instant_are_equal() {
    let utc = Timestamp::parse("2026-11-30T16:00:00Z").unwrap();
    let helsinki = Timestamp::parse("2026-11-30T18:00:00+02:00").unwrap();
    assert_eq!(utc, helsinki);
    assert_eq!(helsinki.offset_minutes(), 120);
    assert_eq!(utc.unix_seconds(), 1_796_054_400);
}

#[test]
fn fractional_seconds_and_negative_offsets_are_understood() {
    let t = Timestamp::parse("2026-11-20T05:04:08.101898+02:00").unwrap();
    assert_eq!(
        t.unix_seconds(),
        Timestamp::parse("2026-11-20T03:04:08Z")
            .unwrap()
            .unix_seconds()
    );
    // Instants keep their microseconds: an update 0.1 s after a follow is after it.
    assert!(t > Timestamp::parse("2026-11-20T03:04:08Z").unwrap());
    assert_eq!(t.to_string(), "2026-11-20T03:04:08.101898Z");
    assert_eq!(
        Timestamp::parse("2026-11-20T03:04:08.5Z")
            .unwrap()
            .unix_micros()
            % 1_000_000,
        500_000
    );
    assert_eq!(
        Timestamp::from_unix_millis(1_500).to_string(),
        "1970-01-01T00:00:01.500000Z"
    );
    let west = Timestamp::parse("2026-01-01T00:00:00-05:30").unwrap();
    assert_eq!(
        west.unix_seconds(),
        Timestamp::parse("2026-01-01T05:30:00Z")
            .unwrap()
            .unix_seconds()
    );
    assert_eq!(west.offset_minutes(), -330);
}

#[test]
fn the_unix_epoch_and_leap_days_count_right() {
    assert_eq!(
        Timestamp::parse("1970-01-01T00:00:00Z")
            .unwrap()
            .unix_seconds(),
        0
    );
    assert_eq!(
        Date::parse("2024-02-29")
            .unwrap()
            .start_utc()
            .unix_seconds(),
        1_709_164_800
    );
    assert!(Date::parse("2026-02-29").is_err());
    assert!(Date::parse("2000-02-29").is_ok());
}

#[test]
fn malformed_dates_and_times_are_refused() {
    for s in [
        "",
        "2026-13-01",
        "2026-1-01",
        "26-01-01",
        "2026-01-32",
        "2026/01/01",
    ] {
        assert!(Date::parse(s).is_err(), "{s}");
    }
    for s in [
        "2026-12-16",
        "2026-12-16T18:00:00",
        "2026-12-16T24:00:00Z",
        "2026-12-16T18:00:00+2:00",
        "2026-12-16T18:00:00.Z",
        "2026-12-16T18:0a:00Z",
    ] {
        assert!(Timestamp::parse(s).is_err(), "{s}");
    }
}

#[test]
fn instants_order_by_time_not_by_text() {
    let a = Timestamp::parse("2026-11-30T18:00:00+03:00").unwrap();
    let b = Timestamp::parse("2026-11-30T16:30:00Z").unwrap();
    assert!(a < b);
    assert_eq!(Date::parse("2026-12-16").unwrap().to_string(), "2026-12-16");
}

#[test]
fn instants_are_written_back_in_utc() {
    let t = Timestamp::parse("2026-11-30T18:00:05+02:00").unwrap();
    assert_eq!(t.to_string(), "2026-11-30T16:00:05Z");
    assert_eq!(
        Timestamp::parse("2024-02-29T23:59:59-01:00")
            .unwrap()
            .to_string(),
        "2024-03-01T00:59:59Z"
    );
    assert_eq!(
        Timestamp::from_unix_seconds(-1).to_string(),
        "1969-12-31T23:59:59Z"
    );
}

#[test]
fn weekdays_and_month_steps() {
    // 2026-03-29 is a Sunday, 2026-11-30 a Monday.
    assert_eq!(Date::parse("2026-03-29").unwrap().weekday(), 6);
    assert_eq!(Date::parse("2026-11-30").unwrap().weekday(), 0);
    let d = Date::parse("2026-12-31").unwrap();
    assert_eq!(d.add_days(1), Date::parse("2027-01-01").unwrap());
    assert_eq!(d.add_months(2), Date::parse("2027-02-01").unwrap());
    assert_eq!(d.add_months(-12), Date::parse("2025-12-01").unwrap());
    assert_eq!(Date::parse("2028-02-10").unwrap().days_in_month(), 29);
}

fn helsinki(s: &str) -> (String, i16) {
    let l = Timestamp::parse(s).unwrap().in_helsinki();
    (
        format!("{} {:02}:{:02}", l.date, l.hour, l.minute),
        l.offset_minutes,
    )
}

#[test]
fn helsinki_time_follows_the_eu_summer_time_switches() {
    // Winter: UTC+2.
    assert_eq!(
        helsinki("2026-11-30T16:00:00Z"),
        ("2026-11-30 18:00".into(), 120)
    );
    // Spring forward on Sunday 2026-03-29 at 01:00 UTC (03:00 local becomes 04:00).
    assert_eq!(
        helsinki("2026-03-29T00:59:00Z"),
        ("2026-03-29 02:59".into(), 120)
    );
    assert_eq!(
        helsinki("2026-03-29T01:00:00Z"),
        ("2026-03-29 04:00".into(), 180)
    );
    // Fall back on Sunday 2026-10-25 at 01:00 UTC (04:00 local becomes 03:00 again).
    assert_eq!(
        helsinki("2026-10-25T00:59:00Z"),
        ("2026-10-25 03:59".into(), 180)
    );
    assert_eq!(
        helsinki("2026-10-25T01:00:00Z"),
        ("2026-10-25 03:00".into(), 120)
    );
    // Another year: 2027 switches on March 28 and October 31.
    assert_eq!(helsinki("2027-03-28T01:00:00Z").1, 180);
    assert_eq!(helsinki("2027-10-31T00:59:59Z").1, 180);
    assert_eq!(helsinki("2027-10-31T01:00:00Z").1, 120);
    // Crossing midnight into the next local day.
    assert_eq!(
        helsinki("2026-12-31T22:30:00Z"),
        ("2027-01-01 00:30".into(), 120)
    );
}

#[test]
fn other_zones_keep_the_offset_the_backend_wrote() {
    let t = Timestamp::parse("2026-07-01T12:00:00-04:00").unwrap();
    let l = t.in_zone(Some("America/New_York"));
    assert_eq!((l.hour, l.offset_minutes), (12, -240));
    assert_eq!(t.in_zone(None).hour, 19);
}
