//! The events list's filters as they live in the address (`?topic=culture&from=2026-12-01`),
//! so a filtered list can be shared and Back restores it, and the query they make.

use crate::domain::{helsinki_midnight, Date, EventQuery, Timestamp};

/// The address keys of the filters, in the order the bar shows them.
pub(crate) mod key {
    pub(crate) const TEXT: &str = "q";
    pub(crate) const FROM: &str = "from";
    pub(crate) const TO: &str = "to";
    pub(crate) const TOPIC: &str = "topic";
    pub(crate) const AREA: &str = "area";
    pub(crate) const FORMAT: &str = "format";
    pub(crate) const FREE: &str = "free";
    pub(crate) const PAST: &str = "past";
    /// The view: list (absent), `calendar` or `map`.
    pub(crate) const VIEW: &str = "view";
    /// The calendar's month, `YYYY-MM`.
    pub(crate) const MONTH: &str = "month";
}

/// The value of a yes/no filter in the address.
pub(crate) const YES: &str = "1";

/// The filters as the address gives them ("" when absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct EventFilters {
    pub(crate) text: String,
    /// `YYYY-MM-DD`, as a date input writes it.
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) topic: String,
    /// An area's name as the backend gave it (Finnish first).
    pub(crate) area: String,
    /// "", `in_person` or `online`.
    pub(crate) format: String,
    pub(crate) free: bool,
    pub(crate) past: bool,
}

impl EventFilters {
    /// Reads the filters with `get(key)` (the router's query).
    pub(crate) fn read(get: impl Fn(&str) -> Option<String>) -> EventFilters {
        let text = |k: &str| get(k).unwrap_or_default();
        EventFilters {
            text: text(key::TEXT),
            from: text(key::FROM),
            to: text(key::TO),
            topic: text(key::TOPIC),
            area: text(key::AREA),
            format: text(key::FORMAT),
            free: get(key::FREE).as_deref() == Some(YES),
            past: get(key::PAST).as_deref() == Some(YES),
        }
    }

    /// Whether any filter is set (for "Clear filters").
    pub(crate) fn any(&self) -> bool {
        *self != EventFilters::default()
    }

    /// The list query at `now`: upcoming events unless past ones are asked for, within the
    /// dates given (whole Finnish days).
    pub(crate) fn query(&self, now: Timestamp) -> EventQuery {
        let from = Date::parse(self.from.trim()).ok().map(helsinki_midnight);
        let to = Date::parse(self.to.trim())
            .ok()
            .map(|d| helsinki_midnight(d.add_days(1)));
        let (start, end) = if self.past {
            (from, Some(to.map_or(now, |t| t.min(now))))
        } else {
            (Some(from.map_or(now, |f| f.max(now))), to)
        };
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        EventQuery {
            start,
            end,
            topic: some(&self.topic),
            online: match self.format.as_str() {
                "online" => Some(true),
                "in_person" => Some(false),
                _ => None,
            },
            free: self.free.then_some(true),
            area: some(&self.area),
            text: some(&self.text),
            ..EventQuery::default()
        }
    }
}

/// The calendar month of the address (`2026-12`), if it names one.
pub(crate) fn parse_month(s: &str) -> Option<Date> {
    Date::parse(&format!("{}-01", s.trim())).ok()
}

/// The address form of a month, `2026-12`.
pub(crate) fn month_key(d: Date) -> String {
    format!("{:04}-{:02}", d.year, d.month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn the_address_gives_the_filters_and_they_make_the_query() {
        let pairs = [
            ("topic", "culture"),
            ("from", "2026-12-01"),
            ("free", "1"),
            ("q", " ilta "),
        ];
        let f = EventFilters::read(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        });
        assert!(f.any() && f.free && !f.past);
        let now = at("2026-11-20T10:00:00Z");
        let q = f.query(now);
        // From the start of 1 December in Finland.
        assert_eq!(q.start, Some(at("2026-11-30T22:00:00Z")));
        assert_eq!((q.end, q.topic.as_deref()), (None, Some("culture")));
        assert_eq!(
            (q.free, q.text.as_deref(), q.online),
            (Some(true), Some("ilta"), None)
        );
        assert!(!EventFilters::read(|_| None).any());
    }

    #[test]
    fn upcoming_by_default_and_past_events_up_to_now() {
        let now = at("2026-11-20T10:00:00Z");
        let q = EventFilters::default().query(now);
        assert_eq!((q.start, q.end), (Some(now), None));
        let past = EventFilters {
            past: true,
            to: "2026-12-24".into(),
            format: "online".into(),
            ..EventFilters::default()
        };
        let q = past.query(now);
        assert_eq!((q.start, q.end, q.online), (None, Some(now), Some(true)));
    }

    #[test]
    fn months_in_the_address() {
        let d = parse_month("2026-07").unwrap();
        assert_eq!((d.year, d.month, d.day), (2026, 7, 1));
        assert_eq!(month_key(d), "2026-07");
        assert_eq!(parse_month("july"), None);
    }
}
