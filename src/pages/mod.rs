//! One component per route.

pub mod accessibility_page;
pub mod events_page;
pub mod followed_page;
pub mod home_page;
pub mod not_found_page;
pub mod placeholder;
pub mod plans_page;
pub mod projects_page;
