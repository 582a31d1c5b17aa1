//! The electronic queue: what a visit is for, where a booking stands.

use super::labels;
use crate::engine::queue::{Purpose, TicketError, TicketStatus};

labels! {
    Purpose {
        Purpose::HandIn => book_purpose_hand_in,
        Purpose::Collect => book_purpose_collect,
    }
    TicketStatus {
        TicketStatus::Upcoming => ticket_status_upcoming,
        TicketStatus::Past => ticket_status_past,
        TicketStatus::Cancelled => ticket_status_cancelled,
    }
    // Why a booking, move or cancellation was refused. The last arm is what
    // no page lets a citizen cause (the office, the IIN and the law's
    // choices come from the page, not typed): it says to try again.
    TicketError {
        TicketError::Stale(_) => book_error_stale,
        TicketError::SlotFull { .. } => book_error_full,
        TicketError::SlotBegun { .. } => book_error_begun,
        TicketError::SameSlot => book_error_same_slot,
        TicketError::NotChangeable { .. } => book_error_not_changeable,
        TicketError::NoSuchSlot { .. } => book_error_no_slot,
        TicketError::UnknownTicket(_) => book_error_unknown_ticket,
        TicketError::InvalidIin(_) | TicketError::UnknownOffice(_) | TicketError::NoBooking(_)
        | TicketError::NumberTaken(_) | TicketError::Queue(_) | TicketError::Deadline(_) => book_error_other,
    }
}
