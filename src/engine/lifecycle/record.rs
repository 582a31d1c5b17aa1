//! The record: the current state, the audit trail of events, and the
//! revision that lets two tabs notice each other's writes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::state::{Role, State, Transition};
use crate::engine::source::Provenance;

/// One recorded transition, with the regulation step or rule it follows.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub at: DateTime<Utc>,
    pub actor: Role,
    pub transition: Transition,
    pub note: Option<String>,
    /// A refusal's ground (a catalogue `refusal_grounds` id).
    pub reason_id: Option<String>,
    /// The catalogue `ProcedureStep.id` this event completes, where a step
    /// in force describes it (S2: F002; never the lost-force F004).
    pub step_id: Option<String>,
    /// The other catalogue item followed, as "section/id":
    /// "storage/held", "issuance/portal-pickup", "refusal_grounds/false-data".
    pub rule_id: Option<String>,
    /// The step's or rule's provenance.
    pub provenance: Option<Provenance>,
}

impl Event {
    pub(super) fn bare(at: DateTime<Utc>, actor: Role, transition: Transition) -> Event {
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
        Details { note: Some(note.to_string()), reason_id: Some(reason_id.to_string()) }
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
            events: vec![Event::bare(at, Role::System, Transition::RefuseAtAcceptance)],
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
        self.events.iter().rev().find(|e| e.transition == transition)
    }
}

crate::engine::store::revisioned!(Lifecycle);
