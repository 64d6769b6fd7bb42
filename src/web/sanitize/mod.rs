//! Backend HTML made safe to show (Kerrokantasi hearing content, plan and event descriptions):
//! the pure rules ([`policy`], [`prefilter`]) and the browser's sanitisers that apply them.
//! The component that shows the result is `components::rich_text::RichText`.

mod browser;
mod plain;
pub(crate) mod policy;
pub(crate) mod prefilter;
mod tidy;

pub use browser::{dompurify_ready, ensure_dompurify, sanitize_now, set_html_method};
pub(crate) use browser::{show, DOMPURIFY_PATH};
pub use plain::plain_text;
