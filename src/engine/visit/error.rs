//! Why a visit action was refused, with the cause where there is one.

use crate::engine::deadline::DeadlineError;
use crate::engine::store::Stale;

/// Why a visit action was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VisitError {
    /// The action belongs to another step of the visit.
    WrongStep,
    /// A consent signature without a stroke.
    NoSignature,
    /// A consent taken a way the service's source does not allow (a drawn
    /// signature for S2's OTP consent; a code where only a notice is due).
    ConsentNotThisWay,
    /// The receipt's deadline could not be computed.
    Deadline(DeadlineError),
    /// Sync asked while the device has no connection.
    Offline,
    /// The visit changed in another tab since it was shown.
    Stale(Stale),
}

impl std::fmt::Display for VisitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VisitError::WrongStep => f.write_str("the visit is not at that step"),
            VisitError::NoSignature => f.write_str("the signature has no stroke"),
            VisitError::ConsentNotThisWay => {
                f.write_str("the service's source does not provide for consent given this way")
            }
            VisitError::Deadline(e) => write!(f, "deadline: {e}"),
            VisitError::Offline => f.write_str("the device is offline"),
            VisitError::Stale(s) => s.fmt(f),
        }
    }
}

impl std::error::Error for VisitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VisitError::Deadline(e) => Some(e),
            VisitError::Stale(s) => Some(s),
            _ => None,
        }
    }
}

impl From<Stale> for VisitError {
    fn from(s: Stale) -> Self {
        VisitError::Stale(s)
    }
}

impl From<DeadlineError> for VisitError {
    fn from(e: DeadlineError) -> Self {
        VisitError::Deadline(e)
    }
}
