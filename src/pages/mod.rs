//! The pages, by area. Each area module has a `page(route)` that picks its page.

pub(crate) mod accessibility_page;
pub mod events;
pub(crate) mod home_page;
pub(crate) mod lazy;
pub(crate) mod not_found_page;
pub mod plans;
pub(crate) mod projects;
pub(crate) mod staff;
