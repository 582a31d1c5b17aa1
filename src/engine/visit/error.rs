//! Why a visit action was refused, with the cause where there is one.

use crate::engine::deadline::DeadlineError;
use crate::engine::store::Stale;

/// Why a visit action was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VisitError {
    /// The action belongs to another step of the visit.
    #[error("the visit is not at that step")]
    WrongStep,
    /// A consent signature without a stroke.
    #[error("the signature has no stroke")]
    NoSignature,
    /// A consent taken a way the service's source does not allow (a drawn
    /// signature for S2's OTP consent; a code where only a notice is due).
    #[error("the service's source does not provide for consent given this way")]
    ConsentNotThisWay,
    /// The receipt's deadline could not be computed.
    #[error("deadline: {0}")]
    Deadline(#[from] DeadlineError),
    /// Sync asked while the device has no connection.
    #[error("the device is offline")]
    Offline,
    /// The visit changed in another tab since it was shown.
    #[error("{0}")]
    Stale(#[from] Stale),
}
