//! UI strings in fi, sv and en. The tables are generated at build time from
//! `src/i18n/locales/*.json` and `src/i18n/locales/<area>/*.json` by the package's `build.rs`:
//! a key missing from any language fails the build, and a misspelt key in the code does not
//! compile.

mod context;
mod staff;
mod strings;

pub use context::{initial_language, provide_i18n, use_i18n, I18n, TableLoader};
pub(crate) use staff::{install_staff, staff_table_path};
pub use staff::{staff_loaded, StaffStrings};
pub use strings::*;
