//! Osallistu: public participation for Finnish municipalities, as a Leptos single-page app.
//!
//! Start-up ([`boot`]) reads the runtime `config.json`, then mounts either the app or a
//! translated error screen naming the broken setting.

pub mod app;
pub mod backend;
pub mod boot;
pub mod client;
pub mod components;
pub mod config;
pub mod domain;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod kiosk;
pub mod map;
pub mod pages;
pub mod panic;
pub mod pwa;
pub mod router;
pub mod state;
pub mod web;
