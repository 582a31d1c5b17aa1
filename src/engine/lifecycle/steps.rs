//! The regulation's steps and rules as the catalogue states them: which
//! step a transition completes, which storage or issuance rule it follows,
//! the provider's hours for working-time targets, and refusal grounds.

use super::ctx::Ctx;
use super::error::LifecycleError;
use super::state::{State, Transition};
use crate::engine::catalog::{self, Duration, Place, ProcedureStep, Schedule, Service, Stage};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Status};
use crate::engine::term::{Channel, Hours};

/// The decision grounds of a service (C-12: a provider decision); none for
/// S1, whose source has no ground and no refusal at all.
pub fn decision_grounds(service: &Service) -> impl Iterator<Item = &catalog::RefusalGround> {
    service.refusal_grounds.iter().filter(|g| g.stage == Stage::Decision && !g.absent)
}

/// Checks a refusal's ground: one of the service's decision grounds. A
/// service whose source gives none (S1) cannot be refused: nothing is
/// invented.
pub(super) fn refusal_ground(
    service: &Service, reason_id: Option<&str>,
) -> Result<Option<(String, Provenance)>, LifecycleError> {
    if decision_grounds(service).next().is_none() {
        return Err(LifecycleError::NoRefusalInSource);
    }
    match reason_id.map(str::trim) {
        None | Some("") => Err(LifecycleError::MissingReason),
        Some(id) => decision_grounds(service)
            .find(|g| g.id == id)
            .map(|g| Some((g.id.clone(), g.provenance.clone())))
            .ok_or_else(|| LifecycleError::UnknownReason { reason_id: id.to_string() }),
    }
}

// ---------------------------------------------------------------------------
// Regulation steps

/// The regulation steps for a channel, for a provider in `region`. A
/// regional regulation applies only to providers in its region (LS-2:
/// F002's steps only in East Kazakhstan, F004's only in Almaty); where the
/// region is unknown, none applies. F002 predates the portal: a portal
/// application reaches the provider's office directly, so it follows the
/// provider-office flow ([`portal_mapping`] says that this is Qujat's
/// interpretation).
pub fn steps_for<'a>(
    service: &'a Service, channel: Channel, region: Option<&str>,
) -> Vec<&'a ProcedureStep> {
    let ch = if channel == Channel::Portal { Channel::Provider } else { channel };
    service
        .steps
        .iter()
        .filter(|s| s.channels.contains(&ch) && service.applies_in(&s.provenance, region))
        .collect()
}

/// For a portal application: the interpretation that maps it onto the
/// provider-office steps of a regulation that has no portal channel (C-19;
/// `engine.toml`). `None` for the other channels.
pub fn portal_mapping(channel: Channel) -> Option<&'static Provenance> {
    (channel == Channel::Portal).then(|| &catalog::notes().portal_steps)
}

/// Which regional regulation governs the internal steps for a provider in
/// a region: the tracker says "none in the sources for this region" when
/// the service has one for another region only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionalRegulation<'a> {
    /// The service has no regional regulation in force (S1; S3, whose only
    /// one lost force): the national term alone.
    NotAny,
    /// The provider's region has one: its steps are the milestones. For a
    /// portal application `mapped` is the interpretation that applies the
    /// provider-office steps to it.
    Applies { act: &'a catalog::Act, mapped: Option<&'static Provenance> },
    /// The service has one for `act.region` only; `region` (the provider's,
    /// `None` when unknown) has none in the sources.
    NoneForRegion { act: &'a catalog::Act, region: Option<String> },
}

/// The regional regulation in force (not lost force) for `service` in
/// `region`.
pub fn regional_regulation<'a>(
    service: &'a Service, channel: Channel, region: Option<&str>,
) -> RegionalRegulation<'a> {
    let Some(act) =
        service.acts.iter().find(|a| a.region.is_some() && a.level != Status::LostForce)
    else {
        return RegionalRegulation::NotAny;
    };
    if act.region.as_deref() == region && region.is_some() {
        RegionalRegulation::Applies { act, mapped: portal_mapping(channel) }
    } else {
        RegionalRegulation::NoneForRegion { act, region: region.map(str::to_string) }
    }
}

/// The transition that completes a catalogue step. The catalogue has no
/// such field, so this table names every step id of S2 and S3
/// (`tests/lifecycle.rs` checks that none is missing).
pub fn step_transition(service: ServiceId, step_id: &str, channel: Channel) -> Option<Transition> {
    use ServiceId::{S2, S3};
    use Transition as T;
    Some(match (service, step_id) {
        (S2, "register") => T::Register,
        (S2, "head-review") => T::Assign,
        (S2, "prepare") => T::Prepare,
        (S2, "sign") => T::Sign,
        // Action 5: to the recipient at the office, or to the courier.
        (S2, "issue") if channel == Channel::Provider => T::Issue,
        (S2, "issue") => T::DeliverToStateCorporation,
        (S3, "provider-register" | "sc-provider-accept") => T::Register,
        (S3, "provider-head-review" | "sc-head-assign") => T::Assign,
        // F004 step 3 includes the head's signature.
        (S3, "provider-prepare" | "sc-prepare") => T::Prepare,
        (S3, "provider-issue" | "sc-issue") => T::Issue,
        (S3, "sc-to-courier") => T::DeliverToStateCorporation,
        // The State Corporation's desk work is the acceptance itself.
        (S3, "sc-hand-in" | "sc-check" | "sc-consent" | "sc-identify" | "sc-package") => T::Accept,
        _ => return None,
    })
}

/// The step in force that an event records: never a lost-force (F004) one.
pub(super) fn recorded_step<'a>(
    ctx: &Ctx<'a>, from: State, transition: Transition,
) -> Option<&'a ProcedureStep> {
    // Issuing at the State Corporation is no provider step.
    if transition == Transition::Issue && from != State::Signed {
        return None;
    }
    steps_for(ctx.service, ctx.channel, ctx.region).into_iter().find(|s| {
        s.provenance.status != Status::LostForce
            && step_transition(ctx.service.id, &s.id, ctx.channel) == Some(transition)
    })
}

/// The storage or issuance rule an event follows, as ("section/id", provenance).
pub(super) fn rule_for(
    ctx: &Ctx<'_>, from: State, transition: Transition,
) -> Option<(String, Provenance)> {
    let s = ctx.service;
    let storage = |want_months: bool| {
        s.storage
            .iter()
            .find(|r| matches!(r.duration, Duration::Months(_)) == want_months)
            .map(|r| (format!("storage/{}", r.id), r.provenance.clone()))
    };
    match transition {
        Transition::HandToProvider => storage(true),
        Transition::RequestReturn | Transition::Return => storage(false),
        Transition::Issue => {
            // At the provider's office (from `Signed`) no seed states the
            // conditions; at the State Corporation the rule for the
            // application's channel, else the State Corporation's.
            let at_office = from == State::Signed;
            let issuing = |ch: Channel| {
                s.issuance.iter().find(move |r| {
                    r.channels.contains(&ch) && r.id != "delivery-to-state-corporation"
                })
            };
            let rule = if at_office {
                issuing(Channel::Provider)
            } else {
                issuing(ctx.channel).or_else(|| issuing(Channel::StateCorporation))
            };
            rule.map(|r| (format!("issuance/{}", r.id), r.provenance.clone()))
        }
        // S3: delivery to the State Corporation a day before the term (C-26).
        Transition::DeliverToStateCorporation => s
            .issuance
            .iter()
            .find(|r| r.id == "delivery-to-state-corporation")
            .map(|r| (format!("issuance/{}", r.id), r.provenance.clone())),
        _ => None,
    }
}

/// The provider's hours for working-time milestones: the provider schedule
/// marked `resolved` (S2: the acceptance window 9.00–13.00 and 14.30–17.30,
/// which lies inside both the RU and the KZ hours, C-01, so a milestone never
/// counts time the office may be closed), else the first provider schedule
/// with hours (S3: 9.00–18.00, lunch 13.00–14.00). S1 states none.
pub fn provider_schedule(service: &Service) -> Option<&Schedule> {
    let with_hours = || service.schedules_for(Place::Provider).filter(|s| s.hours.is_some());
    with_hours().find(|s| s.resolved).or_else(|| with_hours().next())
}

pub fn provider_hours(service: &Service) -> Option<&Hours> {
    provider_schedule(service).and_then(|s| s.hours.as_ref())
}
