//! Recording a transition: the state machine's and the roles' checks, a
//! refusal's ground, the storage month, and the regulation step or rule the
//! event follows. On any error the record is unchanged. To record it only
//! at the revision a page showed, wrap it in
//! [`Revisioned::change_at_rev`](crate::engine::store::Revisioned::change_at_rev).

use chrono::{DateTime, Utc};

use super::ctx::Ctx;
use super::error::LifecycleError;
use super::record::{Details, Event, Lifecycle};
use super::state::{Role, Transition, next_state, roles};
use super::steps::{recorded_step, refusal_ground, rule_for};
use super::storage::storage;

impl Lifecycle {
    /// Records `transition` by `actor` at `at`, or says why not. On error
    /// the record is unchanged.
    pub fn apply(
        &mut self, ctx: &Ctx<'_>, transition: Transition, actor: Role, at: DateTime<Utc>,
        details: Details,
    ) -> Result<(), LifecycleError> {
        let from = self.state;
        let to = next_state(from, transition, ctx.channel)
            .ok_or(LifecycleError::IllegalTransition { from, transition })?;
        let allowed = roles(from, transition);
        if !allowed.contains(&actor) {
            return Err(LifecycleError::WrongRole { transition, actor, allowed: allowed.to_vec() });
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
                    let day = ctx.zone().local_date(at)?;
                    if day <= info.until.date {
                        return Err(LifecycleError::StorageNotExpired { until: info.until.date });
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
}
