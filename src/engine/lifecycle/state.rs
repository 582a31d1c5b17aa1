//! The state machine: states, transitions, who may record each, and where
//! each leads (the diagram in the [module docs](super)).

use serde::{Deserialize, Serialize};

use crate::engine::catalog::Actor;
use crate::engine::term::Channel;

crate::engine::json::names!(State, Transition, Role);

/// Where an application is. Kebab-case in storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
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
        matches!(self, State::Issued | State::Refused | State::RefusedAtAcceptance)
    }

    /// The storage spelling ("ready-at-state-corporation").
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn slug(self) -> &'static str {
        self.into()
    }
}

/// A change of state. `Accept` and `RefuseAtAcceptance` only start a
/// record ([`Lifecycle::new`](super::Lifecycle::new), [`Lifecycle::refused_at_acceptance`](super::Lifecycle::refused_at_acceptance));
/// [`Lifecycle::apply`](super::Lifecycle::apply) refuses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
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

    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn slug(self) -> &'static str {
        self.into()
    }
}

/// Who records an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
