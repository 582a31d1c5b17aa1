//! What the fuzzer does with the State Corporation's stored queue data:
//! the halls, the bookings and the counters' visits, as the app would.

use std::collections::BTreeMap;

use super::Gen;
use super::decode;
use crate::engine::queue::{Hall, Purpose as QueuePurpose, Tickets};
use crate::engine::service::ServiceId;
use crate::engine::store::Format;
use crate::engine::term::ClockTime;
use crate::engine::visit::{self, OperatorData};

/// The hall page: every ticket's view and the dashboard at some instant,
/// and the employee's actions at the stored revision.
pub(super) fn use_halls(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let mut halls = decode::<BTreeMap<String, Hall>>(raw, f)?;
    for h in halls.values_mut() {
        let now = g.instant();
        let _ = h.views(now);
        let _ = h.dashboard(now);
        let _ = h.waiting_order(now);
        let rev = h.rev;
        let n = g.below(5) as u32;
        let _ = match g.below(4) {
            0 => h.walk_in(rev, ServiceId::S2, QueuePurpose::Collect, None, now),
            1 => h.call_next(rev, n, now),
            2 => h.finish(rev, n, now),
            _ => h.mark_absent(rev, n, now),
        };
        let _ = h.dashboard(now);
    }
    Some(())
}

pub(super) fn use_tickets(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let mut tickets = decode::<Tickets>(raw, f)?;
    let now = g.instant();
    let _ = tickets.taken();
    let refs: Vec<String> = tickets.tickets.iter().map(|t| t.reference.clone()).collect();
    for r in refs {
        let _ = tickets.get(&r).map(|t| t.status_at(now));
        let rev = tickets.rev;
        let _ = if g.chance(50) {
            tickets.cancel(rev, &r, now)
        } else {
            let date = now.date_naive();
            let start = ClockTime::new(g.below(24) as u16, 15 * g.below(4) as u16);
            match start {
                Some(start) => tickets.move_to(rev, &r, "almaty-medeu", date, start, now),
                None => continue,
            }
        };
    }
    Some(())
}

pub(super) fn use_counter(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let data = decode::<OperatorData>(raw, f)?;
    // The operator's steps change a copy; the counter's pages read the data
    // as stored.
    step_operator_data(data.clone(), g);
    for v in &data.visits {
        let _ = v.location();
        let _ = v.application().map(|a| a.verify());
    }
    let _ = visit::delivered_applications(&data);
    Some(())
}

pub(super) fn use_operator_data(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    step_operator_data(decode::<OperatorData>(raw, f)?, g);
    Some(())
}

/// What the operator's pages do with decoded data: every visit's views,
/// finishing some, a wrong code, and a sync.
fn step_operator_data(mut data: OperatorData, g: &mut Gen) {
    let _ = data.to_deliver();
    let now = g.instant();
    for v in &mut data.visits {
        let _ = v.person();
        let _ = v.required();
        let _ = v.missing();
        let _ = v.deadline();
        let _ = visit::signature_is_drawn(&v.strokes);
        if g.chance(30) {
            let _ = v.finish(now);
        }
        if let Some(s) = v.otp.as_mut() {
            let _ = s.verify(&g.text(8), now);
            let _ = s.seconds_until_resend(now);
        }
    }
    let _ = visit::sync(&mut data, g.chance(50), now);
}
