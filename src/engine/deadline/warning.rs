//! The warning before signing an S2 portal application between 17:30 and
//! 18:30 in the school's local time (issue 11, item 9; RULES.md C-05): the
//! Russian text ends the school's working day at 18.30 (acceptance until
//! 17.30), the Kazakh at 18.00 (F001 §7, RU L15 / KZ L50), and the portal's
//! "after the end of working time" (§7(3)) depends on which. Qujat counts
//! from the next working day from 18:00 (C-05); the warning says so, with
//! both texts, and the date it will count from.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};

use super::DeadlineError;
use super::compute::deadline_for_in;
use crate::engine::calendar::Calendar;
use crate::engine::catalog::{Place, Schedule, Service};
use crate::engine::region;
use crate::engine::source::Provenance;
use crate::engine::term::{Channel, ClockTime, StartRule};

/// What the sign page shows when the submission falls between the earliest
/// and the latest end of the school's day that the texts give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursWarning {
    /// The school's local time of the submission.
    pub local_time: NaiveTime,
    /// The window: the earliest end any text gives (RU acceptance 17.30)…
    pub from: ClockTime,
    /// …and the latest (RU office hours 18.30).
    pub until: ClockTime,
    /// Qujat's cut-off (C-05: 18.00, the KZ end).
    pub cutoff: ClockTime,
    /// At or after the cut-off: counted from the next working day.
    pub after_cutoff: bool,
    /// Day 0 of the 15 working days, as Qujat will count it now.
    pub counts_from: NaiveDate,
    /// The school's hours in each language version (RU L15, KZ L50), with
    /// their citations.
    pub versions: Vec<&'static Schedule>,
    /// Why Qujat counts so: the portal term's start rule (C-05).
    pub basis: &'static Provenance,
    /// The school's region whose clock read it; `None`: the national clock.
    pub region: Option<String>,
}

/// The warning for a portal submission at `submitted` to a school in
/// `region`, or `None` outside the window, on a day off (it rolls over to
/// the next working day whatever the texts say), or for a service without a
/// portal cut-off.
pub fn hours_warning(
    service: &'static Service, submitted: DateTime<Utc>, cal: &Calendar, region_id: Option<&str>,
) -> Result<Option<HoursWarning>, DeadlineError> {
    let Some(term) = service.terms_for(Channel::Portal).next() else {
        return Ok(None);
    };
    let StartRule::NextWorkingDayAfterCutoff { cutoff } = &term.start else {
        return Ok(None);
    };
    let cut = ClockTime::parse(cutoff).ok_or_else(|| DeadlineError::BadCutoff(cutoff.clone()))?;
    let closes: Vec<ClockTime> = service
        .schedules_for(Place::Provider)
        .filter_map(|s| s.hours.as_ref().map(|h| h.close))
        .collect();
    let (Some(&from), Some(&until)) = (closes.iter().min(), closes.iter().max()) else {
        return Ok(None);
    };
    let versions: Vec<&'static Schedule> =
        service.schedules_for(Place::Provider).filter(|s| s.version.is_some()).collect();
    let known = region_id.and_then(region::region);
    let local = region::zone_of(known.map(|r| r.id.as_str())).to_local(submitted)?;
    let time = local.local.time();
    // hour < 24 and minute < 60: the cast cannot truncate.
    let minute = ClockTime((time.hour() * 60 + time.minute()) as u16);
    if !(from <= minute && minute < until && cal.day(local.date())?.is_working()) {
        return Ok(None);
    }
    let d = deadline_for_in(
        &service.terms,
        Channel::Portal,
        None,
        submitted,
        cal,
        known.map(|r| r.id.as_str()),
    )?;
    Ok(Some(HoursWarning {
        local_time: time,
        from,
        until,
        cutoff: cut,
        after_cutoff: minute >= cut,
        counts_from: d.accepted_on,
        versions,
        basis: &term.start_provenance,
        region: known.map(|r| r.id.clone()),
    }))
}
