//! Target times: each regulation step's target in working time after the
//! previous step, and the binding legal deadline.

use chrono::{DateTime, Months, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::ctx::Ctx;
use super::error::{LifecycleError, out_of_range};
use super::record::Lifecycle;
use super::state::{Role, State, Transition};
use super::steps::{portal_mapping, step_transition, steps_for};
use crate::engine::calendar::{Calendar, CalendarError, WorkDuration};
use crate::engine::catalog::{self, Duration};
use crate::engine::deadline;
use crate::engine::kztime::{self, Zone};
use crate::engine::source::{Provenance, Status, Text};
use crate::engine::term::Hours;

/// The id of the legal-deadline target.
pub const LEGAL_DEADLINE: &str = "legal-deadline";

/// The id of S3's delivery target: the provider delivers the result to the
/// State Corporation a working day before the deadline (F003 L14, C-26).
pub const PROVIDER_DELIVERY: &str = "provider-delivery";

/// When a step should be done, and whether it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The catalogue step id, or [`LEGAL_DEADLINE`].
    pub step_id: String,
    pub text: Text,
    /// Who performs it; `None` for the legal deadline (the provider as a whole).
    #[serde(default)]
    pub actor: Option<Role>,
    /// The transition that completes it.
    #[serde(default)]
    pub transition: Option<Transition>,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub due: DateTime<Utc>,
    #[serde(default, deserialize_with = "crate::engine::json::date::utc_opt")]
    pub done_at: Option<DateTime<Utc>>,
    /// Done after `due`, or not done and `now` is past `due`.
    pub late: bool,
    pub provenance: Provenance,
    /// False for regulation milestones (F002 regional, C-21; F004 lost
    /// force); true for the legal deadline and S3's delivery to the State
    /// Corporation (F003 L14).
    pub binding: bool,
    /// A regulation step applied to a channel its act does not name (F002's
    /// office steps for a portal application): the interpretation, C-19.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapped: Option<Provenance>,
}

/// The inputs of [`targets`].
#[derive(Clone, Copy, Debug)]
pub struct TargetInput<'a> {
    /// The instant the application was handed in.
    pub accepted_at: DateTime<Utc>,
    /// Day 0 of the legal term (later than `accepted_at`'s day when handed
    /// in after hours or on a day off).
    pub accepted_on: NaiveDate,
    /// The legal deadline.
    pub due: NaiveDate,
    /// The provider's hours ([`provider_hours`](super::provider_hours)); needed only if there are steps.
    pub hours: Option<&'a Hours>,
    pub now: DateTime<Utc>,
    /// Include the lost-force F004 steps (S3), as history.
    pub include_historical: bool,
}

pub(super) fn local_instant(
    zone: Zone<'_>, date: NaiveDate, h: u32, m: u32, s: u32,
) -> Result<DateTime<Utc>, LifecycleError> {
    let naive = date
        .and_hms_opt(h, m, s)
        .ok_or_else(|| CalendarError::BadHours(format!("{h}:{m}:{s} is not a time of day")))?;
    Ok(zone.local_to_utc(naive)?)
}

/// The last second of a local day on the national clock: a date-only
/// deadline holds all that day.
pub fn end_of_local_day(date: NaiveDate) -> Result<DateTime<Utc>, LifecycleError> {
    end_of_local_day_in(kztime::NATIONAL, date)
}

/// The last second of a local day on the clock of `zone`.
pub fn end_of_local_day_in(
    zone: Zone<'_>, date: NaiveDate,
) -> Result<DateTime<Utc>, LifecycleError> {
    local_instant(zone, date, 23, 59, 59)
}

fn add_duration(
    cal: &Calendar, from: DateTime<Utc>, d: Duration, hours: Option<&Hours>, zone: Zone<'_>,
) -> Result<DateTime<Utc>, LifecycleError> {
    let work = match d {
        Duration::Minutes(m) => WorkDuration::Minutes(m),
        Duration::WorkingDays(n) => WorkDuration::WorkingDays(n),
        Duration::Months(n) => {
            return from
                .checked_add_months(Months::new(n))
                .ok_or_else(|| out_of_range(from.date_naive()));
        }
    };
    let hours = hours.ok_or(LifecycleError::NoHours)?;
    Ok(cal.add_working_time_in(from, work, hours, zone)?)
}

/// The regulation's target times and the legal deadline, in order.
///
/// Each step's target is its duration in working time (the calendar's
/// working days and `hours`, lunch excluded, on the provider's clock) after
/// the previous step's actual completion, or its target if not yet done; the
/// first step counts from the later of `accepted_at` and the start of
/// `accepted_on`. S2 uses the F002 steps only for a school in East
/// Kazakhstan (regional, non-binding, C-21; for a portal application mapped
/// onto the office steps, C-19); S3's F004 steps lost force and appear only
/// with `include_historical` (and only in Almaty); S1 has none. S3 at the
/// State Corporation has the provider's delivery there, due at the close of
/// the working day before the deadline day (F003 L14, C-26). The last target
/// is always the legal deadline (binding), done when the result (or a
/// motivated refusal) is ready. After a refusal, steps not done are left
/// out; after a refusal at acceptance there are no targets.
pub fn targets(
    ctx: &Ctx<'_>, lc: &Lifecycle, input: &TargetInput<'_>,
) -> Result<Vec<Target>, LifecycleError> {
    if lc.state == State::RefusedAtAcceptance {
        return Ok(Vec::new());
    }
    let zone = ctx.zone();
    let mut out = Vec::new();
    let day_start = local_instant(zone, input.accepted_on, 0, 0, 0)?;
    let mut prev = input.accepted_at.max(day_start);
    let mapped = portal_mapping(ctx.channel);
    for step in steps_for(ctx.service, ctx.channel, ctx.region) {
        let historical = step.provenance.status == Status::LostForce;
        if historical && !input.include_historical {
            continue;
        }
        let transition = step_transition(ctx.service.id, &step.id, ctx.channel);
        let done_at = transition.and_then(|t| lc.first(t)).map(|e| e.at);
        let due = add_duration(ctx.calendar, prev, step.duration, input.hours, zone)?;
        prev = done_at.unwrap_or(due);
        if done_at.is_none() && lc.state == State::Refused {
            continue;
        }
        out.push(Target {
            step_id: step.id.clone(),
            text: step.text.clone(),
            actor: Some(step.actor.into()),
            transition,
            due,
            done_at,
            late: is_late(due, done_at, input.now),
            provenance: step.provenance.clone(),
            binding: false,
            mapped: mapped.cloned(),
        });
    }
    let term = ctx
        .service
        .terms_for(ctx.channel)
        .next()
        .or_else(|| ctx.service.terms.first())
        .ok_or(LifecycleError::NoTerm)?;
    if delivers_to_state_corporation(ctx) {
        let m = deadline::provider_delivery_due(input.due, ctx.calendar)?;
        let (h, mi) = input
            .hours
            .map_or((23, 59), |h| (u32::from(h.close.hour()), u32::from(h.close.minute())));
        let due = local_instant(zone, m.date, h, mi, 0)?;
        let done_at = lc.first(Transition::DeliverToStateCorporation).map(|e| e.at);
        if !(done_at.is_none() && lc.state == State::Refused) {
            out.push(Target {
                step_id: PROVIDER_DELIVERY.to_string(),
                text: catalog::notes().provider_delivery_target.text.clone(),
                actor: Some(Role::Clerk),
                transition: Some(Transition::DeliverToStateCorporation),
                due,
                done_at,
                late: is_late(due, done_at, input.now),
                provenance: catalog::notes().provider_delivery.clone(),
                binding: true,
                mapped: None,
            });
        }
    }
    let due = end_of_local_day_in(zone, input.due)?;
    let done = lc.events.iter().find(|e| {
        matches!(
            e.transition,
            Transition::DeliverToStateCorporation | Transition::Issue | Transition::Refuse
        )
    });
    let done_at = done.map(|e| e.at);
    out.push(Target {
        step_id: LEGAL_DEADLINE.to_string(),
        text: catalog::notes().legal_deadline.text.clone(),
        actor: None,
        transition: done.map(|e| e.transition),
        due,
        done_at,
        late: is_late(due, done_at, input.now),
        provenance: term.provenance.clone(),
        binding: true,
        mapped: None,
    });
    Ok(out)
}

/// Whether the service obliges the provider to deliver the result to the
/// State Corporation before the deadline on this channel (S3, F003 L14):
/// the catalogue's issuance rule `delivery-to-state-corporation`.
pub fn delivers_to_state_corporation(ctx: &Ctx<'_>) -> bool {
    ctx.service.issuance.iter().any(|r| r.id == DELIVERY_RULE && r.channels.contains(&ctx.channel))
}

/// The catalogue's issuance rule for S3's delivery to the State Corporation.
pub(super) const DELIVERY_RULE: &str = "delivery-to-state-corporation";

fn is_late(due: DateTime<Utc>, done_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match done_at {
        Some(d) => d > due,
        None => now > due,
    }
}

/// The legal deadline has passed and the result is not ready.
pub fn overdue(targets: &[Target], now: DateTime<Utc>) -> bool {
    legal_deadline(targets).is_some_and(|t| t.done_at.is_none() && now > t.due)
}

/// The legal-deadline target.
pub fn legal_deadline(targets: &[Target]) -> Option<&Target> {
    targets.iter().find(|t| t.step_id == LEGAL_DEADLINE)
}

/// How many targets are late now (done late, or not done and past due):
/// what the back office counts.
pub fn late_count(targets: &[Target], now: DateTime<Utc>) -> usize {
    targets.iter().filter(|t| t.late || (t.done_at.is_none() && now > t.due)).count()
}

/// The first target not yet done, and the time left until it is due
/// (negative when late).
pub fn next_target(targets: &[Target], now: DateTime<Utc>) -> Option<(&Target, TimeDelta)> {
    targets.iter().find(|t| t.done_at.is_none()).map(|t| (t, t.due - now))
}
