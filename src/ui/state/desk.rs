//! Where the State Corporation's employee serves a citizen: on a home visit
//! (the tablet's visits, sealed under the operator's PIN) or at an office's
//! counter (the office's own system: its counter visits are stored in the
//! clear, like the applications the back office reads). The visit pages are
//! the same for both and ask the desk (issue 13 §2: one engine, two
//! places); only where the records live, where the pages link, and what
//! happens to an accepted package differ.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use super::applications::file_delivered;
use super::db::Db;
use super::operator::{OperatorVault, VaultRefused, use_vault};
use super::store::{Collection, Refused, at_rev};
use crate::engine::visit::{self, OperatorData, Visit};
use crate::ui::paths;

/// The desk the visit pages act on.
#[derive(Clone, Copy)]
pub enum Desk {
    /// A home visit: operator mode's sealed vault.
    Home(OperatorVault),
    /// An office's counter.
    Counter(Collection<OperatorData>),
}

impl Desk {
    /// Whether the records can be read (operator mode: unlocked).
    pub fn is_open(&self) -> bool {
        match self {
            Desk::Home(v) => v.is_unlocked(),
            Desk::Counter(_) => true,
        }
    }

    pub fn at_counter(&self) -> bool {
        matches!(self, Desk::Counter(_))
    }

    pub fn with<R>(&self, f: impl FnOnce(&OperatorData) -> R) -> Option<R> {
        match self {
            Desk::Home(v) => v.with(f),
            Desk::Counter(c) => Some(c.with(f)),
        }
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&OperatorData) -> R) -> Option<R> {
        match self {
            Desk::Home(v) => v.with_untracked(f),
            Desk::Counter(c) => Some(c.with_untracked(f)),
        }
    }

    /// Changes visit `id` (stored whatever the change's outcome).
    pub fn update_visit<R>(
        &self, id: &str, change: impl FnOnce(&mut Visit) -> R,
    ) -> Result<R, VaultRefused> {
        match self {
            Desk::Home(v) => v.update_visit(id, change),
            Desk::Counter(c) => c
                .update(|d| d.visit_mut(id).map(change))
                .map_err(|_| VaultRefused::NotSaved)?
                .ok_or(VaultRefused::Missing),
        }
    }

    /// The one way to take a step of a visit at a known revision (as for
    /// applications and complaints): `change` runs on visit `id` as stored
    /// now only if it is still at `rev` (what the page showed), and is kept
    /// only if it succeeds and is stored.
    pub fn change_visit_at_rev<R, E>(
        &self, id: &str, rev: u64, change: impl FnOnce(&mut Visit) -> Result<R, E>,
    ) -> Result<R, Refused<E>> {
        let step = |d: &mut OperatorData| at_rev(d.visit_mut(id), rev, change);
        match self {
            Desk::Home(v) => v.try_update(step),
            Desk::Counter(c) => c.try_update(step),
        }
        .map_err(Refused::flatten)
    }

    /// The page of visit `id`.
    pub fn visit_href(&self, id: &str) -> String {
        match self {
            Desk::Home(_) => paths::visit(id),
            Desk::Counter(_) => paths::counter_visit(id),
        }
    }

    /// The desk's list.
    pub fn list_href(&self) -> &'static str {
        match self {
            Desk::Home(_) => paths::OPERATOR,
            Desk::Counter(_) => paths::COUNTER,
        }
    }

    /// After a visit ends: at the counter an accepted package is already
    /// at the State Corporation, so it is delivered and filed as an
    /// application at once (a home visit's waits for Sync). Returns how
    /// many applications were filed.
    pub fn after_finish(&self, db: Db, now: DateTime<Utc>) -> usize {
        let Desk::Counter(c) = self else { return 0 };
        if c.update(|d| visit::sync(d, true, now)).is_err() {
            return 0;
        }
        file_delivered(db, c.with_untracked(visit::delivered_applications)).unwrap_or(0)
    }
}

/// The desk of the page: the counter where a counter page provided it,
/// else the home visit's vault.
pub fn use_desk() -> Desk {
    use_context::<Desk>().unwrap_or_else(|| Desk::Home(use_vault()))
}

/// Starts serving a citizen at a counter: stores `visit` under the next
/// free id ("C1", "C2"… per browser) and returns the id.
pub fn open_counter_visit(
    counter: Collection<OperatorData>, make: impl FnOnce(&str) -> Visit,
) -> Result<String, super::store::NotSaved> {
    counter.update(|d| {
        let id = format!("C{}", d.visits.len() + 1);
        d.visits.push(make(&id));
        id
    })
}

/// The counter visits of `office` on `date`, latest first (reactive).
pub fn counter_visits(
    counter: Collection<OperatorData>, office: &str, date: NaiveDate,
) -> Vec<Visit> {
    counter.with(|d| {
        d.visits
            .iter()
            .rev()
            .filter(|v| v.office.as_deref() == Some(office) && v.date == date)
            .cloned()
            .collect()
    })
}
