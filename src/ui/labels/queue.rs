//! The electronic queue: what a visit is for, where a booking stands.

use super::labels;
use crate::engine::queue::{Purpose, TicketStatus};

labels! {
    Purpose {
        Purpose::HandIn => book_purpose_hand_in, Purpose::Collect => book_purpose_collect,
    }
    TicketStatus {
        TicketStatus::Upcoming => ticket_status_upcoming, TicketStatus::Past => ticket_status_past,
        TicketStatus::Cancelled => ticket_status_cancelled,
    }
}
