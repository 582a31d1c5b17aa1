//! Deadlines that explain themselves.
//!
//! A citizen must be able to ask "why this date?". Each computation returns,
//! besides the date, the list of [`Step`]s that produced it: when the
//! application was taken as accepted, which day is day 0, which days were
//! skipped and why, and the [`Provenance`](crate::engine::source::Provenance)
//! (clause or RULES.md §6 assumption) of every rule applied. Steps are data
//! (dates, ids, provenance), never prose, so the UI can render them in kk,
//! ru or en, and a stored record can keep the explanation it was given
//! (the `qujat-rules` CLI has its own English rendering).
//!
//! - [`compute`] / [`deadline_for`]: the citizen's deadline for a term;
//! - [`Step`], [`Explanation`]: the explanation as data;
//! - [`hours_warning`]: the 17:30–18:30 warning before signing (C-05);
//! - milestones: [`provider_delivery_due`], [`storage_until`],
//!   [`return_due`], [`complaint_due`].
//!
//! Monotonicity holds by construction: acceptance is "the same or the next
//! working day", and both day counts are monotone in their start date, so a
//! later submission never yields an earlier due date (checked by proptest).

use crate::engine::calendar::CalendarError;
use crate::engine::kztime::KzTimeError;
use crate::engine::term::{Channel, Location};

mod compute;
mod explain;
mod milestone;
mod warning;

pub use compute::{compute, compute_in, deadline_for, deadline_for_in, location_assumption};
pub use explain::{Deadline, Explanation, Milestone, RecordedDeadline, Step};
pub use milestone::{
    ComplaintAuthority, complaint_due, own_provenance, provider_delivery_due, return_due,
    return_due_in, storage_until,
};
pub use warning::{HoursWarning, hours_warning};

/// Why a deadline could not be computed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    #[error("{0}")]
    Calendar(#[from] CalendarError),
    #[error("{0}")]
    Time(#[from] KzTimeError),
    /// A `NextWorkingDayAfterCutoff` term whose cutoff is not "HH:MM".
    #[error("bad cut-off time {0:?}, want HH:MM")]
    BadCutoff(String),
    /// A term of zero days: the data is wrong, not the citizen.
    #[error("a term of 0 days is not a valid term")]
    ZeroTerm,
    /// The service has no term for this channel.
    #[error("the service cannot be applied for via {}", .0.slug())]
    NoTermForChannel(Channel),
    /// The service has terms for this channel, but none for this location.
    #[error("the service has no {channel} term for location {1:?}", channel = .0.slug())]
    NoTermForLocation(Channel, Location),
}
