//! The back office's state: the role the user acts in (remembered across
//! reloads and shared by tabs), and what that role may do.

use leptos::prelude::*;

use super::keys;
use super::store::{Collection, StoreNotices, Stored};
use crate::engine::lifecycle::{self, Role, Transition};
use crate::engine::store::{Format, formats};
use crate::engine::submission::Submission;

/// The roles a back-office user can take.
pub const STAFF_ROLES: [Role; 4] =
    [Role::Clerk, Role::Head, Role::Executor, Role::StateCorporation];

/// How a role is stored and used as a form value.
pub fn role_slug(r: Role) -> &'static str {
    match r {
        Role::Citizen => "citizen",
        Role::Clerk => "clerk",
        Role::Head => "head",
        Role::Executor => "executor",
        Role::StateCorporation => "state-corporation",
        Role::System => "system",
    }
}

/// The role chosen.
#[derive(Clone, Copy)]
pub struct StaffRole(Collection<String>);

impl Stored for String {
    const KEY: &'static str = keys::STAFF_ROLE;
    const FORMAT: &'static Format = &formats::STAFF_ROLE;
}

impl StaffRole {
    pub fn open(notices: StoreNotices) -> StaffRole {
        StaffRole(Collection::open(notices))
    }

    /// The role in use (reactive); the clerk until one is chosen.
    pub fn get(&self) -> Role {
        self.0.with(|r| STAFF_ROLES.into_iter().find(|x| role_slug(*x) == r).unwrap_or(Role::Clerk))
    }

    pub fn set(&self, slug: String) {
        let _ = self.0.update(|r| *r = slug);
    }
}

pub fn use_role() -> StaffRole {
    expect_context::<StaffRole>()
}

/// The transitions `role` may record on `s` now.
pub fn actions_for(s: &Submission, role: Role) -> Vec<Transition> {
    // A record that no longer matches what was signed is not acted on.
    if s.verify().is_err() {
        return Vec::new();
    }
    Transition::ALL
        .into_iter()
        .filter(|t| !t.is_initial())
        .filter(|t| lifecycle::next_state(s.lifecycle.state, *t, s.channel).is_some())
        .filter(|t| lifecycle::roles(s.lifecycle.state, *t).contains(&role))
        .collect()
}
