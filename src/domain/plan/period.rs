//! When comments are taken.

use crate::domain::time::Timestamp;

/// When comments are taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentPeriod {
    /// First instant comments are accepted.
    pub opens: Timestamp,
    /// Instant comments stop; `None` means open-ended.
    pub closes: Option<Timestamp>,
}

/// Whether a comment period is running at some instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodState {
    /// Opens later.
    NotYetOpen,
    /// Comments are accepted.
    Open,
    /// Over.
    Closed,
}

impl CommentPeriod {
    /// The state at `now`: open from `opens` (inclusive) until `closes` (exclusive).
    pub fn state_at(&self, now: Timestamp) -> PeriodState {
        if now < self.opens {
            PeriodState::NotYetOpen
        } else if self.closes.is_some_and(|closes| now >= closes) {
            PeriodState::Closed
        } else {
            PeriodState::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn a_period_is_open_from_its_first_instant_until_just_before_it_closes() {
        let period = CommentPeriod {
            opens: at("2026-11-04T16:00:00Z"),
            closes: Some(at("2026-12-19T16:00:00Z")),
        };
        assert_eq!(
            period.state_at(at("2026-11-04T15:59:59Z")),
            PeriodState::NotYetOpen
        );
        assert_eq!(
            period.state_at(at("2026-11-04T18:00:00+02:00")),
            PeriodState::Open
        );
        assert_eq!(
            period.state_at(at("2026-12-19T17:59:59+02:00")),
            PeriodState::Open
        );
        assert_eq!(
            period.state_at(at("2026-12-19T16:00:00Z")),
            PeriodState::Closed
        );
    }

    #[test]
    fn a_period_without_an_end_stays_open() {
        let period = CommentPeriod {
            opens: at("2026-01-01T00:00:00Z"),
            closes: None,
        };
        assert_eq!(
            period.state_at(at("2099-01-01T00:00:00Z")),
            PeriodState::Open
        );
    }
}
