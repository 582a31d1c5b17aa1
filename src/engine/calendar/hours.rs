//! Working-time arithmetic: the regulation's internal steps (15 minutes,
//! 2 hours, 1 working day…) count only inside a place's opening hours, on
//! working days, with breaks left out. Whole days are skipped with the
//! working-day table, so a long duration costs no more than a short one.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::error::CalendarError;
use super::table::Calendar;
use crate::engine::kztime::{self, Zone};
use crate::engine::term::Hours;

impl Calendar {
    /// Moves a local (date, minute) to the first open minute at or after it.
    fn normalize(
        &self, date: NaiveDate, minute: u16, segs: &[(u16, u16)],
    ) -> Result<(NaiveDate, u16), CalendarError> {
        if self.is_working(date)? {
            for &(s, e) in segs {
                if minute < e {
                    return Ok((date, minute.max(s)));
                }
            }
        }
        Ok((self.next_working_day_after(date)?, segs[0].0))
    }

    /// Adds working time to `start` (see [`WorkDuration`]). A start outside
    /// the opening hours first moves to the next opening, then:
    ///
    /// - `Minutes(m)`: counts only minutes inside `hours` (breaks excluded) on
    ///   working days. A duration that ends exactly at a break or at closing
    ///   time ends there (13:00), not at the next opening.
    /// - `WorkingDays(n)`: the same local time of day `n` working days later.
    ///   Because the start was moved into opening hours first, the result is
    ///   always inside them (e.g. 20:00 Friday + 1 working day = 09:00 Tuesday).
    ///
    /// Whole days are skipped with the O(1) working-day table, so a long
    /// duration costs no more than a short one.
    pub fn add_working_time(
        &self, start: DateTime<Utc>, dur: WorkDuration, hours: &Hours,
    ) -> Result<DateTime<Utc>, CalendarError> {
        self.add_working_time_in(start, dur, hours, kztime::NATIONAL)
    }

    /// [`Calendar::add_working_time`] with `hours` on the clock of `zone`
    /// (the office's region, [`region::zone_of`](crate::engine::region::zone_of)).
    pub fn add_working_time_in(
        &self, start: DateTime<Utc>, dur: WorkDuration, hours: &Hours, zone: Zone<'_>,
    ) -> Result<DateTime<Utc>, CalendarError> {
        let segs = segments(hours)?;
        let local = zone.to_local(start)?;
        let (date, t) = self.normalize(local.date(), minute_of_day(local.local), &segs)?;
        let (date, t) = match dur {
            WorkDuration::WorkingDays(n) => (self.add_working_days(date, n)?, t),
            WorkDuration::Minutes(0) => (date, t),
            WorkDuration::Minutes(m) => {
                let left_today: u32 =
                    segs.iter().map(|&(s, e)| u32::from(e.saturating_sub(s.max(t)))).sum();
                if m <= left_today {
                    (date, walk(&segs, t, m))
                } else {
                    let per_day: u32 = segs.iter().map(|&(s, e)| u32::from(e - s)).sum();
                    let rest = m - left_today;
                    let skip = (rest - 1) / per_day; // whole days after the first new one
                    let rem = rest - skip * per_day; // 1..=per_day
                    let day = self.add_working_days(date, skip + 1)?;
                    (day, walk(&segs, segs[0].0, rem))
                }
            }
        };
        let naive = date
            .and_hms_opt(u32::from(t / 60), u32::from(t % 60), 0)
            .ok_or_else(|| CalendarError::BadHours(format!("minute {t} is not a time of day")))?;
        Ok(zone.local_to_utc(naive)?)
    }

    /// Whether `instant` falls inside `hours` (breaks excluded) on a working day.
    pub fn is_open(&self, instant: DateTime<Utc>, hours: &Hours) -> Result<bool, CalendarError> {
        self.is_open_in(instant, hours, kztime::NATIONAL)
    }

    /// [`Calendar::is_open`] on the clock of `zone`.
    pub fn is_open_in(
        &self, instant: DateTime<Utc>, hours: &Hours, zone: Zone<'_>,
    ) -> Result<bool, CalendarError> {
        let segs = segments(hours)?;
        let local = zone.to_local(instant)?;
        let t = minute_of_day(local.local);
        Ok(self.is_working(local.date())? && segs.iter().any(|&(s, e)| s <= t && t < e))
    }
}

fn minute_of_day(t: NaiveDateTime) -> u16 {
    // hour < 24 and minute < 60, so this fits easily.
    (t.time().hour() * 60 + t.time().minute()) as u16
}

/// Where the `m`-th open minute after `t` ends (m ≥ 1 and fits in the day).
fn walk(segs: &[(u16, u16)], t: u16, mut m: u32) -> u16 {
    let mut end = t;
    for &(s, e) in segs {
        if e <= t {
            continue;
        }
        let from = s.max(t);
        let avail = u32::from(e - from);
        if m <= avail {
            return from + m as u16;
        }
        m -= avail;
        end = e;
    }
    end
}

/// The open intervals [start, end) of a working day, in minutes.
fn segments(h: &Hours) -> Result<Vec<(u16, u16)>, CalendarError> {
    let bad = |m: &str| CalendarError::BadHours(format!("{m} ({}–{})", h.open, h.close));
    if h.open >= h.close {
        return Err(bad("opening must be before closing"));
    }
    let mut segs = Vec::with_capacity(h.breaks.len() + 1);
    let mut cur = h.open.0;
    for [a, b] in &h.breaks {
        if a.0 >= b.0 || a.0 < cur || b.0 > h.close.0 {
            return Err(bad("breaks must be ordered, non-empty and inside the hours"));
        }
        if a.0 > cur {
            segs.push((cur, a.0));
        }
        cur = b.0;
    }
    if h.close.0 > cur {
        segs.push((cur, h.close.0));
    }
    if segs.is_empty() {
        return Err(bad("no working minutes"));
    }
    Ok(segs)
}

/// A working-time amount for the regulation's internal steps (F002, F004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkDuration {
    Minutes(u32),
    WorkingDays(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_reject_nonsense_hours() {
        use crate::engine::term::ClockTime;
        let t = |s| ClockTime::parse(s).unwrap();
        let h = Hours { open: t("18:00"), close: t("09:00"), breaks: vec![] };
        assert!(matches!(segments(&h), Err(CalendarError::BadHours(_))));
        let h =
            Hours { open: t("09:00"), close: t("18:00"), breaks: vec![[t("14:00"), t("13:00")]] };
        assert!(segments(&h).is_err());
        let h =
            Hours { open: t("09:00"), close: t("18:00"), breaks: vec![[t("09:00"), t("18:00")]] };
        assert!(segments(&h).is_err());
    }
}
