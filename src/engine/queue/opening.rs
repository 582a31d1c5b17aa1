//! An office's hours **for one service** on one date.
//!
//! The State Corporation's hours are per service, from that service's own
//! source (C-33): S2 Monday–Saturday 9.00–20.00 (F001 §7(2)); S3 acceptance
//! and issuance Monday–Friday 9.00–18.00, and at duty departments
//! Monday–Friday 9.00–20.00 and Saturday 9.00–13.00 (F003 item 7 2)); S1's
//! source gives none (F000). The catalogue holds these as `schedules`; the
//! calendar says what kind of day the date is:
//!
//! - a holiday, a holiday moved to a weekday, or a decreed day off: closed
//!   (every schedule excepts days off and holidays under the Labour Code);
//! - a decreed working day (a Saturday or Sunday worked instead of a
//!   weekday): the hours of the weekday it replaces
//!   ([`Assumptions::decreed_days`](super::Assumptions::decreed_days));
//! - any other day: the schedule for its weekday, if there is one (so a
//!   plain Saturday is open for S2 everywhere, for S3 only at duty
//!   departments, and a Sunday is closed).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::office::QueueOffice;
use super::{QueueError, assumptions};
use crate::engine::calendar::{self, DayInfo, DayKind};
use crate::engine::catalog::{self, Place, Purpose as SchedulePurpose, Schedule};
use crate::engine::service::ServiceId;
use crate::engine::source::Provenance;
use crate::engine::term::Hours;

/// Why an office is closed for a service on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum Closed {
    /// The service's source gives no State Corporation hours (S1); the
    /// catalogue's schedule item says so with its basis.
    NotInSources { schedule: &'static Schedule },
    /// A holiday, a moved holiday or a decreed day off.
    DayOff { kind: DayKind },
    /// No schedule of the service opens on this weekday at this kind of
    /// office (Sunday; Saturday for S3 outside a duty department).
    NoHoursOn { weekday: Weekday, duty: bool },
}

/// The hours of one service at one office on one date, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum DayOpening {
    Open {
        date: NaiveDate,
        hours: Hours,
        /// The catalogue schedule that gives the hours (its text and
        /// provenance are what "why these hours?" shows).
        schedule: &'static Schedule,
        /// A decreed working day: the weekday whose hours it keeps.
        #[serde(skip_serializing_if = "Option::is_none")]
        as_weekday: Option<Weekday>,
        day: DayInfo,
        /// The queue's readings used (decreed days, duty department).
        assumptions: Vec<&'static Provenance>,
    },
    Closed {
        date: NaiveDate,
        why: Closed,
        day: DayInfo,
        assumptions: Vec<&'static Provenance>,
    },
}

impl DayOpening {
    pub fn hours(&self) -> Option<&Hours> {
        match self {
            DayOpening::Open { hours, .. } => Some(hours),
            DayOpening::Closed { .. } => None,
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, DayOpening::Open { .. })
    }
}

fn covers(s: &Schedule, wd: Weekday) -> bool {
    s.hours.is_some() && s.days.iter().any(|d| d.weekday() == wd)
}

/// The hours of `service` at `office` on `date`.
///
/// ```
/// use qujat::engine::queue::{self, Closed, DayOpening};
/// use qujat::engine::service::ServiceId;
///
/// let duty = queue::office("almaty-bostandyk").unwrap();   // a duty department
/// let plain = queue::office("almaty-medeu").unwrap();
/// let saturday = "2025-03-15".parse().unwrap();
/// // S3 on a Saturday: 9.00–13.00 at a duty department only (F003 item 7 2)).
/// let open = queue::opening(ServiceId::S3, duty, saturday)?;
/// assert_eq!(open.hours().unwrap().close.to_string(), "13:00");
/// assert!(matches!(queue::opening(ServiceId::S3, plain, saturday)?,
///     DayOpening::Closed { why: Closed::NoHoursOn { .. }, .. }));
/// // S2 on the same Saturday: 9.00–20.00 everywhere (F001 §7(2)).
/// assert_eq!(queue::opening(ServiceId::S2, plain, saturday)?.hours().unwrap().close.to_string(), "20:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn opening(
    service: ServiceId, office: &QueueOffice, date: NaiveDate,
) -> Result<DayOpening, QueueError> {
    let day = calendar::day(date)?;
    let svc = catalog::service(service);
    let general: Vec<&'static Schedule> = svc.schedules_for(Place::StateCorporation).collect();
    let duty: Vec<&'static Schedule> = if office.duty {
        svc.schedules_for(Place::StateCorporationDuty).collect()
    } else {
        Vec::new()
    };
    let mut used = Vec::new();
    let closed = |why, used| Ok(DayOpening::Closed { date, why, day, assumptions: used });
    if !general.iter().chain(&duty).any(|s| s.is_specified()) {
        let schedule = general.first().copied().ok_or(QueueError::NoSchedule(service))?;
        return closed(Closed::NotInSources { schedule }, used);
    }
    let (weekday, as_weekday) = match day.kind {
        DayKind::Holiday { .. } | DayKind::Moved { .. } => {
            return closed(Closed::DayOff { kind: day.kind }, used);
        }
        DayKind::TransferOff { .. } => {
            used.push(&assumptions().decreed_days);
            return closed(Closed::DayOff { kind: day.kind }, used);
        }
        DayKind::TransferWorking { instead_of } => {
            used.push(&assumptions().decreed_days);
            let wd = instead_of.weekday();
            (wd, (wd != date.weekday()).then_some(wd))
        }
        DayKind::Working | DayKind::Weekend => (date.weekday(), None),
    };
    // A duty department's own hours first (they are the longer ones), then
    // the general acceptance window, then the office's hours.
    let by_purpose =
        |p: SchedulePurpose| general.iter().copied().find(|s| s.purpose == p && covers(s, weekday));
    let pick = duty
        .iter()
        .copied()
        .find(|s| covers(s, weekday))
        .inspect(|_| used.push(&assumptions().duty))
        .or_else(|| by_purpose(SchedulePurpose::Acceptance))
        .or_else(|| by_purpose(SchedulePurpose::Office));
    match pick.and_then(|s| Some((s, s.hours.clone()?))) {
        Some((schedule, hours)) => {
            Ok(DayOpening::Open { date, hours, schedule, as_weekday, day, assumptions: used })
        }
        None => closed(Closed::NoHoursOn { weekday, duty: office.duty }, used),
    }
}
