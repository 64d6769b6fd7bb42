//! Staff sign-in and the staff API: OpenID Connect authorization code with PKCE against the
//! municipality's provider (`config.json` `staff`), tokens in memory only, renewed before they
//! expire, ended with the provider's logout. Only the staff workspace's chunk reaches this.

mod api;
mod session;
mod sign_in;
mod strings;

pub(crate) use api::{me, StaffRole};
pub(crate) use session::{staff_state, StaffState};
pub(crate) use sign_in::{complete, sign_in, sign_out};
pub(crate) use strings::load_staff_strings;
