//! Why a calendar query could not be answered.

use chrono::NaiveDate;

use crate::engine::kztime::KzTimeError;

/// Why a calendar query could not be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// The date is not in the table (2016-01-01..=2030-12-31).
    OutOfRange {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    /// The input is in the table, but the answer lies after its last day.
    ResultOutOfRange { from: NaiveDate, last: NaiveDate },
    /// The embedded calendar data is inconsistent (a build-time mistake).
    BadData(String),
    /// Opening hours that cannot be used for working-time arithmetic.
    BadHours(String),
    /// A time conversion failed.
    Time(KzTimeError),
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalendarError::OutOfRange { date, first, last } => write!(
                f,
                "{date} is outside the working-day calendar ({first} to {last})"
            ),
            CalendarError::ResultOutOfRange { from, last } => write!(
                f,
                "counting from {from} goes past the end of the working-day calendar ({last})"
            ),
            CalendarError::BadData(m) => write!(f, "calendar data error: {m}"),
            CalendarError::BadHours(m) => write!(f, "unusable opening hours: {m}"),
            CalendarError::Time(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CalendarError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CalendarError::Time(e) => Some(e),
            _ => None,
        }
    }
}

impl From<KzTimeError> for CalendarError {
    fn from(e: KzTimeError) -> Self {
        CalendarError::Time(e)
    }
}
