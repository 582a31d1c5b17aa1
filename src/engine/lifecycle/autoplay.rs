//! The demo clock's autoplay: the next step to play, who plays it, and when
//! the regulation targets it.

use chrono::{DateTime, Utc};

use super::ctx::Ctx;
use super::error::{LifecycleError, out_of_range};
use super::record::Lifecycle;
use super::state::{Role, State, Transition};
use super::storage::storage;
use super::target::{LEGAL_DEADLINE, Target, legal_deadline, local_instant};
use crate::engine::term::{Channel, Hours};

/// The next step a demo clock can play, who plays it, and when the
/// regulation targets it: a step's target, the day after storage ends for
/// the handover, the opening of the return day for a return. Never earlier
/// than the last event. `None` when the next move is the citizen's
/// (collecting, asking for the result back) or the record is closed.
/// Steps without a target (S1; S3 without history) play at once; S3's
/// delivery to the State Corporation plays at its milestone (the close of
/// the working day before the deadline day, F003 L14), and otherwise the
/// step that makes the result ready plays at the legal deadline.
pub fn next_automatic(
    lc: &Lifecycle, ctx: &Ctx<'_>, targets: &[Target], hours: Option<&Hours>,
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
                    let open = hours
                        .map_or((0, 0), |h| (u32::from(h.open.hour()), u32::from(h.open.minute())));
                    local_instant(ctx.zone(), due.date, open.0, open.1, 0)?
                }
                (T::Return, None) => return Ok(None),
                _ => {
                    let day =
                        info.until.date.succ_opt().ok_or_else(|| out_of_range(info.until.date))?;
                    local_instant(ctx.zone(), day, 0, 0, 0)?
                }
            }
        }
        _ => {
            // A regulation step or S3's delivery milestone that this
            // transition completes; else the legal deadline for the step
            // that makes the result ready.
            let step = targets.iter().find(|t| {
                t.step_id != LEGAL_DEADLINE
                    && t.done_at.is_none()
                    && t.transition == Some(transition)
            });
            let legal = legal_deadline(targets).filter(|t| t.done_at.is_none());
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
