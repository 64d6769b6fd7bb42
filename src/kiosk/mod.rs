//! Library kiosk mode: a shared public terminal, switched on by `kiosk.enabled` in
//! `config.json` or by opening the app with `?kiosk=1` (remembered for the browser tab's
//! session, and kept through every reset).
//!
//! In kiosk mode the app keeps its data in `sessionStorage` (`crate::web::device`), never
//! remembers a nickname or a language, uses larger type and touch targets (`os-kiosk`), shows
//! links to other sites as "continue on your phone" QR codes ([`OutsideLink`]), and resets
//! itself after `kiosk.idle_reset_seconds` without input (`guard.rs`): every storage is
//! wiped (`crate::web::wipe`) and the start page loaded afresh in place of the current
//! history entry.
//!
//! Everything but the switch and small placeholders is one lazily loaded wasm chunk
//! ([`lazy`]), drawn through [`kiosk_part`].

mod draw;
pub(crate) mod guard;
pub(crate) mod idle;
pub(crate) mod lazy;
mod mode;
mod outside_link;
mod part;
pub(crate) mod phone;
pub mod qr;

pub(crate) use draw::kiosk_part;
pub(crate) use mode::{leave_earlier_session, requested_by_url, start_url};
pub(crate) use outside_link::OutsideLink;
pub(crate) use part::Part;
