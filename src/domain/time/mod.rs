//! Calendar dates and instants as the backends send them (ISO 8601 / RFC 3339), with just
//! enough arithmetic to compare them and to read them in Finnish time. No time-zone database:
//! offsets are kept as given, and Finland's summer time follows the EU rule.

mod calendar;
mod error;
mod instant;
mod zone;

pub use calendar::Date;
pub use error::TimeParseError;
pub use instant::Timestamp;
pub use zone::{helsinki_offset_minutes, LocalTime};

#[cfg(test)]
mod tests;
