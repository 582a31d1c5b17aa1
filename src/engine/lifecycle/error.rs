//! Why a transition was refused.

use chrono::{DateTime, NaiveDate, Utc};

use super::state::{Role, State, Transition};
use crate::engine::calendar::CalendarError;
use crate::engine::deadline::DeadlineError;
use crate::engine::kztime::KzTimeError;
use crate::engine::store::Stale;

/// Why a transition was refused. `code()` is stable for the UI's messages.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "lifecycle-", serialize_all = "kebab-case")]
pub enum LifecycleError {
    #[error("{} is not allowed in state {}", .transition.slug(), .from.slug())]
    IllegalTransition { from: State, transition: Transition },
    #[error("{actor:?} may not {}; allowed: {allowed:?}", .transition.slug())]
    WrongRole { transition: Transition, actor: Role, allowed: Vec<Role> },
    /// The event is earlier than the last recorded one.
    #[error("event at {at} is earlier than the last one at {last}")]
    TimeGoesBackwards { last: DateTime<Utc>, at: DateTime<Utc> },
    /// A refusal without a ground or without its motivation.
    #[error("a refusal needs a ground and its motivation")]
    MissingReason,
    /// A refusal of a service whose source gives no ground and no refusal
    /// (S1, F000): nothing is refused that the law does not provide for.
    #[error("the service's source provides no refusal and no ground for one")]
    NoRefusalInSource,
    /// A refusal ground that is not one of the service's decision grounds.
    #[error("{reason_id:?} is not a decision ground of this service")]
    UnknownReason { reason_id: String },
    /// Another tab advanced the record: `expected` was the caller's, `found` is current.
    #[error("the record changed elsewhere (expected revision {expected}, found {found})")]
    StaleRevision { expected: u64, found: u64 },
    /// Handing over before the month of storage has passed.
    #[error("the State Corporation keeps the result until {until}")]
    StorageNotExpired { until: NaiveDate },
    /// Working-time steps without the provider's hours.
    #[error("the provider's working hours are not known")]
    NoHours,
    /// The service has no term to give the legal deadline's basis.
    #[error("the service has no term")]
    NoTerm,
    /// A date or time could not be computed (e.g. outside the calendar's
    /// 2016–2030).
    #[error("deadline: {0}")]
    Deadline(#[from] DeadlineError),
}

impl LifecycleError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `lifecycle-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

impl From<Stale> for LifecycleError {
    fn from(Stale { expected, found }: Stale) -> Self {
        LifecycleError::StaleRevision { expected, found }
    }
}

impl From<CalendarError> for LifecycleError {
    fn from(e: CalendarError) -> Self {
        LifecycleError::Deadline(DeadlineError::Calendar(e))
    }
}

impl From<KzTimeError> for LifecycleError {
    fn from(e: KzTimeError) -> Self {
        LifecycleError::Deadline(DeadlineError::Time(e))
    }
}

/// A date past what can be counted (chrono's or the calendar's end).
pub(super) fn out_of_range(from: NaiveDate) -> LifecycleError {
    CalendarError::ResultOutOfRange { from, last: NaiveDate::MAX }.into()
}
