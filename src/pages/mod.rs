//! The pages, by area. Each area module has a `page(route)` that picks its page.

pub mod accessibility_page;
pub mod events;
pub mod home_page;
pub mod lazy;
pub mod not_found_page;
pub mod placeholder;
pub mod plans;
pub mod projects;
