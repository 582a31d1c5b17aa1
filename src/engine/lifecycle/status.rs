//! The status a citizen is told: fewer states than the back office sees.

use serde::{Deserialize, Serialize};

use super::record::Lifecycle;
use super::state::State;

crate::engine::json::names!(PublicStatus);

/// What the citizen is told; the UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
