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
//!
//! The module is split by what each part answers: [`state`] (may this
//! happen, and who may do it), the record and its audit trail
//! ([`Lifecycle`], [`Event`]), recording a transition
//! ([`Lifecycle::apply`]), the regulation's steps and rules, target times
//! ([`targets`]), storage ([`storage()`]), the demo autoplay
//! ([`next_automatic`]) and the citizen's status ([`public_status`]).
//! It knows nothing of how an application was submitted: what needs a
//! stored submission lives with [`submission`](crate::engine::submission).

mod apply;
mod autoplay;
mod ctx;
mod error;
mod record;
pub mod state;
mod status;
mod steps;
mod storage;
mod target;
mod unread;

pub use autoplay::next_automatic;
pub use ctx::Ctx;
pub use error::LifecycleError;
pub use record::{Details, Event, Lifecycle};
pub use state::{Role, State, Transition, next_state, roles};
pub use status::{PublicStatus, public_status};
pub use steps::{
    RegionalRegulation, decision_grounds, portal_mapping, provider_hours, provider_schedule,
    regional_regulation, step_transition, steps_for,
};
pub use storage::{StorageInfo, storage};
pub use target::{
    LEGAL_DEADLINE, PROVIDER_DELIVERY, Target, TargetInput, delivers_to_state_corporation,
    end_of_local_day, end_of_local_day_in, late_count, legal_deadline, next_target, overdue,
    targets,
};
pub use unread::{Glance, is_unread, unread};
