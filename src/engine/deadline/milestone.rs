//! Dated milestones around the deadline: the provider's delivery to the
//! State Corporation (S3), storage there, the return after storage, and the
//! complaint review terms. Each is explained like the deadline itself; the
//! clauses and notes they cite are data (`data/engine.toml`,
//! [`catalog::notes()`]).

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::DeadlineError;
use super::compute::{explain_skips, location_assumption, note_uncertain_years};
use super::explain::{Explanation, Milestone, Step};
use crate::engine::calendar::{Calendar, CalendarError};
use crate::engine::catalog::{self, notes::ReviewTerm};
use crate::engine::region;
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Seed};
use crate::engine::term::Unit;

crate::engine::json::names!(ComplaintAuthority);

/// Where a complaint is registered (F000 L48 vs L50).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ComplaintAuthority {
    /// The Ministry, the provider or the State Corporation: 5 working days
    /// (F000 L48 names them).
    MinistryProviderOrStateCorporation,
    /// The local executive body: L48 does not name it, so its 5 working
    /// days are an assumption (`engine.toml` `complaint.local_executive`).
    LocalExecutiveBody,
    /// The authority for evaluation and control of the quality of state services: 15 working days.
    QualityControl,
}

impl ComplaintAuthority {
    /// The review term and its clause, from the data.
    fn review(self) -> &'static ReviewTerm {
        let reviews = &catalog::notes().complaint.reviews;
        match self {
            ComplaintAuthority::MinistryProviderOrStateCorporation
            | ComplaintAuthority::LocalExecutiveBody => {
                &reviews.ministry_provider_or_state_corporation
            }
            ComplaintAuthority::QualityControl => &reviews.quality_control,
        }
    }

    /// The review term in working days.
    pub fn working_days(self) -> u32 {
        self.review().working_days
    }

    /// False when F000 states no review term for this authority (the local
    /// executive body): the term shown is an assumption.
    pub fn term_stated(self) -> bool {
        self != ComplaintAuthority::LocalExecutiveBody
    }
}

/// S3 (F003 L14): the provider delivers the result to the State Corporation
/// "no later than one day" before `due`. Read as the end of the working day
/// before the due day (C-26); internal only, the citizen's date is unchanged.
pub fn provider_delivery_due(due: NaiveDate, cal: &Calendar) -> Result<Milestone, DeadlineError> {
    let deliver_by = cal.previous_working_day_before(due)?;
    let mut ex = Explanation::default();
    let source = catalog::notes().provider_delivery.clone();
    ex.assume(&source);
    ex.push(Step::ProviderDelivery { deadline: due, deliver_by, source });
    ex.push(Step::Due { date: deliver_by });
    Ok(Milestone { date: deliver_by, explanation: ex })
}

/// The State Corporation holds a ready result for one month from `ready_on`,
/// then hands it to the provider (F000 L30; F001 §5; F003 L49). Calendar
/// months (`chrono::Months`): 31 Jan + 1 month = 28/29 Feb.
pub fn storage_until(service: ServiceId, ready_on: NaiveDate) -> Result<Milestone, DeadlineError> {
    let until = ready_on.checked_add_months(Months::new(1)).ok_or(DeadlineError::Calendar(
        CalendarError::ResultOutOfRange { from: ready_on, last: NaiveDate::MAX },
    ))?;
    let storage = &catalog::notes().storage;
    let source = storage.of(service).clone();
    let start = storage.start.clone();
    let mut ex = Explanation::default();
    ex.assume(&start);
    ex.push(Step::StoredUntil { from: ready_on, months: 1, until, source });
    ex.push(Step::Due { date: until });
    Ok(Milestone { date: until, explanation: ex })
}

/// After storage: the provider sends the documents back within one working
/// day of the State Corporation's request (F000 L31; F001 §5; F003 L49). The
/// request day is day 0 (C-25 by analogy).
pub fn return_due(
    service: ServiceId, request_instant: DateTime<Utc>, cal: &Calendar,
) -> Result<Milestone, DeadlineError> {
    return_due_in(service, request_instant, cal, None)
}

/// [`return_due`] with the request read on the clock of `region` (the
/// State Corporation office's; national when unknown).
pub fn return_due_in(
    service: ServiceId, request_instant: DateTime<Utc>, cal: &Calendar, region_id: Option<&str>,
) -> Result<Milestone, DeadlineError> {
    let notes = &catalog::notes().return_after_storage;
    let source = notes.of(service).clone();
    let day_zero_rule = notes.start.clone();
    let known = region_id.and_then(region::region);
    let local = region::zone_of(known.map(|r| r.id.as_str())).to_local(request_instant)?;
    let mut ex = Explanation::default();
    ex.push(Step::Submitted {
        instant: request_instant,
        local: local.local,
        offset_hours: local.offset_hours(),
        region: known.map(|r| r.id.clone()),
    });
    let date = count_working(&mut ex, cal, local.date(), 1, day_zero_rule, source)?;
    Ok(Milestone { date, explanation: ex })
}

/// When a complaint must be answered: 5 working days from registration, 15
/// at the quality-control authority (F000 L48, L50); the local executive
/// body's 5 days are an assumption (L48 does not name it). F000 is the only
/// source (C-36): for S2 and S3 the S1 procedure applies by analogy, which
/// the explanation states as an assumption, never citing F000 as their law.
pub fn complaint_due(
    service: ServiceId, registered_on: NaiveDate, authority: ComplaintAuthority, cal: &Calendar,
) -> Result<Milestone, DeadlineError> {
    let notes = &catalog::notes().complaint;
    let review = authority.review();
    let with_cite = |p: &Provenance| Provenance { cites: vec![review.cite.clone()], ..p.clone() };
    let analogy = (service != ServiceId::S1).then(|| with_cite(&notes.analogy));
    let source = if authority == ComplaintAuthority::LocalExecutiveBody {
        notes.local_executive.clone()
    } else if let Some(a) = &analogy {
        a.clone()
    } else {
        Provenance {
            status: Seed::F000.status(),
            cites: vec![review.cite.clone()],
            rule: None,
            note: None,
        }
    };
    // "со дня ее регистрации": the registration day is day 0.
    let start = with_cite(&notes.day_zero);
    let mut ex = Explanation::default();
    if let Some(a) = &analogy {
        ex.assume(a);
    }
    let date = count_working(&mut ex, cal, registered_on, review.working_days, start, source)?;
    Ok(Milestone { date, explanation: ex })
}

/// Day 0, `amount` working days, the skipped days, the due date.
fn count_working(
    ex: &mut Explanation, cal: &Calendar, day_zero: NaiveDate, amount: u32, start: Provenance,
    source: Provenance,
) -> Result<NaiveDate, DeadlineError> {
    let due = cal.add_working_days(day_zero, amount)?;
    ex.assume(&start);
    ex.assume(&source);
    ex.push(Step::CountFrom { day_zero, source: start });
    ex.push(Step::Counted { amount, unit: Unit::WorkingDays, from: day_zero, to: due, source });
    explain_skips(ex, cal, day_zero, due)?;
    note_uncertain_years(ex, cal, day_zero, due)?;
    ex.push(Step::Due { date: due });
    Ok(due)
}

/// Every provenance this module creates itself (not from a Term), so a test
/// can check each quote against its seed line.
pub fn own_provenance() -> Vec<Provenance> {
    let mut out = vec![location_assumption()];
    let Ok(cal) = crate::engine::calendar::calendar() else {
        return out;
    };
    let day = NaiveDate::from_ymd_opt(2025, 4, 15).unwrap_or_default();
    let instant = day.and_hms_opt(6, 0, 0).map(|n| n.and_utc()).unwrap_or_default();
    let mut collect = |m: Result<Milestone, DeadlineError>| {
        if let Ok(m) = m {
            out.extend(m.explanation.assumptions);
            for s in m.explanation.steps {
                match s {
                    Step::Counted { source, .. }
                    | Step::CountFrom { source, .. }
                    | Step::StoredUntil { source, .. }
                    | Step::ProviderDelivery { source, .. } => out.push(source),
                    _ => {}
                }
            }
        }
    };
    collect(provider_delivery_due(day, cal));
    for s in ServiceId::ALL {
        collect(storage_until(s, day));
        collect(return_due(s, instant, cal));
        for a in [
            ComplaintAuthority::MinistryProviderOrStateCorporation,
            ComplaintAuthority::LocalExecutiveBody,
            ComplaintAuthority::QualityControl,
        ] {
            collect(complaint_due(s, day, a, cal));
        }
    }
    out
}
