//! The citizen's deadline: when the application counts as accepted, day 0,
//! the count in working or calendar days, and the end rule, each step
//! recorded with its source.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::DeadlineError;
use super::explain::{Deadline, Explanation, Step};
use crate::engine::calendar::{Calendar, CalendarError, DayKind};
use crate::engine::catalog;
use crate::engine::kztime;
use crate::engine::region;
use crate::engine::source::Provenance;
use crate::engine::term::{Channel, ClockTime, EndRule, Location, StartRule, Term, Unit};

/// Computes the deadline of `term` for a submission at `submitted`, read on
/// the national clock ([`compute_in`] with no region).
pub fn compute(
    term: &Term, submitted: DateTime<Utc>, cal: &Calendar,
) -> Result<Deadline, DeadlineError> {
    compute_in(term, submitted, cal, None)
}

/// Computes the deadline of `term` for a submission at `submitted` to an
/// office in `region` (a [`region`](crate::engine::region) id): the day of
/// hand-in and "after the end of working time" are read on that region's
/// clock. Without a region the national clock is used, which is never
/// behind another; when the clocks differed at that instant (before 2024)
/// the explanation says so as an assumption.
pub fn compute_in(
    term: &Term, submitted: DateTime<Utc>, cal: &Calendar, region_id: Option<&str>,
) -> Result<Deadline, DeadlineError> {
    if term.amount == 0 {
        return Err(DeadlineError::ZeroTerm);
    }
    let mut ex = Explanation::default();
    let known = region_id.and_then(region::region);
    let local = region::zone_of(known.map(|r| r.id.as_str())).to_local(submitted)?;
    ex.push(Step::Submitted {
        instant: submitted,
        local: local.local,
        offset_hours: local.offset_hours(),
        region: known.map(|r| r.id.clone()),
    });
    if known.is_none() && clocks_differ(submitted) {
        let p = catalog::notes().region_unknown.clone();
        ex.assume(&p);
        ex.push(Step::RegionUnknown { offset_hours: local.offset_hours(), source: p });
    }
    let hand_in = local.date();

    let accepted_on = match &term.start {
        StartRule::DayAfterHandIn => hand_in,
        StartRule::NextWorkingDayAfterCutoff { cutoff } => {
            let cut =
                ClockTime::parse(cutoff).ok_or_else(|| DeadlineError::BadCutoff(cutoff.clone()))?;
            let day = cal.day(hand_in)?;
            let time = local.local.time();
            // hour < 24 and minute < 60: the cast cannot truncate.
            let minute = ClockTime((time.hour() * 60 + time.minute()) as u16);
            if !day.is_working() {
                let next = cal.next_working_day_after(hand_in)?;
                ex.push(Step::NonWorkingDay {
                    date: hand_in,
                    reason: day.kind,
                    next,
                    source: term.start_provenance.clone(),
                });
                next
            } else if minute >= cut {
                let next = cal.next_working_day_after(hand_in)?;
                ex.push(Step::AfterHours {
                    cutoff: cut,
                    local_time: time,
                    next,
                    source: term.start_provenance.clone(),
                });
                next
            } else {
                hand_in
            }
        }
    };
    if accepted_on > hand_in {
        // Why the next working day is that far: the days off in between.
        if let Some(last_off) = accepted_on.pred_opt() {
            explain_skips(&mut ex, cal, hand_in, last_off)?;
        }
    }
    ex.assume(&term.start_provenance);
    ex.push(Step::CountFrom { day_zero: accepted_on, source: term.start_provenance.clone() });

    let due = match term.unit {
        Unit::WorkingDays => {
            let due = cal.add_working_days(accepted_on, term.amount)?;
            ex.push(Step::Counted {
                amount: term.amount,
                unit: term.unit,
                from: accepted_on,
                to: due,
                source: term.provenance.clone(),
            });
            explain_skips(&mut ex, cal, accepted_on, due)?;
            due
        }
        Unit::CalendarDays => {
            let raw = accepted_on
                .checked_add_days(chrono::Days::new(u64::from(term.amount)))
                .ok_or_else(|| CalendarError::ResultOutOfRange {
                    from: accepted_on,
                    last: cal.range().1,
                })?;
            let day = cal.day(raw).map_err(|_| CalendarError::ResultOutOfRange {
                from: accepted_on,
                last: cal.range().1,
            })?;
            ex.push(Step::Counted {
                amount: term.amount,
                unit: term.unit,
                from: accepted_on,
                to: raw,
                source: term.provenance.clone(),
            });
            if day.is_working() {
                raw
            } else {
                if let Some(p) = &term.end_provenance {
                    ex.assume(p);
                }
                match term.end {
                    EndRule::NextWorkingDay => {
                        let to = cal.first_working_day_on_or_after(raw)?;
                        ex.push(Step::MovedToWorkingDay {
                            from: raw,
                            to,
                            why: day.kind,
                            source: term.end_provenance.clone(),
                        });
                        to
                    }
                    EndRule::AsCounted => {
                        ex.push(Step::DueOnDayOff {
                            date: raw,
                            why: day.kind,
                            source: term.end_provenance.clone(),
                        });
                        raw
                    }
                }
            }
        }
    };
    ex.assume(&term.provenance);
    note_uncertain_years(&mut ex, cal, hand_in, due)?;
    ex.push(Step::Due { date: due });
    Ok(Deadline { accepted_on, due, explanation: ex })
}

/// Picks the term for `channel` (and, for S3 at the State Corporation, the
/// location) from a service's terms and computes the deadline. When the
/// channel has per-location terms but `location` is `None`, the `Other`
/// (longer) term is used and the explanation says so (C-24).
///
/// ```
/// use qujat::engine::{calendar, catalog, deadline, kztime};
/// use qujat::engine::deadline::Step;
/// use qujat::engine::service::ServiceId;
/// use qujat::engine::term::Channel;
///
/// // An S2 application on the portal at 19:30 on Thursday 20 March 2025,
/// // after the 18:00 cut-off and just before Nauryz.
/// let s2 = catalog::service(ServiceId::S2);
/// let submitted = kztime::parse_instant("2025-03-20T19:30:00+05:00")?;
/// let cal = calendar::calendar()?;
/// let d = deadline::deadline_for(&s2.terms, Channel::Portal, None, submitted, cal)?;
/// // Accepted on the next working day after the holidays, then 15 working days.
/// assert_eq!(d.accepted_on.to_string(), "2025-03-26");
/// assert_eq!(d.due.to_string(), "2025-04-16");
/// // The explanation says why, step by step, ending on the due date.
/// assert!(d.explanation.steps.iter().any(|s| matches!(s, Step::AfterHours { .. })));
/// assert_eq!(d.explanation.steps.last(), Some(&Step::Due { date: d.due }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn deadline_for(
    terms: &[Term], channel: Channel, location: Option<Location>, submitted: DateTime<Utc>,
    cal: &Calendar,
) -> Result<Deadline, DeadlineError> {
    deadline_for_in(terms, channel, location, submitted, cal, None)
}

/// [`deadline_for`] for an office in `region` (see [`compute_in`]).
pub fn deadline_for_in(
    terms: &[Term], channel: Channel, location: Option<Location>, submitted: DateTime<Utc>,
    cal: &Calendar, region_id: Option<&str>,
) -> Result<Deadline, DeadlineError> {
    let for_channel: Vec<&Term> = terms.iter().filter(|t| t.channel == channel).collect();
    if for_channel.is_empty() {
        return Err(DeadlineError::NoTermForChannel(channel));
    }
    let by_location = for_channel.iter().any(|t| t.location.is_some());
    if !by_location {
        return compute_in(for_channel[0], submitted, cal, region_id);
    }
    let (wanted, assumed) = match location {
        Some(l) => (l, false),
        None => (Location::Other, true),
    };
    let term = for_channel
        .iter()
        .find(|t| t.location == Some(wanted))
        .ok_or(DeadlineError::NoTermForLocation(channel, wanted))?;
    let mut d = compute_in(term, submitted, cal, region_id)?;
    if assumed {
        let p = location_assumption();
        d.explanation
            .steps
            .insert(1, Step::LocationAssumed { location: wanted, source: p.clone() });
        d.explanation.assume(&p);
    }
    Ok(d)
}

/// Lists what a working-day count over (day_zero, due] skipped and counted.
pub(super) fn explain_skips(
    ex: &mut Explanation, cal: &Calendar, day_zero: NaiveDate, due: NaiveDate,
) -> Result<(), DeadlineError> {
    let Some(first) = day_zero.succ_opt() else {
        return Ok(());
    };
    if due < first {
        return Ok(());
    }
    for s in cal.holidays_in(first, due)? {
        match s.kind {
            DayKind::TransferWorking { instead_of } => {
                if matches!(s.date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
                    ex.push(Step::WorkingWeekend { date: s.date, instead_of });
                }
            }
            kind => ex.push(Step::Skipped { date: s.date, why: kind }),
        }
    }
    let count = cal.plain_weekends_in(first, due)?;
    if count > 0 {
        ex.push(Step::WeekendsSkipped { count });
    }
    Ok(())
}

pub(super) fn note_uncertain_years(
    ex: &mut Explanation, cal: &Calendar, from: NaiveDate, to: NaiveDate,
) -> Result<(), DeadlineError> {
    for year in from.year()..=to.year() {
        let info = cal.year_info(year)?;
        if !info.is_confirmed() {
            ex.push(Step::CalendarUncertain { year, status: info.status.clone() });
        }
    }
    Ok(())
}

/// C-24: the office location is unknown, so the 8-day term is shown (the
/// provenance is data: `engine.toml`, [`catalog::notes()`]).
pub fn location_assumption() -> Provenance {
    catalog::notes().location_assumption.clone()
}

/// True when some Kazakhstan clock read `instant` differently from the
/// national one (before 1 March 2024): only then does an unknown region
/// matter.
pub(super) fn clocks_differ(instant: DateTime<Utc>) -> bool {
    let national = kztime::NATIONAL.offset_at(instant);
    region::zones().iter().any(|z| z.offset_at(instant) != national)
}
