//! The State Corporation's electronic queue: booking a slot on the portal,
//! the ticket, and the hall where tickets are called.
//!
//! The seeds give a booking in exactly two places (C-22: appointments only
//! where the source provides them): S3, handing in the documents
//! (F003 item 7, L34), and S2, collecting the result where East
//! Kazakhstan's regulation applies (F002 §10(3), L74). Everywhere else the
//! answer is a typed "no booking: come without one", with the service's
//! legal maximum wait. Everything the queue needs that the seeds do not
//! give (slot length, capacity, calling order…) is an *assumption* in
//! `data/queue.toml`, with its reasoning, and is marked so wherever it is
//! shown.
//!
//! Lower layers first:
//!
//! - [`office`](mod@office): the demo offices with their queue facts (duty department,
//!   windows), settlement and region; the provider's place;
//! - [`booking`](mod@booking): what can be booked ([`booking::booking`]) and the legal
//!   maximum waiting and service times;
//! - [`opening`](mod@opening): an office's hours **for one service** on one date, from
//!   the catalogue's schedules and the working-day calendar (C-33);
//! - [`slots`]: the day's slots with capacity and bookings;
//! - [`ticket`]: booking, moving and cancelling at a known revision, with
//!   the personal checklist and the expected result date;
//! - [`hall`]: today's queue at one office, "call next", waiting and
//!   service times against their maximums, and the day's dashboard.
//!
//! Every function is pure: the data, the tickets and `now` are passed in.
//!
//! ```
//! use qujat::engine::queue::{self, Purpose, SlotsAnswer};
//! use qujat::engine::service::ServiceId;
//!
//! let office = queue::office("almaty-medeu").unwrap();
//! let date = "2025-03-19".parse().unwrap(); // a Wednesday
//! let SlotsAnswer::Slots(day) = queue::day_slots(ServiceId::S3, Purpose::HandIn, office, None, date, &[])? else {
//!     panic!("S3 hand-in can be booked (F003 L34)");
//! };
//! // S3 at a State Corporation office: 9.00–18.00 (F003 item 7 2)), in
//! // slots of its 15-minute maximum service time (an assumption).
//! assert_eq!(day.slots.first().unwrap().start.to_string(), "09:00");
//! assert_eq!(day.slots.last().unwrap().start.to_string(), "17:45");
//! assert_eq!(day.slots.len(), 36);
//!
//! // S1: the seeds give no booking; the answer says so, with the legal wait.
//! let SlotsAnswer::NoBooking(no) = queue::day_slots(ServiceId::S1, Purpose::HandIn, office, None, date, &[])? else {
//!     panic!("S1 has no booking");
//! };
//! assert_eq!(no.max_wait.unwrap().minutes, 15);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::calendar::CalendarError;
use crate::engine::kztime::KzTimeError;
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Text};

pub mod booking;
mod checklist;
pub mod hall;
pub mod office;
pub mod opening;
pub mod slots;
pub mod ticket;

pub use booking::{
    Bookability, BookingRule, ChecklistSource, Limit, NoBooking, NoBookingWhy, booking,
    service_limit, wait_limit,
};
pub use hall::{Dashboard, Hall, HallError, HallTicket, HallTicketView, Origin, TicketState};
pub use office::{ProviderPlace, QueueOffice, office, offices, region_of, settlement_name};
pub use opening::{Closed, DayOpening, opening};
pub use slots::{DaySlots, Slot, SlotsAnswer, Taken, day_slots, slot_instant};
pub use ticket::{
    Checklist, ChecklistItem, ChecklistKind, ExpectedResult, SlotRef, Ticket, TicketError,
    TicketEvent, TicketRequest, TicketStatus, Tickets, expected_result,
};

crate::engine::json::names!(Purpose);

crate::engine::embedded::decoded_once!(QueueData, "queue", "tests/queue.rs", parse, embedded, data);

/// Why a citizen comes to the State Corporation: to hand in the documents,
/// or to collect the result. Each has its own booking rule in the seeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Purpose {
    HandIn,
    Collect,
}

impl Purpose {
    pub const ALL: [Purpose; 2] = [Purpose::HandIn, Purpose::Collect];

    /// The CLI and URL spelling: `hand-in`, `collect`.
    pub fn slug(self) -> &'static str {
        match self {
            Purpose::HandIn => "hand-in",
            Purpose::Collect => "collect",
        }
    }

    pub fn from_slug(s: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.slug() == s)
    }
}

/// A settlement the registry does not have yet (see `queue.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraSettlement {
    pub id: String,
    pub name: Text,
}

/// One office's queue facts, and, for an office the registry does not have,
/// its settlement, name and address.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeEntry {
    pub id: String,
    /// A duty department: S3's longer hours apply (F003 item 7 2) L33).
    pub duty: bool,
    /// Service windows for booked visitors: the capacity of a slot (an
    /// assumption, [`Assumptions::capacity`]).
    pub windows: u32,
    pub settlement: Option<String>,
    pub name: Option<Text>,
    pub address: Option<Text>,
}

/// The readings the queue adds where the seeds are silent, each with its
/// reasoning: the UI shows them as interpretations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// No booking where no seed gives one (C-22).
    pub no_booking: Provenance,
    /// Slot length = the service's maximum service time.
    pub slot_length: Provenance,
    /// Capacity of a slot = the office's windows.
    pub capacity: Provenance,
    /// Decreed transfers move the office's day.
    pub decreed_days: Provenance,
    /// Which demo offices are duty departments.
    pub duty: Provenance,
    /// Who is called next in the hall.
    pub call_order: Provenance,
    /// From when a booked citizen's wait counts.
    pub wait_start: Provenance,
    /// The hand-in waiting maximum applied to collecting.
    pub collect_wait: Provenance,
}

/// Everything in `queue.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueData {
    pub booking: Vec<BookingRule>,
    pub assumptions: Assumptions,
    /// Settlements the registry does not have (none since issue 11 added
    /// the regions' settlements to it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settlement: Vec<ExtraSettlement>,
    pub office: Vec<OfficeEntry>,
}

/// The queue's readings where the seeds are silent.
pub fn assumptions() -> &'static Assumptions {
    &data().assumptions
}

/// Why a queue question could not be answered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueueError {
    /// No such office in the registry or in `queue.toml`.
    #[error("unknown office {0:?}")]
    UnknownOffice(String),
    /// The catalogue gives the service no maximum service time at the State
    /// Corporation, so no slot length (a data mistake, not the citizen's).
    #[error("the catalogue gives {0} no maximum service time at the State Corporation")]
    NoServiceTime(ServiceId),
    /// The catalogue gives the service no State Corporation schedule item
    /// at all, not even "not specified" (a data mistake).
    #[error("the catalogue has no State Corporation schedule item for {0}")]
    NoSchedule(ServiceId),
    #[error("{0}")]
    Calendar(#[from] CalendarError),
    #[error("{0}")]
    Time(#[from] KzTimeError),
}
