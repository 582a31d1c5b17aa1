//! Why a calendar query could not be answered.

use chrono::NaiveDate;

use crate::engine::kztime::KzTimeError;

/// Why a calendar query could not be answered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The date is not in the table (2016-01-01..=2030-12-31).
    #[error("{date} is outside the working-day calendar ({first} to {last})")]
    OutOfRange { date: NaiveDate, first: NaiveDate, last: NaiveDate },
    /// The input is in the table, but the answer lies after its last day.
    #[error("counting from {from} goes past the end of the working-day calendar ({last})")]
    ResultOutOfRange { from: NaiveDate, last: NaiveDate },
    /// The embedded calendar data is inconsistent (a build-time mistake).
    #[error("calendar data error: {0}")]
    BadData(String),
    /// Opening hours that cannot be used for working-time arithmetic.
    #[error("unusable opening hours: {0}")]
    BadHours(String),
    /// A time conversion failed.
    #[error("{0}")]
    Time(#[from] KzTimeError),
}
