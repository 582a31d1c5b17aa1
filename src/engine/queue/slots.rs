//! The slots of one day at one office, for one service and purpose.
//!
//! A slot lies inside the office's hours **for that service** on that date
//! ([`opening`](super::opening())); its length is the service's maximum
//! service time at the State Corporation (an assumption grounded in the
//! catalogue's `times`: S2 and S3 15 minutes), and its capacity the office's
//! windows (an assumption). A slot counts every live ticket at the office
//! whose time overlaps it, of any service (the windows are shared); a full
//! slot, or one that has begun, is not offered.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::booking::{Bookability, Limit, NoBooking, booking, service_limit};
use super::office::{ProviderPlace, QueueOffice};
use super::opening::{DayOpening, opening};
use super::{Purpose, QueueError, assumptions};
use crate::engine::kztime::{self, KzTimeError};
use crate::engine::service::ServiceId;
use crate::engine::source::Provenance;
use crate::engine::term::{ClockTime, Hours};

/// The slot a ticket holds: local date and times, and the start instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRef {
    /// The office's local date.
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub date: NaiveDate,
    /// The office's local wall-clock times, as the ticket shows them.
    pub start: ClockTime,
    pub end: ClockTime,
    /// The same start and end as instants: what "has the slot begun?" and
    /// "has it passed?" compare against.
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub starts_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub ends_at: DateTime<Utc>,
}

impl SlotRef {
    /// Whether `[start, end)` on `date` overlaps this slot.
    pub fn overlaps(&self, date: NaiveDate, start: ClockTime, end: ClockTime) -> bool {
        self.date == date && self.start < end && start < self.end
    }
}

/// A slot already booked at an office (a live ticket's), as [`day_slots`]
/// counts it against the office's windows. Tickets live above this module,
/// so it takes only what it counts.
#[derive(Clone, Copy, Debug)]
pub struct Taken<'a> {
    pub office: &'a str,
    pub slot: &'a SlotRef,
}

/// One slot: `[start, end)` local time, how many can book it, how many have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub start: ClockTime,
    pub end: ClockTime,
    /// The instant the slot starts.
    pub starts_at: DateTime<Utc>,
    pub capacity: u32,
    pub booked: u32,
}

impl Slot {
    /// Places left.
    pub fn free(&self) -> u32 {
        self.capacity.saturating_sub(self.booked)
    }

    pub fn is_full(&self) -> bool {
        self.free() == 0
    }

    /// Offered to a citizen at `now`: not full and not yet begun.
    pub fn is_offered(&self, now: DateTime<Utc>) -> bool {
        !self.is_full() && self.starts_at > now
    }
}

/// A day's slots and everything that explains them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DaySlots {
    pub service: ServiceId,
    pub purpose: Purpose,
    pub office: String,
    pub date: NaiveDate,
    /// The hours for this service (or why the office is closed).
    pub opening: DayOpening,
    /// The slot length: the service's maximum service time.
    pub length: Limit,
    /// Why a slot is that long, and why it holds that many (assumptions).
    pub length_basis: &'static Provenance,
    pub capacity_basis: &'static Provenance,
    /// Every slot of the day, full or not (empty on a closed day).
    pub slots: Vec<Slot>,
}

impl DaySlots {
    /// The slots a citizen may book at `now`: not full, not begun.
    pub fn offered(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(move |s| s.is_offered(now))
    }

    /// The slot that starts at `start`, if there is one.
    pub fn slot(&self, start: ClockTime) -> Option<&Slot> {
        self.slots.iter().find(|s| s.start == start)
    }
}

/// Slots, or the answer that there is no booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlotsAnswer {
    Slots(DaySlots),
    NoBooking(NoBooking),
}

/// The instant a local time at an office means. Kazakhstan time as
/// [`kztime`] knows it; when it gets per-region offsets (issue 11), this is
/// the one place that will pass the office's region.
pub fn slot_instant(date: NaiveDate, time: ClockTime) -> Result<DateTime<Utc>, KzTimeError> {
    let local = date
        .and_hms_opt(u32::from(time.hour()), u32::from(time.minute()), 0)
        .ok_or(KzTimeError::OutOfRange)?;
    kztime::local_to_utc(local)
}

/// `[start, end)` pairs of `len` minutes inside the hours, breaks left out.
fn cut(hours: &Hours, len: u16) -> Vec<(ClockTime, ClockTime)> {
    let mut segments = Vec::new();
    let mut from = hours.open.0;
    for [a, b] in &hours.breaks {
        segments.push((from, a.0));
        from = b.0;
    }
    segments.push((from, hours.close.0));
    let mut out = Vec::new();
    if len == 0 {
        return out;
    }
    for (s, e) in segments {
        let mut t = s;
        while t + len <= e {
            out.push((ClockTime(t), ClockTime(t + len)));
            t += len;
        }
    }
    out
}

/// The slots of `date` at `office` for `service` and `purpose`, counting
/// the slots already `taken` (any collection: only those at this office
/// and date count), or the typed answer that the seeds give no booking.
/// `provider` decides region-limited bookings (S2 collection, F002).
///
/// ```
/// use qujat::engine::queue::{self, Purpose, SlotsAnswer};
/// use qujat::engine::service::ServiceId;
///
/// // Saturday 4 May 2024 was a decreed working day, worked instead of
/// // Wednesday 8 May (calendar.toml).
/// let office = queue::office("almaty-medeu").unwrap();
/// let SlotsAnswer::Slots(day) = queue::day_slots(ServiceId::S3, Purpose::HandIn, office, None, "2024-05-04".parse().unwrap(), &[])? else { panic!() };
/// // Worked as a Wednesday: the weekday hours, 9.00–18.00.
/// assert_eq!(day.slots.len(), 36);
/// let SlotsAnswer::Slots(day) = queue::day_slots(ServiceId::S3, Purpose::HandIn, office, None, "2024-05-08".parse().unwrap(), &[])? else { panic!() };
/// assert!(day.slots.is_empty()); // the decreed day off
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn day_slots(
    service: ServiceId, purpose: Purpose, office: &QueueOffice, provider: Option<&ProviderPlace>,
    date: NaiveDate, taken: &[Taken<'_>],
) -> Result<SlotsAnswer, QueueError> {
    if let Bookability::NoBooking(no) = booking(service, purpose, provider) {
        return Ok(SlotsAnswer::NoBooking(no));
    }
    let length = service_limit(service).ok_or(QueueError::NoServiceTime(service))?;
    let opening = opening(service, office, date)?;
    let len = u16::try_from(length.minutes).unwrap_or(0);
    let mut slots = Vec::new();
    if let Some(hours) = opening.hours() {
        for (start, end) in cut(hours, len) {
            let booked = taken
                .iter()
                .filter(|t| t.office == office.id && t.slot.overlaps(date, start, end))
                .count();
            slots.push(Slot {
                start,
                end,
                starts_at: slot_instant(date, start)?,
                capacity: office.windows,
                booked: u32::try_from(booked).unwrap_or(u32::MAX),
            });
        }
    }
    Ok(SlotsAnswer::Slots(DaySlots {
        service,
        purpose,
        office: office.id.clone(),
        date,
        opening,
        length,
        length_basis: &assumptions().slot_length,
        capacity_basis: &assumptions().capacity,
        slots,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }

    #[test]
    fn slots_fit_inside_each_segment_and_skip_breaks() {
        let h =
            Hours { open: t("09:00"), close: t("18:30"), breaks: vec![[t("13:00"), t("14:30")]] };
        let s = cut(&h, 20);
        // 9:00–13:00: 12 slots; 14:30–18:30: 12 slots; none crosses a break.
        assert_eq!(s.len(), 24);
        assert_eq!(s[11], (t("12:40"), t("13:00")));
        assert_eq!(s[12], (t("14:30"), t("14:50")));
        assert_eq!(s.last().unwrap().1, t("18:30"));
        // A remainder shorter than a slot is not a slot.
        let h = Hours { open: t("09:00"), close: t("09:25"), breaks: vec![] };
        assert_eq!(cut(&h, 15), vec![(t("09:00"), t("09:15"))]);
        assert!(cut(&h, 0).is_empty());
    }
}
