//! How the app writes dates, times, durations, sizes and distances for residents, per
//! language. Pure Rust on `domain` values (no `Intl`, no browser time zone): every date and time
//! is Finnish time (Europe/Helsinki, summer time included) wherever the resident is, and every
//! function is tested natively.
//!
//! Styles (one per language, unambiguous):
//! - fi `ti 1.12.2026 klo 18.00`, sv `tis 1.12.2026 kl. 18.00`, en `Tue 1 Dec 2026, 18:00`;
//! - distances `350 m`, `1,2 km` (decimal comma in fi and sv), sizes `120 kt`/`120 kB`/`1,2 Mt`.

mod calendar;
mod date;
mod number;
mod url;

pub(crate) use calendar::{month_title, weekday_long, weekday_short};
pub(crate) use date::{clock, date_time, day, day_of, machine, span, weekday_date};
pub(crate) use number::{distance, duration, file_size};
pub(crate) use url::{form, form_component};
