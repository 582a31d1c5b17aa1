//! The dense per-day table and the O(1) date arithmetic on it.

use chrono::{Datelike, NaiveDate, Weekday};

use super::day::{CalendarSource, DayInfo, HolidayDef, SpecialDay, YearInfo};
use super::error::CalendarError;

/// The expanded calendar. Obtain the embedded one with
/// [`calendar`](super::calendar()), another with [`Calendar::from_json`].
#[derive(Debug)]
pub struct Calendar {
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    /// `first.num_days_from_ce()`, so a date's index is one subtraction.
    pub(super) base: i32,
    pub(super) days: Vec<DayInfo>,
    /// `cum_work[i]`: working days among indices `0..=i`.
    pub(super) cum_work: Vec<u32>,
    /// `cum_weekend[i]`: plain weekend days among indices `0..=i`.
    pub(super) cum_weekend: Vec<u32>,
    /// The working days, in order (working-day ordinal -> date): the
    /// answer of "the n-th working day after d" is one load away.
    pub(super) work_dates: Vec<NaiveDate>,
    pub(super) specials: Vec<SpecialDay>,
    pub(super) holidays: Vec<HolidayDef>,
    pub(super) years: Vec<YearInfo>,
    pub(super) source: CalendarSource,
}

impl Calendar {
    /// First and last date of the table.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.first, self.last)
    }

    /// Provenance of the data set as a whole.
    pub fn source(&self) -> &CalendarSource {
        &self.source
    }

    /// Every holiday the data defines.
    pub fn holidays(&self) -> &[HolidayDef] {
        &self.holidays
    }

    /// The holiday with this id, if the data defines it.
    pub fn holiday(&self, id: &str) -> Option<&HolidayDef> {
        self.holidays.iter().find(|h| h.id == id)
    }

    /// Status and provenance of one year.
    pub fn year_info(&self, year: i32) -> Result<&YearInfo, CalendarError> {
        usize::try_from(year - self.first.year()).ok().and_then(|i| self.years.get(i)).ok_or(
            CalendarError::OutOfRange {
                date: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
                first: self.first,
                last: self.last,
            },
        )
    }

    fn index(&self, d: NaiveDate) -> Result<usize, CalendarError> {
        usize::try_from(d.num_days_from_ce() - self.base)
            .ok()
            .filter(|&i| i < self.days.len())
            .ok_or(CalendarError::OutOfRange { date: d, first: self.first, last: self.last })
    }

    fn beyond(&self, from: NaiveDate) -> CalendarError {
        CalendarError::ResultOutOfRange { from, last: self.last }
    }

    /// The date of the `ordinal`-th working day (0-based) of the table.
    fn working_day(&self, ordinal: usize, from: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.work_dates.get(ordinal).copied().ok_or_else(|| self.beyond(from))
    }

    /// Everything the table knows about `d`.
    pub fn day(&self, d: NaiveDate) -> Result<DayInfo, CalendarError> {
        Ok(self.days[self.index(d)?])
    }

    pub fn is_working(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.days[self.index(d)?].is_working())
    }

    /// The `n`-th working day strictly after `d` (n ≥ 1). `n = 0` means "no
    /// days to count": the first working day **on or after** `d` (so a date
    /// that is itself working is returned unchanged). O(1).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use qujat::engine::calendar;
    ///
    /// let cal = calendar::calendar()?;
    /// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// // Friday 3 January 2025 was a day off by decree, worked on Sunday the 5th.
    /// assert_eq!(cal.add_working_days(d("2025-01-02"), 1)?, d("2025-01-05"));
    /// // n = 0: the date itself if it is a working day, else the next one.
    /// assert_eq!(cal.add_working_days(d("2025-01-06"), 0)?, d("2025-01-06"));
    /// assert_eq!(cal.add_working_days(d("2025-01-04"), 0)?, d("2025-01-05"));
    /// // Outside 2016–2030 the calendar does not guess.
    /// assert!(cal.add_working_days(d("2031-01-01"), 1).is_err());
    /// # Ok::<(), calendar::CalendarError>(())
    /// ```
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        let before = self.cum_work[i] as usize; // working days in [first, d]
        let ordinal = if n == 0 {
            if self.days[i].is_working() {
                return Ok(d);
            }
            before
        } else {
            before + (n as usize - 1)
        };
        self.working_day(ordinal, d)
    }

    /// The first working day on or after `d`.
    pub fn first_working_day_on_or_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(d, 0)
    }

    /// The first working day strictly after `d`.
    pub fn next_working_day_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(d, 1)
    }

    /// The last working day strictly before `d`.
    pub fn previous_working_day_before(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        let upto = self.cum_work[i] as usize - usize::from(self.days[i].is_working());
        // `upto` working days lie before d; the last of them is ordinal upto-1.
        match upto.checked_sub(1) {
            Some(o) => self.working_day(o, d),
            None => Err(CalendarError::OutOfRange { date: d, first: self.first, last: self.last }),
        }
    }

    /// `d + n` calendar days; if that day is not a working day, the next
    /// working day after it. O(1).
    pub fn add_calendar_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(d)?;
        let j = i
            .checked_add(n as usize)
            .filter(|&j| j < self.days.len())
            .ok_or_else(|| self.beyond(d))?;
        if self.days[j].is_working() {
            Ok(self.days[j].date)
        } else {
            self.working_day(self.cum_work[j] as usize, d)
        }
    }

    /// Working days in the half-open range (a, b]; negative when b < a
    /// (then it is minus the count in (b, a]). O(1).
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        Ok(i64::from(self.cum_work[ib]) - i64::from(self.cum_work[ia]))
    }

    /// Plain weekend days (not holidays, not transfers) in [a, b], inclusive.
    /// O(1). Zero when b < a.
    pub fn plain_weekends_in(&self, a: NaiveDate, b: NaiveDate) -> Result<u32, CalendarError> {
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        if ib < ia {
            return Ok(0);
        }
        let before = if ia == 0 { 0 } else { self.cum_weekend[ia - 1] };
        Ok(self.cum_weekend[ib] - before)
    }

    /// Holidays, moved holidays and both sides of transfers in [a, b],
    /// inclusive, in date order (binary search; for explanations). Empty when b < a.
    pub fn holidays_in(&self, a: NaiveDate, b: NaiveDate) -> Result<&[SpecialDay], CalendarError> {
        self.index(a)?;
        self.index(b)?;
        if b < a {
            return Ok(&[]);
        }
        let lo = self.specials.partition_point(|s| s.date < a);
        let hi = self.specials.partition_point(|s| s.date <= b);
        Ok(&self.specials[lo..hi])
    }

    /// Non-working days that are not plain weekends, in [a, b]: what a
    /// working-day count skips besides weekends.
    pub fn non_working_weekdays_in(
        &self, a: NaiveDate, b: NaiveDate,
    ) -> Result<Vec<SpecialDay>, CalendarError> {
        Ok(self
            .holidays_in(a, b)?
            .iter()
            .filter(|s| !s.kind.is_working() && !is_weekend_day(s.date))
            .copied()
            .collect())
    }
}

pub(super) fn is_weekend_day(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}
