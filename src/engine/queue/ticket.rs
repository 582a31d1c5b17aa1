//! Tickets: a citizen's booking of one slot, and the collection of them.
//!
//! Booking, moving and cancelling are changes to the collection at a known
//! revision ([`Revisioned`]): two tabs that both saw the last free place
//! cannot both take it. The first write wins; the second is refused as
//! [`Stale`], and applied again on the fresh collection it is refused as
//! [`TicketError::SlotFull`]. Nothing is deleted: a moved ticket keeps its
//! history, a cancelled or past one stays in the list.
//!
//! A ticket carries what the citizen needs at the office (computed in
//! `checklist.rs`, re-exported here):
//!
//! - the **personal checklist**: for handing in, the catalogue's documents
//!   for the State Corporation channel and the citizen's situation (and
//!   its notes, such as consent); for collecting, the catalogue's issuance
//!   rule and what the booking rule adds (S2: the receipt, F002 L72);
//! - for handing in, **the result date to expect** if the documents are
//!   handed in at the slot: the very [`deadline_for`](crate::engine::deadline::deadline_for)
//!   computation the acceptance makes, with the office's and the
//!   provider's settlements (S3: 3 or 8 working days, C-24), and its
//!   explanation.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::booking::{Bookability, NoBooking, booking};
use super::office::{ProviderPlace, QueueOffice, office};
pub use super::slots::SlotRef;
use super::slots::{SlotsAnswer, Taken, day_slots};
use super::{Purpose, QueueError};
use crate::engine::catalog::Situation;
use crate::engine::deadline::DeadlineError;
use crate::engine::identity::iin::{self, IinError};
use crate::engine::json::tagged;
use crate::engine::kztime::compact_date;
use crate::engine::service::ServiceId;
use crate::engine::store::{Revisioned, Stale};
use crate::engine::term::ClockTime;

pub use super::checklist::{
    Checklist, ChecklistItem, ChecklistKind, ExpectedResult, checklist, expected_result,
};

crate::engine::json::names!(TicketStatus);

/// What happened to a ticket, in order. serde writes it; it is read in one
/// pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum TicketEvent {
    Booked { at: DateTime<Utc>, office: String, slot: SlotRef },
    Moved { at: DateTime<Utc>, from_office: String, from: SlotRef, to_office: String, to: SlotRef },
    Cancelled { at: DateTime<Utc> },
}

tagged::reader! {
    TicketEvent, tag = "event";
    variants {
        Booked { at, office, slot }
        Moved { at, from_office, from, to_office, to }
        Cancelled { at }
    }
    fields {
        String: office, from_office, to_office;
        SlotRef: slot, from, to;
    }
    read {
        DateTime<Utc> = "crate::engine::json::date::utc_opt": at;
    }
}

/// Where a ticket stands at some instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum TicketStatus {
    /// The slot has not ended.
    Upcoming,
    /// The slot has ended (kept in the cabinet).
    Past,
    Cancelled,
}

/// A booking of one slot.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// "Q-YYYYMMDD-NNNN": the date of the slot first booked and the
    /// ticket's number in the collection (never reused: nothing is
    /// deleted). It does not change when the ticket is moved.
    pub reference: String,
    pub office: String,
    pub service: ServiceId,
    pub purpose: Purpose,
    pub slot: SlotRef,
    /// The citizen, by IIN only; name and documents come from the registry.
    pub iin: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub created_at: DateTime<Utc>,
    /// The school or college, when named (S3's term, S2's region).
    pub provider: Option<ProviderPlace>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<Situation>,
    pub checklist: Checklist,
    /// Handing in only: the result date to expect.
    pub expected: Option<ExpectedResult>,
    pub history: Vec<TicketEvent>,
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl Ticket {
    /// Not cancelled: it holds its place in the slot.
    pub fn is_live(&self) -> bool {
        self.cancelled_at.is_none()
    }

    pub fn status_at(&self, now: DateTime<Utc>) -> TicketStatus {
        if !self.is_live() {
            TicketStatus::Cancelled
        } else if now >= self.slot.ends_at {
            TicketStatus::Past
        } else {
            TicketStatus::Upcoming
        }
    }
}

/// What a citizen asks to book.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketRequest {
    pub service: ServiceId,
    pub purpose: Purpose,
    pub office: String,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub date: NaiveDate,
    pub start: ClockTime,
    pub iin: String,
    pub provider: Option<ProviderPlace>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<Situation>,
}

/// Why a booking, move or cancellation was refused. The collection is then
/// exactly as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TicketError {
    /// Another tab changed the tickets since this view was read.
    #[error(transparent)]
    Stale(#[from] Stale),
    #[error("invalid IIN ({0:?})")]
    InvalidIin(IinError),
    #[error("unknown office {0:?}")]
    UnknownOffice(String),
    /// The seeds give no booking for this service and purpose (here).
    #[error("{}", .0.english())]
    NoBooking(Box<NoBooking>),
    /// No slot starts then: the office is closed for the service that day,
    /// or the time is not a slot start.
    #[error("no slot starts at {start} on {date}")]
    NoSuchSlot { date: NaiveDate, start: ClockTime },
    /// Every place of the slot is taken.
    #[error("the slot at {start} on {date} is full")]
    SlotFull { date: NaiveDate, start: ClockTime },
    /// The slot has begun (or is over).
    #[error("the slot began at {starts_at}")]
    SlotBegun { starts_at: DateTime<Utc> },
    #[error("no ticket {0}")]
    UnknownTicket(String),
    /// A ticket from a data file whose number is already taken here.
    #[error("ticket number {0} is already taken here")]
    NumberTaken(String),
    /// Cancelled or past: it can no longer be moved or cancelled.
    #[error("ticket {reference} is {status:?} and cannot change")]
    NotChangeable { reference: String, status: TicketStatus },
    /// Moving to the slot the ticket already holds.
    #[error("the ticket already holds that slot")]
    SameSlot,
    #[error(transparent)]
    Queue(#[from] QueueError),
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
}

/// Every ticket, with the revision that guards changes to them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tickets {
    pub tickets: Vec<Ticket>,
    #[serde(default)]
    pub rev: u64,
}

crate::engine::store::revisioned!(Tickets);

/// A free, not yet begun slot of `office` at `date` `start`, counting every
/// live ticket except `except` (the ticket being moved).
fn take_slot(
    tickets: &[Ticket], except: Option<&str>,
    rule_for: (ServiceId, Purpose, Option<&ProviderPlace>), office: &QueueOffice, date: NaiveDate,
    start: ClockTime, now: DateTime<Utc>,
) -> Result<SlotRef, TicketError> {
    let (service, purpose, provider) = rule_for;
    let taken: Vec<Taken<'_>> = tickets
        .iter()
        .filter(|t| t.is_live() && Some(t.reference.as_str()) != except)
        .map(|t| Taken { office: &t.office, slot: &t.slot })
        .collect();
    let day = match day_slots(service, purpose, office, provider, date, &taken)? {
        SlotsAnswer::Slots(day) => day,
        SlotsAnswer::NoBooking(no) => return Err(TicketError::NoBooking(Box::new(no))),
    };
    let slot = day.slot(start).ok_or(TicketError::NoSuchSlot { date, start })?;
    if slot.starts_at <= now {
        return Err(TicketError::SlotBegun { starts_at: slot.starts_at });
    }
    if slot.is_full() {
        return Err(TicketError::SlotFull { date, start });
    }
    let ends_at = super::slots::slot_instant(date, slot.end).map_err(QueueError::from)?;
    Ok(SlotRef { date, start: slot.start, end: slot.end, starts_at: slot.starts_at, ends_at })
}

/// For a hand-in at `slot`, the result it leads to: the term counted from
/// the slot's start (booking and moving record it; adopting a restored
/// ticket keeps the result it came with). A collection leads to none.
fn expected_at(
    rule_for: (ServiceId, Purpose, Option<&ProviderPlace>), office: &QueueOffice, slot: &SlotRef,
) -> Result<Option<ExpectedResult>, TicketError> {
    let (service, purpose, provider) = rule_for;
    Ok(match purpose {
        Purpose::HandIn => Some(expected_result(service, office, provider, slot.starts_at)?),
        Purpose::Collect => None,
    })
}

impl Tickets {
    /// The slots the live tickets hold, as [`day_slots`] counts them.
    pub fn taken(&self) -> Vec<Taken<'_>> {
        self.tickets
            .iter()
            .filter(|t| t.is_live())
            .map(|t| Taken { office: &t.office, slot: &t.slot })
            .collect()
    }

    /// The number of the next ticket: one more than the highest so far
    /// (never reused, even where tickets came from a data file with
    /// numbers of their own).
    fn next_number(&self) -> usize {
        let number = |t: &Ticket| t.reference.rsplit('-').next()?.parse::<usize>().ok();
        self.tickets.iter().filter_map(number).max().unwrap_or(0).max(self.tickets.len()) + 1
    }

    /// Takes in a ticket restored from a data file, as a change at revision
    /// `seen`: refused when its number is already here, and, while it is
    /// live and its slot has not begun, when the slot has no free place
    /// left (it is counted as any booking would be).
    pub fn adopt(
        &mut self, seen: u64, ticket: Ticket, now: DateTime<Utc>,
    ) -> Result<(), TicketError> {
        self.change_at_rev(seen, |all| {
            if all.get(&ticket.reference).is_some() {
                return Err(TicketError::NumberTaken(ticket.reference.clone()));
            }
            if ticket.is_live() && ticket.slot.starts_at > now {
                let office = office(&ticket.office)
                    .ok_or_else(|| TicketError::UnknownOffice(ticket.office.clone()))?;
                take_slot(
                    &all.tickets,
                    None,
                    (ticket.service, ticket.purpose, ticket.provider.as_ref()),
                    office,
                    ticket.slot.date,
                    ticket.slot.start,
                    now,
                )?;
            }
            all.tickets.push(ticket);
            Ok(())
        })
    }

    pub fn get(&self, reference: &str) -> Option<&Ticket> {
        self.tickets.iter().find(|t| t.reference == reference)
    }

    /// A citizen's tickets, newest slot first (the cabinet's list).
    pub fn of_person(&self, iin: &str) -> Vec<&Ticket> {
        let mut v: Vec<&Ticket> = self.tickets.iter().filter(|t| t.iin == iin).collect();
        crate::engine::order::sort_by_key(&mut v, |t| std::cmp::Reverse(t.slot.starts_at));
        v
    }

    /// Books the slot `req` asks for, at revision `seen`: refused if the
    /// collection changed since ([`Stale`]), if the seeds give no booking,
    /// if the slot does not exist, has begun or is full.
    ///
    /// ```
    /// use qujat::engine::{kztime, queue};
    /// use qujat::engine::queue::{Purpose, TicketError, TicketRequest, Tickets};
    /// use qujat::engine::service::ServiceId;
    /// use qujat::engine::store::Stale;
    /// use qujat::engine::term::ClockTime;
    ///
    /// let now = kztime::parse_instant("2025-03-18T10:00:00+05:00")?;
    /// let req = |iin: &str| TicketRequest {
    ///     service: ServiceId::S3, purpose: Purpose::HandIn,
    ///     office: "kaskelen-karasai".into(), // one window: one place a slot
    ///     date: "2025-03-19".parse().unwrap(), start: ClockTime::parse("10:00").unwrap(),
    ///     iin: iin.into(), provider: queue::ProviderPlace::of_id("almaty-college-service"),
    ///     situations: vec![],
    /// };
    /// let mut stored = Tickets::default();
    /// // Two tabs read revision 0; the first books the last place.
    /// let t = stored.book(0, &req("011219602863"), now)?;
    /// // Kaskelen is not the college's settlement: 8 working days (C-24).
    /// assert_eq!(t.expected.unwrap().deadline.due.to_string(), "2025-04-03");
    /// // The second tab's write is refused: the tickets changed under it…
    /// assert_eq!(stored.book(0, &req("640811403607"), now).unwrap_err(), TicketError::Stale(Stale { expected: 0, found: 1 }));
    /// // …and, done again on the fresh tickets, the slot is full.
    /// assert!(matches!(stored.book(1, &req("640811403607"), now), Err(TicketError::SlotFull { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn book(
        &mut self, seen: u64, req: &TicketRequest, now: DateTime<Utc>,
    ) -> Result<Ticket, TicketError> {
        self.change_at_rev(seen, |all| {
            let info = iin::validate(&req.iin).map_err(TicketError::InvalidIin)?;
            let office = office(&req.office)
                .ok_or_else(|| TicketError::UnknownOffice(req.office.clone()))?;
            let rule = match booking(req.service, req.purpose, req.provider.as_ref()) {
                Bookability::Bookable(rule) => rule,
                Bookability::NoBooking(no) => return Err(TicketError::NoBooking(Box::new(no))),
            };
            let rule_for = (req.service, req.purpose, req.provider.as_ref());
            let slot = take_slot(&all.tickets, None, rule_for, office, req.date, req.start, now)?;
            let expected = expected_at(rule_for, office, &slot)?;
            let ticket = Ticket {
                reference: format!("Q-{}-{:04}", compact_date(req.date), all.next_number()),
                office: office.id.clone(),
                service: req.service,
                purpose: req.purpose,
                iin: info.iin,
                created_at: now,
                provider: req.provider.clone(),
                situations: req.situations.clone(),
                checklist: checklist(rule, &req.situations),
                expected,
                history: vec![TicketEvent::Booked {
                    at: now,
                    office: office.id.clone(),
                    slot: slot.clone(),
                }],
                slot,
                cancelled_at: None,
            };
            all.tickets.push(ticket.clone());
            Ok(ticket)
        })
    }

    /// Moves a ticket to another slot (of the same or another office), at
    /// revision `seen`. The expected result date is computed again for the
    /// new instant and office; the old slot is kept in the history.
    pub fn move_to(
        &mut self, seen: u64, reference: &str, office_id: &str, date: NaiveDate, start: ClockTime,
        now: DateTime<Utc>,
    ) -> Result<Ticket, TicketError> {
        self.change_at_rev(seen, |all| {
            let current = changeable(all, reference, now)?.clone();
            let office =
                office(office_id).ok_or_else(|| TicketError::UnknownOffice(office_id.into()))?;
            if current.office == office.id
                && current.slot.date == date
                && current.slot.start == start
            {
                return Err(TicketError::SameSlot);
            }
            let rule_for = (current.service, current.purpose, current.provider.as_ref());
            let slot =
                take_slot(&all.tickets, Some(reference), rule_for, office, date, start, now)?;
            let expected = expected_at(rule_for, office, &slot)?;
            let t = all
                .tickets
                .iter_mut()
                .find(|t| t.reference == reference)
                .ok_or_else(|| TicketError::UnknownTicket(reference.into()))?;
            t.history.push(TicketEvent::Moved {
                at: now,
                from_office: t.office.clone(),
                from: t.slot.clone(),
                to_office: office.id.clone(),
                to: slot.clone(),
            });
            t.office = office.id.clone();
            t.slot = slot;
            t.expected = expected;
            Ok(t.clone())
        })
    }

    /// Cancels a ticket at revision `seen`; it stays in the list, cancelled.
    pub fn cancel(
        &mut self, seen: u64, reference: &str, now: DateTime<Utc>,
    ) -> Result<Ticket, TicketError> {
        self.change_at_rev(seen, |all| {
            changeable(all, reference, now)?;
            let t = all
                .tickets
                .iter_mut()
                .find(|t| t.reference == reference)
                .ok_or_else(|| TicketError::UnknownTicket(reference.into()))?;
            t.cancelled_at = Some(now);
            t.history.push(TicketEvent::Cancelled { at: now });
            Ok(t.clone())
        })
    }
}

/// The ticket, if it can still change: live, and its slot not begun.
fn changeable<'a>(
    all: &'a Tickets, reference: &str, now: DateTime<Utc>,
) -> Result<&'a Ticket, TicketError> {
    let t = all.get(reference).ok_or_else(|| TicketError::UnknownTicket(reference.into()))?;
    let status = t.status_at(now);
    if status != TicketStatus::Upcoming || t.slot.starts_at <= now {
        return Err(TicketError::NotChangeable { reference: reference.into(), status });
    }
    Ok(t)
}
