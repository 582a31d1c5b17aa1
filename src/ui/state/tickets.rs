//! Bookings of the State Corporation's electronic queue: booking, moving
//! and cancelling a ticket, at the revision of the bookings the page
//! showed. Two tabs that both saw the last place of a slot cannot both take
//! it: the second is refused as stale, its page then shows the bookings as
//! they are (the slot full, so no longer offered), and the citizen is told.

use super::db::Db;
use super::store::Refused;
use crate::engine::queue::{Ticket, TicketError, Tickets};

/// Why a booking change was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TicketFailure {
    /// The engine said no (the slot is full or has begun, no booking for
    /// this service…), or another tab changed the bookings since the page
    /// showed them ([`TicketError::Stale`]).
    Rule(TicketError),
    /// The browser would not store it (the store shows its own notice).
    NotSaved,
}

/// The revision of the bookings as this tab shows them.
pub fn seen(db: Db) -> u64 {
    db.tickets.with_untracked(|t| t.rev)
}

/// Changes the bookings with `change` — [`Tickets::book`],
/// [`Tickets::move_to`] or [`Tickets::cancel`], each given the revision the
/// page showed — and stores them only if it succeeds, in one write.
pub fn change(
    db: Db, change: impl FnOnce(&mut Tickets) -> Result<Ticket, TicketError>,
) -> Result<Ticket, TicketFailure> {
    db.tickets.try_update(change).map_err(|e| match e {
        Refused::Rule(e) => TicketFailure::Rule(e),
        _ => TicketFailure::NotSaved,
    })
}

/// The tickets of `iin`, latest slot first (reactive).
pub fn tickets_of(db: Db, iin: &str) -> Vec<Ticket> {
    db.tickets.with(|t| t.of_person(iin).into_iter().cloned().collect())
}

/// Ticket `reference` if it is `iin`'s (reactive).
pub fn ticket_of(db: Db, reference: &str, iin: Option<&str>) -> Option<Ticket> {
    db.tickets.with(|t| t.get(reference).cloned()).filter(|t| Some(t.iin.as_str()) == iin)
}
