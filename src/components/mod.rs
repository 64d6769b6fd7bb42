//! Shared pieces of the user interface.

pub(crate) mod backend_error;
pub(crate) mod config_error;
pub(crate) mod connection;
pub(crate) mod error_panel;
pub mod follow_button;
pub(crate) mod footer;
pub(crate) mod form;
pub(crate) mod header;
pub(crate) mod language_switch;
pub(crate) mod load;
pub(crate) mod local_text;
pub(crate) mod near_me;
pub(crate) mod page_title;
pub mod rich_text;
pub(crate) mod shell;
