//! Why a date or time was not understood.

use std::fmt;

/// Why a date or time string was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeParseError(pub String);

impl fmt::Display for TimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 8601 date or time: {:?}", self.0)
    }
}
