//! The hall: today's queue at one office.
//!
//! Booked citizens check in with their ticket; others take a walk-in
//! ticket. Both are numbered in order of arrival. "Call next" gives a free
//! window the next citizen by one stated rule
//! ([`Assumptions::call_order`](super::Assumptions::call_order), an
//! assumption: the seeds say only that there is no expedited service):
//!
//! 1. booked tickets whose slot has begun, by slot start, then arrival;
//! 2. then everyone else by arrival (walk-ins, and booked citizens who
//!    came before their slot).
//!
//! Each ticket's **waiting time** is measured against the service's legal
//! maximum wait at the State Corporation (S1 15 min, F000 L15; S2 15 min,
//! F001 L10; S3 15 min, F003 L15) and its **service time** against the
//! maximum service time (S1 20 min, F000 L16; S2 15, F001 L11; S3 15,
//! F003 L16), both from the catalogue's `times`. The wait counts from
//! arrival, or for a booked citizen who came early from the slot's start
//! ([`Assumptions::wait_start`](super::Assumptions::wait_start)). Every
//! function takes `now`, so a dashboard is a pure function of the hall.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::Purpose;
use super::booking::{Limit, service_limit, wait_limit};
use super::ticket::Ticket;
use crate::engine::json::tagged;
use crate::engine::kztime::{self, KzTimeError};
use crate::engine::service::ServiceId;
use crate::engine::store::{Revisioned, Stale};

crate::engine::json::names!(TicketState);

/// How a citizen got into the hall queue. serde writes it; it is read in
/// one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    /// Checked in with a booked ticket.
    Booked { reference: String, slot_start: DateTime<Utc> },
    /// Came without a booking.
    WalkIn,
}

tagged::reader! {
    Origin, tag = "kind";
    variants {
        Booked { reference, slot_start }
        WalkIn {}
    }
    fields {
        String: reference;
    }
    read {
        DateTime<Utc> = "crate::engine::json::date::utc_opt": slot_start;
    }
}

/// One citizen in today's queue.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallTicket {
    /// 1, 2, 3… in order of arrival, for the day.
    pub number: u32,
    pub origin: Origin,
    pub service: ServiceId,
    pub purpose: Purpose,
    pub iin: Option<String>,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub arrived_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    pub called_at: Option<DateTime<Utc>>,
    pub window: Option<u32>,
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    pub finished_at: Option<DateTime<Utc>>,
    /// Called, but did not come to the window.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
}

/// Where a hall ticket stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum TicketState {
    Waiting,
    /// Called to a window and being served.
    InService,
    Served,
    Absent,
}

impl HallTicket {
    /// "B007" for a booked citizen, "W008" for a walk-in: the number shown
    /// on the hall's screen.
    pub fn label(&self) -> String {
        let prefix = match self.origin {
            Origin::Booked { .. } => 'B',
            Origin::WalkIn => 'W',
        };
        format!("{prefix}{:03}", self.number)
    }

    pub fn state(&self) -> TicketState {
        match (self.called_at, self.finished_at, self.absent) {
            (None, _, _) => TicketState::Waiting,
            (Some(_), _, true) => TicketState::Absent,
            (Some(_), None, false) => TicketState::InService,
            (Some(_), Some(_), false) => TicketState::Served,
        }
    }

    /// From when the wait counts: arrival, or the slot's start for a booked
    /// citizen who came early.
    pub fn wait_from(&self) -> DateTime<Utc> {
        match &self.origin {
            Origin::Booked { slot_start, .. } => self.arrived_at.max(*slot_start),
            Origin::WalkIn => self.arrived_at,
        }
    }

    /// The wait so far (still waiting) or until called; never negative.
    pub fn wait(&self, now: DateTime<Utc>) -> TimeDelta {
        let until = self.called_at.unwrap_or(now);
        (until - self.wait_from()).max(TimeDelta::zero())
    }

    /// The time at the window: until finished, or so far; `None` before
    /// the call or for an absent citizen.
    pub fn service_time(&self, now: DateTime<Utc>) -> Option<TimeDelta> {
        if self.absent {
            return None;
        }
        let called = self.called_at?;
        Some((self.finished_at.unwrap_or(now) - called).max(TimeDelta::zero()))
    }

    /// Booked and its slot has begun: called before everyone else.
    fn has_priority(&self, now: DateTime<Utc>) -> bool {
        matches!(&self.origin, Origin::Booked { slot_start, .. } if *slot_start <= now)
    }
}

fn over(t: TimeDelta, limit: Option<&Limit>) -> bool {
    limit.is_some_and(|l| t > TimeDelta::minutes(i64::from(l.minutes)))
}

/// A ticket as the hall screen and the counter show it at `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HallTicketView {
    pub number: u32,
    pub label: String,
    pub state: TicketState,
    pub service: ServiceId,
    pub purpose: Purpose,
    pub booked: bool,
    pub wait_from: DateTime<Utc>,
    pub wait_seconds: i64,
    pub wait_limit: Option<Limit>,
    /// The wait is over the legal maximum.
    pub wait_over: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_seconds: Option<i64>,
    pub service_limit: Option<Limit>,
    /// The time at the window is over the legal maximum.
    pub service_over: bool,
}

/// The day at a glance, at `now`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub served: u32,
    pub waiting: u32,
    pub in_service: u32,
    pub absent: u32,
    /// Tickets whose wait is (or was) over the legal maximum.
    pub wait_overruns: u32,
    /// Tickets whose time at the window is (or was) over the maximum.
    pub service_overruns: u32,
    /// The median wait of the citizens already called, in seconds (the
    /// mean of the two middle ones for an even count); `None` before the
    /// first call.
    pub median_wait_seconds: Option<i64>,
}

/// Why a hall action was refused; the hall is then as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HallError {
    #[error(transparent)]
    Stale(#[from] Stale),
    /// The ticket is for another office or another day.
    #[error("ticket {reference} is for another office or day")]
    NotHere { reference: String },
    /// The hall is for another day than `now`'s.
    #[error("this is the queue of {hall}, not of {today}")]
    WrongDay { hall: NaiveDate, today: NaiveDate },
    #[error("ticket {reference} was cancelled")]
    Cancelled { reference: String },
    #[error("ticket {reference} already checked in as {number}")]
    AlreadyCheckedIn { reference: String, number: u32 },
    #[error("nobody is waiting")]
    NobodyWaiting,
    /// The window is still serving this ticket.
    #[error("window {window} is still serving {number}")]
    WindowBusy { window: u32, number: u32 },
    #[error("no ticket {0} today")]
    UnknownNumber(u32),
    /// Only a ticket being served can be finished or marked absent.
    #[error("ticket {0} is not at a window")]
    NotInService(u32),
    #[error(transparent)]
    Time(#[from] KzTimeError),
}

/// One office's queue for one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hall {
    pub office: String,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub date: NaiveDate,
    pub tickets: Vec<HallTicket>,
    #[serde(default)]
    pub rev: u64,
}

crate::engine::store::revisioned!(Hall);

impl Hall {
    /// An empty queue for `office` on `date`.
    pub fn new(office: &str, date: NaiveDate) -> Hall {
        Hall { office: office.to_string(), date, tickets: Vec::new(), rev: 0 }
    }

    fn today(&self, now: DateTime<Utc>) -> Result<(), HallError> {
        let today = kztime::local_date(now)?;
        if today != self.date {
            return Err(HallError::WrongDay { hall: self.date, today });
        }
        Ok(())
    }

    fn push(&mut self, mut t: HallTicket) -> HallTicket {
        t.number = u32::try_from(self.tickets.len() + 1).unwrap_or(u32::MAX);
        self.tickets.push(t.clone());
        t
    }

    pub fn get(&self, number: u32) -> Option<&HallTicket> {
        self.tickets.iter().find(|t| t.number == number)
    }

    /// A booked citizen arrives: their ticket joins the queue.
    pub fn check_in(
        &mut self, seen: u64, ticket: &Ticket, now: DateTime<Utc>,
    ) -> Result<HallTicket, HallError> {
        self.change_at_rev(seen, |hall| {
            hall.today(now)?;
            let reference = ticket.reference.clone();
            if ticket.office != hall.office || ticket.slot.date != hall.date {
                return Err(HallError::NotHere { reference });
            }
            if !ticket.is_live() {
                return Err(HallError::Cancelled { reference });
            }
            if let Some(t) = hall.tickets.iter().find(
                |t| matches!(&t.origin, Origin::Booked { reference: r, .. } if *r == reference),
            ) {
                return Err(HallError::AlreadyCheckedIn { reference, number: t.number });
            }
            Ok(hall.push(HallTicket {
                number: 0,
                origin: Origin::Booked { reference, slot_start: ticket.slot.starts_at },
                service: ticket.service,
                purpose: ticket.purpose,
                iin: Some(ticket.iin.clone()),
                arrived_at: now,
                called_at: None,
                window: None,
                finished_at: None,
                absent: false,
            }))
        })
    }

    /// A citizen without a booking takes a number.
    pub fn walk_in(
        &mut self, seen: u64, service: ServiceId, purpose: Purpose, iin: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<HallTicket, HallError> {
        self.change_at_rev(seen, |hall| {
            hall.today(now)?;
            Ok(hall.push(HallTicket {
                number: 0,
                origin: Origin::WalkIn,
                service,
                purpose,
                iin,
                arrived_at: now,
                called_at: None,
                window: None,
                finished_at: None,
                absent: false,
            }))
        })
    }

    /// The waiting tickets in the order they will be called at `now`.
    pub fn waiting_order(&self, now: DateTime<Utc>) -> Vec<&HallTicket> {
        let mut v: Vec<&HallTicket> =
            self.tickets.iter().filter(|t| t.state() == TicketState::Waiting).collect();
        crate::engine::order::sort_by_key(&mut v, |t| {
            let slot = match &t.origin {
                Origin::Booked { slot_start, .. } if t.has_priority(now) => Some(*slot_start),
                _ => None,
            };
            // Priority first (false < true, so negate), then slot, arrival, number.
            (!t.has_priority(now), slot, t.arrived_at, t.number)
        });
        v
    }

    /// Calls the next citizen (see the [module docs](self)) to `window`.
    ///
    /// ```
    /// use qujat::engine::{kztime, queue::{Hall, Purpose}};
    /// use qujat::engine::service::ServiceId;
    ///
    /// let t = |s: &str| kztime::parse_instant(s).unwrap();
    /// let mut hall = Hall::new("almaty-medeu", "2025-03-19".parse().unwrap());
    /// hall.walk_in(0, ServiceId::S1, Purpose::HandIn, None, t("2025-03-19T09:00:00+05:00"))?;
    /// let called = hall.call_next(1, 1, t("2025-03-19T09:20:00+05:00"))?;
    /// // 20 minutes against S1's 15 at the State Corporation (F000 L15): an overrun.
    /// let view = hall.view(called.number, t("2025-03-19T09:25:00+05:00")).unwrap();
    /// assert_eq!(view.wait_seconds, 20 * 60);
    /// assert!(view.wait_over && !view.service_over);
    /// assert_eq!(hall.dashboard(t("2025-03-19T09:25:00+05:00")).wait_overruns, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn call_next(
        &mut self, seen: u64, window: u32, now: DateTime<Utc>,
    ) -> Result<HallTicket, HallError> {
        self.change_at_rev(seen, |hall| {
            hall.today(now)?;
            if let Some(busy) = hall
                .tickets
                .iter()
                .find(|t| t.window == Some(window) && t.state() == TicketState::InService)
            {
                return Err(HallError::WindowBusy { window, number: busy.number });
            }
            let number = hall
                .waiting_order(now)
                .first()
                .map(|t| t.number)
                .ok_or(HallError::NobodyWaiting)?;
            let t = hall
                .tickets
                .iter_mut()
                .find(|t| t.number == number)
                .ok_or(HallError::UnknownNumber(number))?;
            t.called_at = Some(now);
            t.window = Some(window);
            Ok(t.clone())
        })
    }

    fn at_window(
        &mut self, seen: u64, number: u32, now: DateTime<Utc>, absent: bool,
    ) -> Result<HallTicket, HallError> {
        self.change_at_rev(seen, |hall| {
            let t = hall
                .tickets
                .iter_mut()
                .find(|t| t.number == number)
                .ok_or(HallError::UnknownNumber(number))?;
            if t.state() != TicketState::InService {
                return Err(HallError::NotInService(number));
            }
            t.finished_at = Some(now);
            t.absent = absent;
            Ok(t.clone())
        })
    }

    /// The citizen at the window has been served.
    pub fn finish(
        &mut self, seen: u64, number: u32, now: DateTime<Utc>,
    ) -> Result<HallTicket, HallError> {
        self.at_window(seen, number, now, false)
    }

    /// The called citizen did not come to the window.
    pub fn mark_absent(
        &mut self, seen: u64, number: u32, now: DateTime<Utc>,
    ) -> Result<HallTicket, HallError> {
        self.at_window(seen, number, now, true)
    }

    fn view_of(t: &HallTicket, now: DateTime<Utc>) -> HallTicketView {
        let wait = t.wait(now);
        let service = t.service_time(now);
        let wl = wait_limit(t.service, t.purpose);
        let sl = service_limit(t.service);
        HallTicketView {
            number: t.number,
            label: t.label(),
            state: t.state(),
            service: t.service,
            purpose: t.purpose,
            booked: matches!(t.origin, Origin::Booked { .. }),
            wait_from: t.wait_from(),
            wait_seconds: wait.num_seconds(),
            wait_over: over(wait, wl.as_ref()),
            wait_limit: wl,
            service_seconds: service.map(|s| s.num_seconds()),
            service_over: service.is_some_and(|s| over(s, sl.as_ref())),
            service_limit: sl,
        }
    }

    /// One ticket as the screen shows it at `now`.
    pub fn view(&self, number: u32, now: DateTime<Utc>) -> Option<HallTicketView> {
        self.get(number).map(|t| Hall::view_of(t, now))
    }

    /// Every ticket of the day, in number order, at `now`.
    pub fn views(&self, now: DateTime<Utc>) -> Vec<HallTicketView> {
        self.tickets.iter().map(|t| Hall::view_of(t, now)).collect()
    }

    /// The day's dashboard at `now`.
    pub fn dashboard(&self, now: DateTime<Utc>) -> Dashboard {
        let mut d = Dashboard::default();
        let mut waits = Vec::new();
        for (t, v) in self.tickets.iter().zip(self.views(now)) {
            match v.state {
                TicketState::Waiting => d.waiting += 1,
                TicketState::InService => d.in_service += 1,
                TicketState::Served => d.served += 1,
                TicketState::Absent => d.absent += 1,
            }
            d.wait_overruns += u32::from(v.wait_over);
            d.service_overruns += u32::from(v.service_over);
            if t.called_at.is_some() {
                waits.push(v.wait_seconds);
            }
        }
        waits.sort_unstable();
        let n = waits.len();
        d.median_wait_seconds = match n {
            0 => None,
            _ if n % 2 == 1 => Some(waits[n / 2]),
            _ => Some((waits[n / 2 - 1] + waits[n / 2]) / 2),
        };
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(origin: Origin, arrived: i64) -> HallTicket {
        HallTicket {
            number: 7,
            origin,
            service: ServiceId::S3,
            purpose: Purpose::HandIn,
            iin: None,
            arrived_at: DateTime::from_timestamp(arrived, 0).unwrap(),
            called_at: None,
            window: None,
            finished_at: None,
            absent: false,
        }
    }

    #[test]
    fn labels_states_and_times_follow_the_ticket() {
        let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap();
        let mut w = ticket(Origin::WalkIn, 0);
        assert_eq!((w.label(), w.state()), ("W007".into(), TicketState::Waiting));
        assert_eq!(w.wait(at(90)).num_seconds(), 90);
        assert_eq!(w.service_time(at(90)), None);
        w.called_at = Some(at(100));
        assert_eq!(w.state(), TicketState::InService);
        assert_eq!(w.wait(at(500)).num_seconds(), 100);
        assert_eq!(w.service_time(at(160)).map(|d| d.num_seconds()), Some(60));
        w.finished_at = Some(at(200));
        assert_eq!(w.state(), TicketState::Served);
        w.absent = true;
        assert_eq!((w.state(), w.service_time(at(300))), (TicketState::Absent, None));
        let b = ticket(Origin::Booked { reference: "Q-1".into(), slot_start: at(600) }, 0);
        assert_eq!(b.label(), "B007");
        assert_eq!(b.wait_from(), at(600));
        assert_eq!(b.wait(at(300)).num_seconds(), 0);
        assert!(!b.has_priority(at(599)) && b.has_priority(at(600)));
    }

    #[test]
    fn an_overrun_is_strictly_over_the_limit() {
        let p = crate::engine::catalog::service(ServiceId::S3).times[0].provenance.clone();
        let p: &'static _ = Box::leak(Box::new(p));
        let l = Limit { minutes: 15, provenance: p, applied_by: None };
        assert!(!over(TimeDelta::minutes(15), Some(&l)));
        assert!(over(TimeDelta::minutes(15) + TimeDelta::seconds(1), Some(&l)));
        assert!(!over(TimeDelta::days(1), None));
    }
}
