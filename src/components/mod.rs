//! Shared pieces of the user interface.

pub mod backend_error;
pub mod config_error;
pub mod connection;
pub mod error_panel;
pub mod follow_button;
pub mod footer;
pub mod form;
pub mod header;
pub mod language_switch;
pub mod load;
pub mod local_text;
pub mod near_me;
pub mod page_title;
pub mod rich_text;
pub mod shell;
