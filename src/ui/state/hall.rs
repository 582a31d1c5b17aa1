//! The State Corporation hall (issue 13 §2): one office's queue for one day,
//! stored under `"<office>/<date>"`. Every action runs at the revision the
//! employee saw, so two tabs cannot both call the same citizen: the second
//! is refused ([`Refused::Stale`]) and shown the latest state.

use chrono::{DateTime, NaiveDate, Utc};

use super::db::Db;
use super::store::Refused;
use crate::engine::queue::{Hall, HallError, HallTicket, Purpose, Ticket};
use crate::engine::service::ServiceId;

/// Where the hall of `office` on `date` is stored.
pub fn hall_key(office: &str, date: NaiveDate) -> String {
    format!("{office}/{date}")
}

/// The hall of `office` on `date` as stored, or an empty one that nothing
/// has changed yet (revision 0). Reactive.
pub fn hall(db: Db, office: &str, date: NaiveDate) -> Hall {
    db.halls.record(&hall_key(office, date)).unwrap_or_else(|| Hall::new(office, date))
}

/// What a hall action does, on the hall at the revision it was shown at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HallAction {
    WalkIn(ServiceId, Purpose),
    /// A booked citizen arrives with their booking.
    CheckIn(Box<Ticket>),
    /// Call the next citizen to this window.
    CallNext(u32),
    Finish(u32),
    Absent(u32),
}

/// Runs `action` on the latest stored hall of `office` on `date`, only if it
/// is still at revision `seen`; writes it when the engine agrees.
pub fn act(
    db: Db, office: &str, date: NaiveDate, seen: u64, action: HallAction, now: DateTime<Utc>,
) -> Result<HallTicket, Refused<HallError>> {
    db.halls
        .try_update(|m| {
            let hall = m.entry(hall_key(office, date)).or_insert_with(|| Hall::new(office, date));
            match action {
                HallAction::WalkIn(service, purpose) => {
                    hall.walk_in(seen, service, purpose, None, now)
                }
                HallAction::CheckIn(ticket) => hall.check_in(seen, &ticket, now),
                HallAction::CallNext(window) => hall.call_next(seen, window, now),
                HallAction::Finish(n) => hall.finish(seen, n, now),
                HallAction::Absent(n) => hall.mark_absent(seen, n, now),
            }
        })
        .map_err(|r| match r {
            Refused::Rule(HallError::Stale(s)) => Refused::Stale { found: s.found },
            other => other,
        })
}

/// The booking `reference`, if there is one in this browser.
pub fn booking(db: Db, reference: &str) -> Option<Ticket> {
    db.tickets.with_untracked(|t| t.get(reference.trim()).cloned())
}
