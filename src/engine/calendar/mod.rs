//! The Kazakhstan working-day calendar, 2016–2030, and working-time arithmetic.
//!
//! The seeds count terms in working days but contain no holiday list
//! (RULES.md §5.1, §9), so the calendar is outside data:
//! `src/engine/data/calendar.toml` (fixed holidays, Kurban Ait dates, decreed
//! transfers, per-year status and provenance). A new year or decree is an
//! edit there, never here.
//!
//! The data is expanded once into a dense per-day table with prefix counts,
//! so every date query is O(1) (index arithmetic, no day-by-day loop). That
//! matters because the UI recomputes many deadlines as the user types.
//!
//! - [`day`](mod@day): what a day is ([`DayKind`]) and how sure a year's data is;
//! - [`data`](Calendar::from_json): reading and checking the data;
//! - [`Calendar`]: the table and its date arithmetic;
//! - working time (opening hours, breaks): [`Calendar::add_working_time`].
//!
//! ```
//! use chrono::NaiveDate;
//! use qujat::engine::calendar;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! // Thursday 20 March 2025 + 1 working day: Nauryz (21–23 March, and the
//! // days it moved to) is skipped, so the answer is Wednesday 26 March.
//! assert_eq!(calendar::add_working_days(d(2025, 3, 20), 1)?, d(2025, 3, 26));
//! # Ok::<(), calendar::CalendarError>(())
//! ```

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::term::Hours;

mod data;
pub mod day;
mod error;
mod hours;
mod table;

pub use day::{
    CalendarSource, DayInfo, DayKind, HolidayDef, HolidayId, SpecialDay, YearInfo, YearStatus,
};
pub use error::CalendarError;
pub use hours::WorkDuration;
pub use table::Calendar;

const DATA_JSON: &str = crate::engine::embedded::embedded_data!("calendar");

/// The embedded calendar data, as JSON (the format [`Calendar::from_json`]
/// reads): for tools and tests that build a changed copy.
pub fn embedded_data() -> &'static str {
    DATA_JSON
}

static DATA: OnceLock<Result<data::RawData, CalendarError>> = OnceLock::new();
static TABLE: OnceLock<Result<Calendar, CalendarError>> = OnceLock::new();

/// The Kazakhstan calendar, built on first use from the embedded data.
pub fn calendar() -> Result<&'static Calendar, CalendarError> {
    TABLE
        .get_or_init(|| {
            let data =
                DATA.get_or_init(|| data::parse(DATA_JSON)).as_ref().map_err(Clone::clone)?;
            data::build(data)
        })
        .as_ref()
        .map_err(Clone::clone)
}

// ---------------------------------------------------------------------------
// Free functions on the embedded calendar, for callers that do not keep a
// `&Calendar` around.

/// See [`Calendar::day`].
pub fn day(d: NaiveDate) -> Result<DayInfo, CalendarError> {
    calendar()?.day(d)
}

/// See [`Calendar::is_working`].
pub fn is_working(d: NaiveDate) -> Result<bool, CalendarError> {
    calendar()?.is_working(d)
}

/// See [`Calendar::add_working_days`].
pub fn add_working_days(d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    calendar()?.add_working_days(d, n)
}

/// See [`Calendar::add_calendar_days`].
pub fn add_calendar_days(d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    calendar()?.add_calendar_days(d, n)
}

/// See [`Calendar::working_days_between`].
pub fn working_days_between(a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
    calendar()?.working_days_between(a, b)
}

/// See [`Calendar::next_working_day_after`].
pub fn next_working_day_after(d: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar()?.next_working_day_after(d)
}

/// See [`Calendar::holidays_in`].
pub fn holidays_in(a: NaiveDate, b: NaiveDate) -> Result<&'static [SpecialDay], CalendarError> {
    calendar()?.holidays_in(a, b)
}

/// See [`Calendar::year_info`].
pub fn year_info(year: i32) -> Result<&'static YearInfo, CalendarError> {
    calendar()?.year_info(year)
}

/// See [`Calendar::add_working_time`].
pub fn add_working_time(
    start: DateTime<Utc>, dur: WorkDuration, hours: &Hours,
) -> Result<DateTime<Utc>, CalendarError> {
    calendar()?.add_working_time(start, dur, hours)
}

/// See [`Calendar::is_open`].
pub fn is_open(instant: DateTime<Utc>, hours: &Hours) -> Result<bool, CalendarError> {
    calendar()?.is_open(instant, hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn embedded_data_builds() {
        let c = calendar().unwrap();
        assert_eq!(c.range(), (d("2016-01-01"), d("2030-12-31")));
        assert_eq!(c.days.len(), 5479);
    }

    #[test]
    fn bad_data_is_an_error_not_a_panic() {
        let r: Result<data::RawData, _> = serde_json::from_str("{\"meta\": 1}");
        assert!(r.is_err());
    }
}
