//! The life of an application after it is handed in: a state machine with
//! an audit trail, the regulation's target times, storage at the State
//! Corporation, and the status a citizen sees.
//!
//! The seeds define no status model for applications (RULES.md §5.5); this
//! one is built from the regulation steps (F002 §5 for S2) and the storage
//! rules (F000 L30–31; F001 §5; F003 L49):
//!
//! ```text
//! Delivered ─register─▶ Registered ─assign─▶ Assigned ─prepare─▶ InPreparation ─sign─▶ Signed
//!     Signed ─deliver─▶ ReadyAtStateCorporation ─issue─▶ Issued
//!     Signed ─issue─▶ Issued                       (provider-office channel only)
//!     Registered | Assigned | InPreparation ─refuse─▶ Refused   (motivated refusal, C-12)
//!     ReadyAtStateCorporation ─hand-to-provider─▶ HandedToProvider   (after 1 month)
//!     HandedToProvider ─request-return─▶ ReturnRequested ─return─▶ ReadyAtStateCorporation
//! ```
//!
//! `RefusedAtAcceptance` (F001 §9) is a terminal start, made by
//! [`Lifecycle::refused_at_acceptance`]. Each transition completes one step:
//! `register` is the clerk's action 1, `assign` the head's resolution
//! (action 2), `prepare` the executor's prepared result (action 3, so
//! `InPreparation` means "action 3 recorded, awaiting the head's signature"),
//! `sign` action 4, and `deliver` action 5 (the signed result handed to the
//! State Corporation's courier; portal results are collected at the chosen
//! State Corporation office, C-06).
//!
//! Nothing here reads a clock: every instant is a parameter. Nothing panics:
//! every refusal is a typed [`LifecycleError`].

use chrono::{DateTime, Months, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{self, Calendar, WorkDuration};
use super::catalog::{self, Actor, Duration, Place, ProcedureStep, Schedule, Service, Stage};
use super::deadline::{self, Milestone, ServiceKey};
use super::kztime;
use super::source::{Lang, Provenance, Status, Text};
use super::submission::{Outcome, Submission};
use super::term::{Channel, Hours};

// ---------------------------------------------------------------------------
// States, transitions, roles

/// Where an application is. Kebab-case in storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Handed in and accepted, not yet registered by the provider.
    #[default]
    Delivered,
    /// Registered by the provider's clerk (F002 action 1).
    Registered,
    /// The head's resolution names the executor (action 2).
    Assigned,
    /// The executor has prepared the result; it awaits the head's signature (action 3).
    InPreparation,
    /// The head has signed the result (action 4).
    Signed,
    /// The result is at the State Corporation, ready to collect.
    ReadyAtStateCorporation,
    /// The result was handed to the recipient. Terminal.
    Issued,
    /// A motivated refusal (F001 §5, C-12). Terminal.
    Refused,
    /// Refused at acceptance (F001 §9). Terminal.
    RefusedAtAcceptance,
    /// Not collected within a month: handed to the provider for storage.
    HandedToProvider,
    /// The recipient asked for it back; the provider sends it within 1 working day.
    ReturnRequested,
}

impl State {
    pub const ALL: [State; 11] = [
        State::Delivered,
        State::Registered,
        State::Assigned,
        State::InPreparation,
        State::Signed,
        State::ReadyAtStateCorporation,
        State::Issued,
        State::Refused,
        State::RefusedAtAcceptance,
        State::HandedToProvider,
        State::ReturnRequested,
    ];

    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            State::Issued | State::Refused | State::RefusedAtAcceptance
        )
    }

    /// The storage spelling ("ready-at-state-corporation").
    pub fn slug(self) -> &'static str {
        match self {
            State::Delivered => "delivered",
            State::Registered => "registered",
            State::Assigned => "assigned",
            State::InPreparation => "in-preparation",
            State::Signed => "signed",
            State::ReadyAtStateCorporation => "ready-at-state-corporation",
            State::Issued => "issued",
            State::Refused => "refused",
            State::RefusedAtAcceptance => "refused-at-acceptance",
            State::HandedToProvider => "handed-to-provider",
            State::ReturnRequested => "return-requested",
        }
    }
}

/// A change of state. `Accept` and `RefuseAtAcceptance` only start a
/// record ([`Lifecycle::new`], [`Lifecycle::refused_at_acceptance`]);
/// [`Lifecycle::apply`] refuses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transition {
    Accept,
    RefuseAtAcceptance,
    Register,
    Assign,
    Prepare,
    Sign,
    DeliverToStateCorporation,
    Issue,
    Refuse,
    HandToProvider,
    RequestReturn,
    Return,
}

impl Transition {
    pub const ALL: [Transition; 12] = [
        Transition::Accept,
        Transition::RefuseAtAcceptance,
        Transition::Register,
        Transition::Assign,
        Transition::Prepare,
        Transition::Sign,
        Transition::DeliverToStateCorporation,
        Transition::Issue,
        Transition::Refuse,
        Transition::HandToProvider,
        Transition::RequestReturn,
        Transition::Return,
    ];

    /// Only a record's first event.
    pub fn is_initial(self) -> bool {
        matches!(self, Transition::Accept | Transition::RefuseAtAcceptance)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Transition::Accept => "accept",
            Transition::RefuseAtAcceptance => "refuse-at-acceptance",
            Transition::Register => "register",
            Transition::Assign => "assign",
            Transition::Prepare => "prepare",
            Transition::Sign => "sign",
            Transition::DeliverToStateCorporation => "deliver-to-state-corporation",
            Transition::Issue => "issue",
            Transition::Refuse => "refuse",
            Transition::HandToProvider => "hand-to-provider",
            Transition::RequestReturn => "request-return",
            Transition::Return => "return",
        }
    }
}

/// Who records an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Citizen,
    /// The provider's office clerk (S3: the academic-department employee).
    Clerk,
    /// The head of the provider.
    Head,
    /// The employee named by the head's resolution.
    Executor,
    StateCorporation,
    /// The portal itself (acceptance, storage expiry).
    System,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Citizen,
        Role::Clerk,
        Role::Head,
        Role::Executor,
        Role::StateCorporation,
        Role::System,
    ];
}

impl From<Actor> for Role {
    fn from(a: Actor) -> Role {
        match a {
            Actor::Clerk => Role::Clerk,
            Actor::Head => Role::Head,
            Actor::Executor => Role::Executor,
            // The courier is the State Corporation's.
            Actor::StateCorporation | Actor::Courier => Role::StateCorporation,
        }
    }
}

/// The state a transition leads to from `from`, or `None` when it is not
/// allowed there. Issuing straight from `Signed` (at the provider's office,
/// F002 action 5 "to the recipient") exists only for the provider channel;
/// every other result goes through the State Corporation.
pub fn next_state(from: State, transition: Transition, channel: Channel) -> Option<State> {
    use State as S;
    use Transition as T;
    match (from, transition) {
        (S::Delivered, T::Register) => Some(S::Registered),
        (S::Registered, T::Assign) => Some(S::Assigned),
        (S::Assigned, T::Prepare) => Some(S::InPreparation),
        (S::InPreparation, T::Sign) => Some(S::Signed),
        (S::Signed, T::DeliverToStateCorporation) => Some(S::ReadyAtStateCorporation),
        (S::Signed, T::Issue) if channel == Channel::Provider => Some(S::Issued),
        (S::ReadyAtStateCorporation, T::Issue) => Some(S::Issued),
        (S::Registered | S::Assigned | S::InPreparation, T::Refuse) => Some(S::Refused),
        (S::ReadyAtStateCorporation, T::HandToProvider) => Some(S::HandedToProvider),
        (S::HandedToProvider, T::RequestReturn) => Some(S::ReturnRequested),
        (S::ReturnRequested, T::Return) => Some(S::ReadyAtStateCorporation),
        _ => None,
    }
}

/// Who may record `transition` from `from`: only the clerk registers, only
/// the head assigns, signs and refuses, only the executor prepares.
pub fn roles(from: State, transition: Transition) -> &'static [Role] {
    use Role as R;
    match transition {
        Transition::Accept | Transition::RefuseAtAcceptance => &[R::System],
        Transition::Register => &[R::Clerk],
        Transition::Assign | Transition::Sign | Transition::Refuse => &[R::Head],
        Transition::Prepare => &[R::Executor],
        // The clerk hands the result to the courier (F002 action 5); the
        // State Corporation may record its arrival.
        Transition::DeliverToStateCorporation => &[R::Clerk, R::StateCorporation],
        Transition::Issue if from == State::Signed => &[R::Clerk],
        Transition::Issue => &[R::StateCorporation],
        Transition::HandToProvider => &[R::StateCorporation, R::System],
        Transition::RequestReturn => &[R::Citizen, R::StateCorporation],
        // The provider sends the documents back (F001 §5, C-07).
        Transition::Return => &[R::Clerk],
    }
}

// ---------------------------------------------------------------------------
// Events and the record

/// One recorded transition, with the regulation step or rule it follows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub actor: Role,
    pub transition: Transition,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A refusal's ground (a catalogue `refusal_grounds` id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_id: Option<String>,
    /// The catalogue `ProcedureStep.id` this event completes, where a step
    /// in force describes it (S2: F002; never the lost-force F004).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_id: Option<String>,
    /// The other catalogue item followed, as "section/id":
    /// "storage/held", "issuance/portal-pickup", "refusal_grounds/false-data".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<String>,
    /// The step's or rule's provenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Event {
    fn bare(at: DateTime<Utc>, actor: Role, transition: Transition) -> Event {
        Event {
            at,
            actor,
            transition,
            note: None,
            reason_id: None,
            step_id: None,
            rule_id: None,
            provenance: None,
        }
    }
}

/// Free text and a refusal ground for [`Lifecycle::apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub note: Option<String>,
    pub reason_id: Option<String>,
}

impl Details {
    /// A motivated refusal: a catalogue ground and the motivation.
    pub fn refusal(reason_id: &str, note: &str) -> Details {
        Details {
            note: Some(note.to_string()),
            reason_id: Some(reason_id.to_string()),
        }
    }
}

/// An application's state and history. `rev` grows by one with each
/// applied event, so two tabs cannot both advance the same revision.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    #[serde(default)]
    pub state: State,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub rev: u64,
}

/// What the service, channel and calendar are for a record.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub service: &'a Service,
    pub channel: Channel,
    pub calendar: &'a Calendar,
}

impl Ctx<'static> {
    /// The embedded catalogue and calendar.
    pub fn embedded(service_id: &str, channel: Channel) -> Result<Ctx<'static>, LifecycleError> {
        let service = catalog::service(service_id)
            .ok_or_else(|| LifecycleError::UnknownService(service_id.to_string()))?;
        let calendar = calendar::calendar().map_err(|e| LifecycleError::Deadline(e.to_string()))?;
        Ok(Ctx {
            service,
            channel,
            calendar,
        })
    }
}

impl Ctx<'_> {
    fn key(&self) -> Result<ServiceKey, LifecycleError> {
        ServiceKey::from_id(&self.service.id)
            .ok_or_else(|| LifecycleError::UnknownService(self.service.id.clone()))
    }
}

/// Why a transition was refused. `code()` is stable for the UI's messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LifecycleError {
    IllegalTransition {
        from: State,
        transition: Transition,
    },
    WrongRole {
        transition: Transition,
        actor: Role,
        allowed: Vec<Role>,
    },
    /// The event is earlier than the last recorded one.
    TimeGoesBackwards {
        last: DateTime<Utc>,
        at: DateTime<Utc>,
    },
    /// A refusal without a ground or without its motivation.
    MissingReason,
    /// A refusal ground that is not one of the service's decision grounds.
    UnknownReason {
        reason_id: String,
    },
    /// Another tab advanced the record: `expected` was the caller's, `found` is current.
    StaleRevision {
        expected: u64,
        found: u64,
    },
    /// Handing over before the month of storage has passed.
    StorageNotExpired {
        until: NaiveDate,
    },
    UnknownService(String),
    /// Working-time steps without the provider's hours.
    NoHours,
    /// The service has no term to give the legal deadline's basis.
    NoTerm,
    /// The calendar could not answer (a date outside 2016–2030).
    Deadline(String),
}

impl LifecycleError {
    pub fn code(&self) -> &'static str {
        match self {
            LifecycleError::IllegalTransition { .. } => "lifecycle-illegal-transition",
            LifecycleError::WrongRole { .. } => "lifecycle-wrong-role",
            LifecycleError::TimeGoesBackwards { .. } => "lifecycle-time-goes-backwards",
            LifecycleError::MissingReason => "lifecycle-missing-reason",
            LifecycleError::UnknownReason { .. } => "lifecycle-unknown-reason",
            LifecycleError::StaleRevision { .. } => "lifecycle-stale-revision",
            LifecycleError::StorageNotExpired { .. } => "lifecycle-storage-not-expired",
            LifecycleError::UnknownService(_) => "lifecycle-unknown-service",
            LifecycleError::NoHours => "lifecycle-no-hours",
            LifecycleError::NoTerm => "lifecycle-no-term",
            LifecycleError::Deadline(_) => "lifecycle-deadline",
        }
    }
}

impl std::fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LifecycleError::IllegalTransition { from, transition } => write!(
                f,
                "{} is not allowed in state {}",
                transition.slug(),
                from.slug()
            ),
            LifecycleError::WrongRole {
                transition,
                actor,
                allowed,
            } => write!(
                f,
                "{actor:?} may not {}; allowed: {allowed:?}",
                transition.slug()
            ),
            LifecycleError::TimeGoesBackwards { last, at } => {
                write!(f, "event at {at} is earlier than the last one at {last}")
            }
            LifecycleError::MissingReason => {
                f.write_str("a refusal needs a ground and its motivation")
            }
            LifecycleError::UnknownReason { reason_id } => {
                write!(f, "{reason_id:?} is not a decision ground of this service")
            }
            LifecycleError::StaleRevision { expected, found } => write!(
                f,
                "the record changed elsewhere (expected revision {expected}, found {found})"
            ),
            LifecycleError::StorageNotExpired { until } => {
                write!(f, "the State Corporation keeps the result until {until}")
            }
            LifecycleError::UnknownService(s) => write!(f, "unknown service {s:?}"),
            LifecycleError::NoHours => f.write_str("the provider's working hours are not known"),
            LifecycleError::NoTerm => f.write_str("the service has no term"),
            LifecycleError::Deadline(e) => write!(f, "deadline: {e}"),
        }
    }
}

impl std::error::Error for LifecycleError {}

fn cal_err(e: impl std::fmt::Display) -> LifecycleError {
    LifecycleError::Deadline(e.to_string())
}

impl Lifecycle {
    /// An accepted application, delivered at `accepted_at`.
    pub fn new(accepted_at: DateTime<Utc>) -> Lifecycle {
        Lifecycle {
            state: State::Delivered,
            events: vec![Event::bare(accepted_at, Role::System, Transition::Accept)],
            rev: 0,
        }
    }

    /// An application refused at acceptance (F001 §9): terminal. The grounds
    /// are in the submission's outcome.
    pub fn refused_at_acceptance(at: DateTime<Utc>) -> Lifecycle {
        Lifecycle {
            state: State::RefusedAtAcceptance,
            events: vec![Event::bare(
                at,
                Role::System,
                Transition::RefuseAtAcceptance,
            )],
            rev: 0,
        }
    }

    pub fn last_at(&self) -> Option<DateTime<Utc>> {
        self.events.last().map(|e| e.at)
    }

    /// The first event with this transition.
    pub fn first(&self, transition: Transition) -> Option<&Event> {
        self.events.iter().find(|e| e.transition == transition)
    }

    /// The last event with this transition.
    pub fn last(&self, transition: Transition) -> Option<&Event> {
        self.events
            .iter()
            .rev()
            .find(|e| e.transition == transition)
    }

    /// Records `transition` by `actor` at `at`, or says why not. On error
    /// the record is unchanged.
    pub fn apply(
        &mut self,
        ctx: &Ctx<'_>,
        transition: Transition,
        actor: Role,
        at: DateTime<Utc>,
        details: Details,
    ) -> Result<(), LifecycleError> {
        let from = self.state;
        let to = next_state(from, transition, ctx.channel)
            .ok_or(LifecycleError::IllegalTransition { from, transition })?;
        let allowed = roles(from, transition);
        if !allowed.contains(&actor) {
            return Err(LifecycleError::WrongRole {
                transition,
                actor,
                allowed: allowed.to_vec(),
            });
        }
        if let Some(last) = self.last_at()
            && at < last
        {
            return Err(LifecycleError::TimeGoesBackwards { last, at });
        }
        let mut event = Event::bare(at, actor, transition);
        event.note = details.note;
        match transition {
            Transition::Refuse => {
                let ground = refusal_ground(ctx.service, details.reason_id.as_deref())?;
                if event.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    return Err(LifecycleError::MissingReason);
                }
                if let Some((id, provenance)) = ground {
                    event.reason_id = Some(id.clone());
                    event.rule_id = Some(format!("refusal_grounds/{id}"));
                    event.provenance = Some(provenance);
                }
            }
            Transition::HandToProvider => {
                if let Some(info) = storage(self, ctx)? {
                    let day = kztime::local_date(at).map_err(cal_err)?;
                    if day <= info.until.date {
                        return Err(LifecycleError::StorageNotExpired {
                            until: info.until.date,
                        });
                    }
                }
            }
            _ => {}
        }
        if event.provenance.is_none() {
            if let Some(step) = recorded_step(ctx, from, transition) {
                event.step_id = Some(step.id.clone());
                event.provenance = Some(step.provenance.clone());
            } else if let Some((rule, provenance)) = rule_for(ctx, from, transition) {
                event.rule_id = Some(rule);
                event.provenance = Some(provenance);
            }
        }
        self.events.push(event);
        self.state = to;
        self.rev += 1;
        Ok(())
    }

    /// [`apply`](Self::apply), but only if the record is still at
    /// `expected_rev` (optimistic concurrency between tabs).
    pub fn apply_at_rev(
        &mut self,
        expected_rev: u64,
        ctx: &Ctx<'_>,
        transition: Transition,
        actor: Role,
        at: DateTime<Utc>,
        details: Details,
    ) -> Result<(), LifecycleError> {
        if self.rev != expected_rev {
            return Err(LifecycleError::StaleRevision {
                expected: expected_rev,
                found: self.rev,
            });
        }
        self.apply(ctx, transition, actor, at, details)
    }
}

/// The decision grounds of a service (C-12: a provider decision).
pub fn decision_grounds(service: &Service) -> impl Iterator<Item = &catalog::RefusalGround> {
    service
        .refusal_grounds
        .iter()
        .filter(|g| g.stage == Stage::Decision)
}

/// Checks a refusal's ground: required when the service lists decision
/// grounds (all three do, even if only to say that none are listed).
fn refusal_ground(
    service: &Service,
    reason_id: Option<&str>,
) -> Result<Option<(String, Provenance)>, LifecycleError> {
    let has_grounds = decision_grounds(service).next().is_some();
    match reason_id.map(str::trim) {
        None | Some("") if has_grounds => Err(LifecycleError::MissingReason),
        None | Some("") => Ok(None),
        Some(id) => decision_grounds(service)
            .find(|g| g.id == id)
            .map(|g| Some((g.id.clone(), g.provenance.clone())))
            .ok_or_else(|| LifecycleError::UnknownReason {
                reason_id: id.to_string(),
            }),
    }
}

// ---------------------------------------------------------------------------
// Regulation steps

/// The regulation steps for a channel. F002 predates the portal: a portal
/// application reaches the provider's office directly, so it follows the
/// provider-office flow (the State Corporation's intake legs do not apply).
pub fn steps_for(service: &Service, channel: Channel) -> Vec<&ProcedureStep> {
    let ch = if channel == Channel::Portal {
        Channel::Provider
    } else {
        channel
    };
    service
        .steps
        .iter()
        .filter(|s| s.channels.contains(&ch))
        .collect()
}

/// The transition that completes a catalogue step. The catalogue has no
/// such field, so this table names every step id of S2 and S3
/// (`tests/lifecycle.rs` checks that none is missing).
pub fn step_transition(service_id: &str, step_id: &str, channel: Channel) -> Option<Transition> {
    use Transition as T;
    Some(match (service_id, step_id) {
        ("S2", "register") => T::Register,
        ("S2", "head-review") => T::Assign,
        ("S2", "prepare") => T::Prepare,
        ("S2", "sign") => T::Sign,
        // Action 5: to the recipient at the office, or to the courier.
        ("S2", "issue") if channel == Channel::Provider => T::Issue,
        ("S2", "issue") => T::DeliverToStateCorporation,
        ("S3", "provider-register" | "sc-provider-accept") => T::Register,
        ("S3", "provider-head-review" | "sc-head-assign") => T::Assign,
        // F004 step 3 includes the head's signature.
        ("S3", "provider-prepare" | "sc-prepare") => T::Prepare,
        ("S3", "provider-issue" | "sc-issue") => T::Issue,
        ("S3", "sc-to-courier") => T::DeliverToStateCorporation,
        // The State Corporation's desk work is the acceptance itself.
        ("S3", "sc-hand-in" | "sc-check" | "sc-consent" | "sc-identify" | "sc-package") => {
            T::Accept
        }
        _ => return None,
    })
}

/// The step in force that an event records: never a lost-force (F004) one.
fn recorded_step<'a>(
    ctx: &Ctx<'a>,
    from: State,
    transition: Transition,
) -> Option<&'a ProcedureStep> {
    // Issuing at the State Corporation is no provider step.
    if transition == Transition::Issue && from != State::Signed {
        return None;
    }
    steps_for(ctx.service, ctx.channel).into_iter().find(|s| {
        s.provenance.status != Status::LostForce
            && step_transition(&ctx.service.id, &s.id, ctx.channel) == Some(transition)
    })
}

/// The storage or issuance rule an event follows, as ("section/id", provenance).
fn rule_for(ctx: &Ctx<'_>, from: State, transition: Transition) -> Option<(String, Provenance)> {
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
    let with_hours = || {
        service
            .schedules_for(Place::Provider)
            .filter(|s| s.hours.is_some())
    };
    with_hours()
        .find(|s| s.resolved)
        .or_else(|| with_hours().next())
}

pub fn provider_hours(service: &Service) -> Option<&Hours> {
    provider_schedule(service).and_then(|s| s.hours.as_ref())
}

// ---------------------------------------------------------------------------
// Target times

/// The id of the legal-deadline target.
pub const LEGAL_DEADLINE: &str = "legal-deadline";

/// When a step should be done, and whether it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The catalogue step id, or [`LEGAL_DEADLINE`].
    pub step_id: String,
    pub text: Text,
    /// Who performs it; `None` for the legal deadline (the provider as a whole).
    pub actor: Option<Role>,
    /// The transition that completes it.
    pub transition: Option<Transition>,
    pub due: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    /// Done after `due`, or not done and `now` is past `due`.
    pub late: bool,
    pub provenance: Provenance,
    /// False for regulation milestones (F002 regional, C-21; F004 lost
    /// force); true only for the legal deadline.
    pub binding: bool,
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
    /// The provider's hours ([`provider_hours`]); needed only if there are steps.
    pub hours: Option<&'a Hours>,
    pub now: DateTime<Utc>,
    /// Include the lost-force F004 steps (S3), as history.
    pub include_historical: bool,
}

fn local_instant(date: NaiveDate, h: u32, m: u32, s: u32) -> Result<DateTime<Utc>, LifecycleError> {
    let naive = date
        .and_hms_opt(h, m, s)
        .ok_or_else(|| LifecycleError::Deadline(format!("{h}:{m}:{s} is not a time")))?;
    kztime::local_to_utc(naive).map_err(cal_err)
}

/// The last second of a local day: a date-only deadline holds all that day.
pub fn end_of_local_day(date: NaiveDate) -> Result<DateTime<Utc>, LifecycleError> {
    local_instant(date, 23, 59, 59)
}

fn add_duration(
    cal: &Calendar,
    from: DateTime<Utc>,
    d: Duration,
    hours: Option<&Hours>,
) -> Result<DateTime<Utc>, LifecycleError> {
    let work = match d {
        Duration::Minutes(m) => WorkDuration::Minutes(m),
        Duration::WorkingDays(n) => WorkDuration::WorkingDays(n),
        Duration::Months(n) => {
            return from
                .checked_add_months(Months::new(n))
                .ok_or_else(|| cal_err("date out of range"));
        }
    };
    let hours = hours.ok_or(LifecycleError::NoHours)?;
    cal.add_working_time(from, work, hours).map_err(cal_err)
}

fn our_text(kk: &str, ru: &str, en: &str) -> Text {
    Text {
        kk: kk.into(),
        ru: ru.into(),
        en: en.into(),
        working: vec![Lang::Kk, Lang::En],
    }
}

/// The regulation's target times and the legal deadline, in order.
///
/// Each step's target is its duration in working time (the calendar's
/// working days and `hours`, lunch excluded) after the previous step's
/// actual completion, or its target if not yet done; the first step counts
/// from the later of `accepted_at` and the start of `accepted_on`. S2 uses
/// the F002 steps (regional, non-binding, C-21); S3's F004 steps lost force
/// and appear only with `include_historical`; S1 has none. The last target
/// is always the legal deadline (binding), done when the result (or a
/// motivated refusal) is ready. After a refusal, steps not done are left
/// out; after a refusal at acceptance there are no targets.
pub fn targets(
    ctx: &Ctx<'_>,
    lc: &Lifecycle,
    input: &TargetInput<'_>,
) -> Result<Vec<Target>, LifecycleError> {
    if lc.state == State::RefusedAtAcceptance {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let day_start = local_instant(input.accepted_on, 0, 0, 0)?;
    let mut prev = input.accepted_at.max(day_start);
    for step in steps_for(ctx.service, ctx.channel) {
        let historical = step.provenance.status == Status::LostForce;
        if historical && !input.include_historical {
            continue;
        }
        let transition = step_transition(&ctx.service.id, &step.id, ctx.channel);
        let done_at = transition.and_then(|t| lc.first(t)).map(|e| e.at);
        let due = add_duration(ctx.calendar, prev, step.duration, input.hours)?;
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
        });
    }
    let term = ctx
        .service
        .terms_for(ctx.channel)
        .next()
        .or_else(|| ctx.service.terms.first())
        .ok_or(LifecycleError::NoTerm)?;
    let due = end_of_local_day(input.due)?;
    let done = lc.events.iter().find(|e| {
        matches!(
            e.transition,
            Transition::DeliverToStateCorporation | Transition::Issue | Transition::Refuse
        )
    });
    let done_at = done.map(|e| e.at);
    out.push(Target {
        step_id: LEGAL_DEADLINE.to_string(),
        text: our_text(
            "Заңда белгіленген мерзім: нәтиже дайын болуы керек",
            "Срок по закону: результат должен быть готов",
            "Legal deadline: the result must be ready",
        ),
        actor: None,
        transition: done.map(|e| e.transition),
        due,
        done_at,
        late: is_late(due, done_at, input.now),
        provenance: term.provenance.clone(),
        binding: true,
    });
    Ok(out)
}

fn is_late(due: DateTime<Utc>, done_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match done_at {
        Some(d) => d > due,
        None => now > due,
    }
}

/// [`targets`] for a stored submission, with the embedded catalogue and
/// calendar and the provider's hours ([`provider_hours`]). A refused
/// submission has none.
pub fn submission_targets(
    s: &Submission,
    now: DateTime<Utc>,
    include_historical: bool,
) -> Result<Vec<Target>, LifecycleError> {
    let Outcome::Accepted {
        accepted_on, due, ..
    } = &s.outcome
    else {
        return Ok(Vec::new());
    };
    let ctx = Ctx::embedded(&s.service, s.channel)?;
    targets(
        &ctx,
        &s.lifecycle,
        &TargetInput {
            accepted_at: s.submitted_at,
            accepted_on: *accepted_on,
            due: *due,
            hours: provider_hours(ctx.service),
            now,
            include_historical,
        },
    )
}

/// The legal deadline has passed and the result is not ready.
pub fn overdue(targets: &[Target], now: DateTime<Utc>) -> bool {
    targets
        .iter()
        .find(|t| t.binding)
        .is_some_and(|t| t.done_at.is_none() && now > t.due)
}

/// The first target not yet done, and the time left until it is due
/// (negative when late).
pub fn next_target(targets: &[Target], now: DateTime<Utc>) -> Option<(&Target, TimeDelta)> {
    targets
        .iter()
        .find(|t| t.done_at.is_none())
        .map(|t| (t, t.due - now))
}

// ---------------------------------------------------------------------------
// Storage

/// Storage of a ready result at the State Corporation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageInfo {
    /// The local day the result was (last) made ready at the State Corporation.
    pub ready_on: NaiveDate,
    /// The last day of storage there ([`deadline::storage_until`]).
    pub until: Milestone,
    pub handed_over: bool,
    /// After a request: when the provider must send it back ([`deadline::return_due`]).
    pub return_due: Option<Milestone>,
}

/// Storage facts while the result is at the State Corporation or held by
/// the provider; `None` in any other state. The month restarts when a
/// returned result is ready again (a product choice: the month counts from
/// the day the result is ready at the State Corporation, §5.2).
pub fn storage(lc: &Lifecycle, ctx: &Ctx<'_>) -> Result<Option<StorageInfo>, LifecycleError> {
    if !matches!(
        lc.state,
        State::ReadyAtStateCorporation | State::HandedToProvider | State::ReturnRequested
    ) {
        return Ok(None);
    }
    let Some(ready) = lc.events.iter().rev().find(|e| {
        matches!(
            e.transition,
            Transition::DeliverToStateCorporation | Transition::Return
        )
    }) else {
        return Ok(None);
    };
    let key = ctx.key()?;
    let ready_on = kztime::local_date(ready.at).map_err(cal_err)?;
    let until = deadline::storage_until(key, ready_on).map_err(cal_err)?;
    let return_due = match (lc.state, lc.last(Transition::RequestReturn)) {
        (State::ReturnRequested, Some(req)) => {
            Some(deadline::return_due(key, req.at, ctx.calendar).map_err(cal_err)?)
        }
        _ => None,
    };
    Ok(Some(StorageInfo {
        ready_on,
        until,
        handed_over: matches!(lc.state, State::HandedToProvider | State::ReturnRequested),
        return_due,
    }))
}

// ---------------------------------------------------------------------------
// Demo autoplay

/// The next step a demo clock can play, who plays it, and when the
/// regulation targets it: a step's target, the day after storage ends for
/// the handover, the opening of the return day for a return. Never earlier
/// than the last event. `None` when the next move is the citizen's
/// (collecting, asking for the result back) or the record is closed.
/// Steps without a target (S1; S3 without history) play at once, and the
/// step that makes the result ready plays at the legal deadline.
pub fn next_automatic(
    lc: &Lifecycle,
    ctx: &Ctx<'_>,
    targets: &[Target],
    hours: Option<&Hours>,
) -> Result<Option<(Transition, Role, DateTime<Utc>)>, LifecycleError> {
    use Transition as T;
    let last = lc.last_at();
    let (transition, role) = match lc.state {
        State::Delivered => (T::Register, Role::Clerk),
        State::Registered => (T::Assign, Role::Head),
        State::Assigned => (T::Prepare, Role::Executor),
        State::InPreparation => (T::Sign, Role::Head),
        State::Signed if ctx.channel == Channel::Provider => (T::Issue, Role::Clerk),
        State::Signed => (T::DeliverToStateCorporation, Role::Clerk),
        State::ReadyAtStateCorporation => (T::HandToProvider, Role::System),
        State::ReturnRequested => (T::Return, Role::Clerk),
        State::HandedToProvider | State::Issued | State::Refused | State::RefusedAtAcceptance => {
            return Ok(None);
        }
    };
    let when = match transition {
        T::HandToProvider | T::Return => {
            let Some(info) = storage(lc, ctx)? else {
                return Ok(None);
            };
            match (transition, info.return_due) {
                (T::Return, Some(due)) => {
                    let open = hours.map_or((0, 0), |h| {
                        (u32::from(h.open.hour()), u32::from(h.open.minute()))
                    });
                    local_instant(due.date, open.0, open.1, 0)?
                }
                (T::Return, None) => return Ok(None),
                _ => {
                    let day = info
                        .until
                        .date
                        .succ_opt()
                        .ok_or_else(|| cal_err("date out of range"))?;
                    local_instant(day, 0, 0, 0)?
                }
            }
        }
        _ => {
            let step = targets
                .iter()
                .find(|t| !t.binding && t.done_at.is_none() && t.transition == Some(transition));
            let legal = targets.iter().find(|t| t.binding && t.done_at.is_none());
            match (step, legal) {
                (Some(t), _) => t.due,
                (None, Some(l))
                    if matches!(transition, T::DeliverToStateCorporation | T::Issue) =>
                {
                    l.due
                }
                _ => last.unwrap_or(DateTime::<Utc>::MIN_UTC),
            }
        }
    };
    let when = last.map_or(when, |l| when.max(l));
    Ok(Some((transition, role, when)))
}

// ---------------------------------------------------------------------------
// Citizen-facing status

/// What the citizen is told; the UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublicStatus {
    Delivered,
    Registered,
    /// Assigned, being prepared or signed.
    InProgress,
    /// Ready to collect at the State Corporation.
    Ready,
    Issued,
    Refused,
    RefusedAtAcceptance,
    /// Storage passed to the provider: ask for it back through the State Corporation.
    HeldByProvider,
}

pub fn public_status(lc: &Lifecycle) -> PublicStatus {
    match lc.state {
        State::Delivered => PublicStatus::Delivered,
        State::Registered => PublicStatus::Registered,
        State::Assigned | State::InPreparation | State::Signed => PublicStatus::InProgress,
        State::ReadyAtStateCorporation => PublicStatus::Ready,
        State::Issued => PublicStatus::Issued,
        State::Refused => PublicStatus::Refused,
        State::RefusedAtAcceptance => PublicStatus::RefusedAtAcceptance,
        State::HandedToProvider | State::ReturnRequested => PublicStatus::HeldByProvider,
    }
}
