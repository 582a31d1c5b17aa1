//! The demo clock's moves: the regulation step that comes next across all
//! stored applications, played at its target time.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::clock::Clock;
use super::db::Db;
use crate::engine::calendar;
use crate::engine::kztime;
use crate::engine::lifecycle::{self, Ctx, Details, Role, Transition};
use crate::engine::submission::Submission;

/// The regulation step that comes next across all stored applications:
/// (reference, transition, role, when).
pub fn next_step(
    apps: &BTreeMap<String, Submission>, now: DateTime<Utc>,
) -> Option<(String, Transition, Role, DateTime<Utc>)> {
    apps.values()
        .filter(|s| s.is_accepted() && !s.lifecycle.state.is_terminal())
        .filter_map(|s| {
            let ctx = Ctx::embedded(s.service, s.channel).ok()?;
            let targets = s.targets(now, false).ok()?;
            let hours = lifecycle::provider_hours(ctx.service);
            let (tr, role, at) =
                lifecycle::next_automatic(&s.lifecycle, &ctx, &targets, hours).ok()??;
            Some((s.reference.clone(), tr, role, at))
        })
        .min_by_key(|(_, _, _, at)| *at)
}

/// Plays the next step: moves the clock to its time (never backwards) and
/// records it. Returns what was played, or `None` when nothing waits (or
/// it could not be recorded).
pub fn play_next(db: Db, clock: Clock) -> Option<(String, Transition, DateTime<Utc>)> {
    let (reference, transition, role, at) =
        db.apps.with_untracked(|m| next_step(m, clock.now_untracked()))?;
    // A target still ahead moves the clock there and is recorded at exactly
    // that time (the clock itself lands a fraction of a second later, which
    // would mark the step late); one already passed is played now, late.
    let before = clock.now_untracked();
    clock.advance_to(at);
    let at = if at >= before { at } else { clock.now_untracked() };
    db.apps
        .try_update(|m| {
            let s = m.get_mut(&reference).ok_or(())?;
            let ctx = Ctx::embedded(s.service, s.channel).map_err(|_| ())?;
            s.lifecycle.apply(&ctx, transition, role, at, Details::default()).map_err(|_| ())
        })
        .ok()
        .map(|()| (reference, transition, at))
}

/// The next working day at the same local time.
pub fn plus_working_day(now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let local = kztime::to_local(now).ok()?.local;
    let day = calendar::add_working_days(local.date(), 1).ok()?;
    kztime::local_to_utc(day.and_time(local.time())).ok()
}

/// Whether the clock can go back to real time: only if no record holds an
/// event after real time (reactive).
pub fn can_reset(db: Db, clock: Clock) -> bool {
    let real = clock.real_now();
    db.apps.with(|m| m.values().all(|s| s.lifecycle.last_at().is_none_or(|at| at <= real)))
}
