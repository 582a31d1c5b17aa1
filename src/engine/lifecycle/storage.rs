//! Storage of a ready result at the State Corporation: one month, then the
//! provider holds it and sends it back within a working day of a request.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ctx::Ctx;
use super::error::LifecycleError;
use super::record::Lifecycle;
use super::state::{State, Transition};
use crate::engine::deadline::{self, Milestone};

/// Storage of a ready result at the State Corporation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageInfo {
    /// The local day the result was (last) made ready at the State Corporation.
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub ready_on: NaiveDate,
    /// The last day of storage there ([`deadline::storage_until`]).
    pub until: Milestone,
    pub handed_over: bool,
    /// After a request: when the provider must send it back ([`deadline::return_due`]).
    #[serde(default)]
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
        matches!(e.transition, Transition::DeliverToStateCorporation | Transition::Return)
    }) else {
        return Ok(None);
    };
    let key = ctx.service.id;
    let ready_on = ctx.zone().local_date(ready.at)?;
    let until = deadline::storage_until(key, ready_on)?;
    let return_due = match (lc.state, lc.last(Transition::RequestReturn)) {
        (State::ReturnRequested, Some(req)) => {
            Some(deadline::return_due_in(key, req.at, ctx.calendar, ctx.region)?)
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
