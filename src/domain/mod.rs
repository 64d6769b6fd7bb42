//! Plain Rust types and rules of the product. No Leptos, no web-sys, no serde renames.

mod lang;
mod localized;

pub use lang::Lang;
pub use localized::Localized;
