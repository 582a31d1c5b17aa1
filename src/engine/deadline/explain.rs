//! The explanation a deadline carries: steps as data (dates, ids,
//! provenance), never prose, so the UI can render them in kk, ru or en and
//! a stored record can keep them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::calendar::{DayKind, YearStatus};
use crate::engine::json::tagged;
use crate::engine::source::Provenance;
use crate::engine::term::{ClockTime, Location, Unit};

/// One step of an explanation. Tagged `{"step": "counted", …}`, kebab-case;
/// read in one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum Step {
    /// The submission instant, and how it reads on a Kazakhstan clock.
    Submitted {
        instant: DateTime<Utc>,
        local: NaiveDateTime,
        offset_hours: i32,
        /// The region whose clock read it (`None`: not known, the national
        /// clock; also in explanations stored before regions were kept).
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<String>,
    },
    /// The office's region is not known and the clocks of Kazakhstan
    /// differed at that instant (before 2024): the national clock (UTC+6,
    /// never behind another) was used.
    RegionUnknown { offset_hours: i32, source: Provenance },
    /// S3 at the State Corporation without a known office location: the
    /// longer term is used (C-24).
    LocationAssumed { location: Location, source: Provenance },
    /// Submitted at or after the cut-off: accepted on the next working day.
    AfterHours { cutoff: ClockTime, local_time: NaiveTime, next: NaiveDate, source: Provenance },
    /// Submitted on a day off: accepted on the next working day.
    NonWorkingDay { date: NaiveDate, reason: DayKind, next: NaiveDate, source: Provenance },
    /// Day 0 of the count (the day of hand-in or acceptance; C-25).
    CountFrom { day_zero: NaiveDate, source: Provenance },
    /// `amount` units counted from day 0 (exclusive) to `to` (inclusive).
    Counted { amount: u32, unit: Unit, from: NaiveDate, to: NaiveDate, source: Provenance },
    /// A non-working day inside a working-day count, other than a plain weekend.
    Skipped { date: NaiveDate, why: DayKind },
    /// A decreed working weekend day inside a working-day count: it counts.
    WorkingWeekend { date: NaiveDate, instead_of: NaiveDate },
    /// How many plain Saturdays and Sundays the count skipped.
    WeekendsSkipped { count: u32 },
    /// A calendar-day term ended on a day off and moves to the next working day.
    MovedToWorkingDay {
        from: NaiveDate,
        to: NaiveDate,
        why: DayKind,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<Provenance>,
    },
    /// A calendar-day term ends on a day off and is **not** moved (the term
    /// says so); offices are closed that day.
    DueOnDayOff {
        date: NaiveDate,
        why: DayKind,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<Provenance>,
    },
    /// The calendar data for this year is not final (estimated Kurban Ait,
    /// unknown transfers, announced holiday changes).
    CalendarUncertain { year: i32, status: Vec<YearStatus> },
    /// S3: the provider's internal delivery deadline to the State Corporation (C-26).
    ProviderDelivery { deadline: NaiveDate, deliver_by: NaiveDate, source: Provenance },
    /// Storage at the State Corporation for `months` from `from`.
    StoredUntil { from: NaiveDate, months: u32, until: NaiveDate, source: Provenance },
    /// The resulting date.
    Due { date: NaiveDate },
}

tagged::reader! {
    Step, tag = "step";
    variants {
        Submitted { instant, local, offset_hours; opt region }
        RegionUnknown { offset_hours, source }
        LocationAssumed { location, source }
        AfterHours { cutoff, local_time, next, source }
        NonWorkingDay { date, reason, next, source }
        CountFrom { day_zero, source }
        Counted { amount, unit, from, to, source }
        Skipped { date, why }
        WorkingWeekend { date, instead_of }
        WeekendsSkipped { count }
        MovedToWorkingDay { from, to, why; opt source }
        DueOnDayOff { date, why; opt source }
        CalendarUncertain { year, status }
        ProviderDelivery { deadline, deliver_by, source }
        StoredUntil { from, months, until, source }
        Due { date }
    }
    fields {
        i32: offset_hours, year;
        String: region;
        Provenance: source;
        Location: location;
        ClockTime: cutoff;
        DayKind: reason, why;
        u32: amount, count, months;
        Unit: unit;
        Vec<YearStatus>: status;
    }
    read {
        DateTime<Utc> = "crate::engine::json::date::utc_opt": instant;
        NaiveDateTime = "crate::engine::json::date::local_opt": local;
        NaiveTime = "crate::engine::json::date::time_opt": local_time;
        NaiveDate = "crate::engine::json::date::naive_opt":
            next, date, day_zero, from, to, instead_of, deadline, deliver_by, until;
    }
}

/// The steps of a computation and the assumptions (status `Assumption`)
/// it relied on, each listed once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub steps: Vec<Step>,
    pub assumptions: Vec<Provenance>,
}

/// A citizen-facing deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The day the application counts as accepted (day 0).
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub accepted_on: NaiveDate,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub due: NaiveDate,
    pub explanation: Explanation,
}

/// The deadline a stored record shows ("why this date?") and where its
/// explanation comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDeadline {
    pub deadline: Deadline,
    /// The explanation was computed again from today's data (a record from
    /// before explanations were stored), not kept from acceptance: the UI
    /// should say so, as it may end on another date than the one shown.
    pub recomputed: bool,
}

/// Any other dated milestone (storage, return, complaint answer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub date: NaiveDate,
    pub explanation: Explanation,
}

impl Explanation {
    pub(super) fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Day 0 of the count: the day the application counts as accepted.
    pub fn day_zero(&self) -> Option<NaiveDate> {
        self.steps.iter().find_map(|s| match s {
            Step::CountFrom { day_zero, .. } => Some(*day_zero),
            _ => None,
        })
    }

    /// Records an assumption once, if `p` is one.
    pub(super) fn assume(&mut self, p: &Provenance) {
        if p.is_assumption() && !self.assumptions.contains(p) {
            self.assumptions.push(p.clone());
        }
    }
}
