//! Why signing in did not work.

/// Why signing in did not work, as the person is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OidcError {
    /// The provider could not be reached.
    Network,
    /// The provider's answer was not what OpenID Connect describes (or names another issuer).
    Provider,
    /// The person cancelled or the provider refused (`access_denied`, `login_required`…).
    Denied(String),
    /// The callback does not belong to a sign-in started here (state mismatch, replay, a
    /// token for someone else): nothing is accepted.
    Rejected,
    /// The sign-in or its renewal has ended (`invalid_grant`): sign in again.
    Expired,
}
