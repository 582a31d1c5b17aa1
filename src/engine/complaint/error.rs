//! Why a complaint could not be filed, advanced or escalated.

use chrono::{DateTime, Utc};

use super::draft::ComplaintFieldError;
use super::mark::{ActionKind, ComplaintStatus};
use crate::engine::deadline::DeadlineError;
use crate::engine::store::Stale;

/// Why an escalation or a quality-control filing is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EscalationProblem {
    /// The complaint has no answer yet.
    #[error("the complaint has no answer yet")]
    NotAnswered,
    /// Already at the quality-control authority: the next step is the court.
    #[error(
        "the complaint is already at the quality-control authority; the next step is the court"
    )]
    AlreadyAtQualityControl,
    /// The earlier complaint is about another service.
    #[error("the earlier complaint is about another service")]
    OtherService,
    /// An escalation must be addressed to the quality-control authority.
    #[error("an escalation is addressed to the quality-control authority")]
    NotQualityControl,
}

/// Why a complaint could not be filed or advanced. `code()` is stable.
#[derive(Clone, Debug, PartialEq, Eq)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "complaint-", serialize_all = "kebab-case")]
pub enum ComplaintError {
    Invalid(Vec<ComplaintFieldError>),
    IllegalTransition {
        from: ComplaintStatus,
        action: ActionKind,
    },
    TimeGoesBackwards {
        last: DateTime<Utc>,
        at: DateTime<Utc>,
    },
    StaleRevision {
        expected: u64,
        found: u64,
    },
    /// A registration field empty or too long ("incoming-number", "registered-by", "place").
    BadRegistration {
        field: &'static str,
    },
    /// An answer without text, or longer than [`TEXT_MAX`](super::TEXT_MAX).
    BadAnswer,
    #[strum(serialize = "escalation-not-allowed")]
    Escalation(EscalationProblem),
    /// The review term could not be computed.
    Deadline(DeadlineError),
}

impl ComplaintError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `complaint-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive (an older name by `#[strum(serialize)]`).
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for ComplaintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ComplaintError::Invalid(errors) => {
                write!(f, "the complaint has {} problem(s)", errors.len())
            }
            ComplaintError::IllegalTransition { from, action } => {
                write!(f, "{action:?} is not allowed after {from:?}")
            }
            ComplaintError::TimeGoesBackwards { last, at } => {
                write!(f, "{at} is earlier than the last mark at {last}")
            }
            ComplaintError::StaleRevision { expected, found } => write!(
                f,
                "the complaint changed elsewhere (expected revision {expected}, found {found})"
            ),
            ComplaintError::BadRegistration { field } => {
                write!(f, "registration field {field} is empty or too long")
            }
            ComplaintError::BadAnswer => f.write_str("the answer needs a text"),
            ComplaintError::Escalation(p) => write!(f, "escalation not allowed: {p:?}"),
            ComplaintError::Deadline(e) => write!(f, "deadline: {e}"),
        }
    }
}

impl std::error::Error for ComplaintError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ComplaintError::Invalid(errors) => {
                errors.first().map(|e| e as &(dyn std::error::Error + 'static))
            }
            ComplaintError::Escalation(p) => Some(p),
            ComplaintError::Deadline(e) => Some(e),
            _ => None,
        }
    }
}

impl From<Stale> for ComplaintError {
    fn from(Stale { expected, found }: Stale) -> Self {
        ComplaintError::StaleRevision { expected, found }
    }
}

impl From<DeadlineError> for ComplaintError {
    fn from(e: DeadlineError) -> Self {
        ComplaintError::Deadline(e)
    }
}
