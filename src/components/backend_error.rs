//! One translated sentence for each way a backend call can fail.

use crate::backend::BackendError;
use crate::i18n::{fill, Strings};

/// The message a resident sees for `error`. Area pages handle their own conflict codes
/// (a full event, a closed comment period) before falling back to this.
pub(crate) fn backend_error_text(t: &Strings, error: &BackendError) -> String {
    let text = match error {
        BackendError::Network(_) => t.backend_error_network,
        BackendError::Timeout => t.backend_error_timeout,
        BackendError::Unauthorized => t.backend_error_unauthorized,
        BackendError::Forbidden { code } => match code.as_str() {
            "hearing_closed" | "comment_period_closed" | "closed" => t.backend_error_closed,
            c if c.ends_with("_registered") || c == "registered_only" => {
                t.backend_error_registered_only
            }
            _ => t.backend_error_forbidden,
        },
        BackendError::NotFound => t.backend_error_not_found,
        BackendError::Gone => t.backend_error_gone,
        BackendError::Conflict { code } => match code.as_str() {
            "comment_period_closed" => t.backend_error_closed,
            _ => t.backend_error_conflict,
        },
        BackendError::Validation { .. } => t.backend_error_invalid,
        BackendError::RateLimited { .. } => t.backend_error_rate_limited,
        BackendError::Rejected { status } => {
            return fill(t.backend_error_rejected, &[("status", &status.to_string())])
        }
        BackendError::Server { .. } => t.backend_error_server,
        BackendError::Decode { .. } => t.backend_error_decode,
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn kerrokantasi_reasons_and_statuses_get_their_own_sentences() {
        let closed = BackendError::Forbidden {
            code: "hearing_closed".into(),
        };
        assert_eq!(backend_error_text(&EN, &closed), EN.backend_error_closed);
        let registered = BackendError::Forbidden {
            code: "commenting_registered".into(),
        };
        assert_eq!(
            backend_error_text(&EN, &registered),
            EN.backend_error_registered_only
        );
        assert_eq!(
            backend_error_text(&EN, &BackendError::Rejected { status: 413 }),
            "The service refused the request (HTTP 413)."
        );
    }
}
