//! `/cabinet/book`: booking the State Corporation's electronic queue on the
//! portal (issue 13 §1), and `?move=REF`, moving a booking. One question
//! after another on one page: what the visit is for; the education
//! organisation where it matters (S3: its settlement sets 3 or 8 working
//! days, C-24; S2 collecting: F002 is East Kazakhstan's); then either the
//! plain answer that the law gives no booking (come without one, with the
//! legal maximum wait), or the office, the day (the office's hours for
//! that service, from the calendar) and a free time, with the result date
//! to expect and "why this date?". `/cabinet/tickets/:reference` is the
//! ticket.

mod form;
mod ticket;

pub use form::book_page;
pub use ticket::TicketPage;

use crate::engine::source::Lang;
use crate::ui::labels::Label;
use crate::ui::state::tickets::TicketFailure;

/// What a refused booking, move or cancellation says (`None`: the store
/// says it was not saved).
fn failure_message(lang: Lang, f: &TicketFailure) -> Option<String> {
    match f {
        TicketFailure::NotSaved => None,
        TicketFailure::Rule(e) => Some(e.label(lang).into()),
    }
}
