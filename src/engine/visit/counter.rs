//! The State Corporation's counter (issue 13 §2): the same steps as a home
//! visit (identification from the registry, the service's consent step,
//! the package check against the catalogue, the receipt the service's law
//! gives), at an office. One engine, two places: a counter visit is a
//! [`Visit`] with its office, so its clock is the office's region's and,
//! for S3, its term is the one for the office against the college (3 or 8
//! working days, C-24) — the very computation a booking promised
//! ([`queue::expected_result`]).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use qujat::engine::queue::{self, ProviderPlace};
//! use qujat::engine::service::ServiceId;
//! use qujat::engine::visit::{Consent, Visit, VisitOutcome};
//!
//! let college = ProviderPlace::of_id("almaty-college-service");
//! let at = Utc.with_ymd_and_hms(2026, 11, 25, 4, 0, 0).unwrap(); // 09:00 in Almaty
//! let mut v = Visit::at_counter("C1", ServiceId::S3, "690228302494", vec![], "almaty-medeu", college.clone(), at.date_naive());
//! v.confirm_identity();
//! v.give_consent(Consent::Otp { verified_at: at })?;
//! for id in v.required().iter().map(|d| d.id.clone()).collect::<Vec<_>>() {
//!     v.set_checked(&id, true);
//! }
//! assert_eq!(v.finish(at)?, VisitOutcome::Accepted);
//! // The date the booking promised for that office and instant.
//! let promised = queue::expected_result(ServiceId::S3, queue::office("almaty-medeu").unwrap(), college.as_ref(), at)?;
//! assert_eq!(v.receipt.as_ref().unwrap().due, Some(promised.deadline.due));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;

use super::Visit;
use crate::engine::catalog::Situation;
use crate::engine::queue::{ProviderPlace, Ticket};
use crate::engine::service::ServiceId;

impl Visit {
    /// A citizen served at `office`'s counter on `date`: a walk-in, or a
    /// booked ticket checked in ([`Visit::from_ticket`]).
    pub fn at_counter(
        id: &str, service: ServiceId, iin: &str, situations: Vec<Situation>, office: &str,
        provider: Option<ProviderPlace>, date: NaiveDate,
    ) -> Visit {
        Visit {
            office: Some(office.to_string()),
            provider,
            ..Visit::new(id, service, iin, situations, date)
        }
    }

    /// The counter visit of a booked ticket: its service, citizen, office,
    /// situation and college, as booked.
    pub fn from_ticket(id: &str, t: &Ticket, date: NaiveDate) -> Visit {
        Visit::at_counter(
            id,
            t.service,
            &t.iin,
            t.situations.clone(),
            &t.office,
            t.provider.clone(),
            date,
        )
    }

    /// Served at a counter (not on a home visit).
    pub fn is_at_counter(&self) -> bool {
        self.office.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::queue::{Purpose, TicketRequest, Tickets};
    use crate::engine::term::{ClockTime, Location};
    use crate::engine::visit::VisitOutcome;
    use crate::engine::visit::tests::consent_as_allowed;
    use chrono::{DateTime, TimeZone, Utc};

    const COLLEGE: &str = "almaty-college-service";

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h - 5, 0, 0).unwrap()
    }

    fn accept(v: &mut Visit, now: DateTime<Utc>) -> VisitOutcome {
        v.confirm_identity();
        consent_as_allowed(v, now);
        for id in v.required().iter().map(|d| d.id.clone()).collect::<Vec<_>>() {
            v.set_checked(&id, true);
        }
        v.finish(now).unwrap()
    }

    #[test]
    fn the_date_promised_at_booking_is_the_date_of_the_receipt() {
        let college = ProviderPlace::of_id(COLLEGE);
        for (office, location) in
            [("almaty-medeu", Location::Same), ("kaskelen-karasai", Location::Other)]
        {
            let mut tickets = Tickets::default();
            let req = TicketRequest {
                service: ServiceId::S3,
                purpose: Purpose::HandIn,
                office: office.into(),
                date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                start: ClockTime::new(11, 0).unwrap(),
                iin: "690228302494".into(),
                provider: college.clone(),
                situations: Vec::new(),
            };
            let t = tickets.book(0, &req, at(24, 10)).unwrap();
            let promised = t.expected.clone().unwrap();
            assert_eq!(promised.location, Some(location));
            // Served at the slot's start.
            let mut v = Visit::from_ticket("C1", &t, req.date);
            assert!(v.is_at_counter());
            assert_eq!(v.location(), Some(location));
            assert_eq!(accept(&mut v, t.slot.starts_at), VisitOutcome::Accepted);
            let receipt = v.receipt.as_ref().unwrap();
            assert_eq!(receipt.due, Some(promised.deadline.due), "{office}");
            assert_eq!(
                v.deadline().unwrap().deadline.due,
                promised.deadline.due,
                "recomputed the same way"
            );
            // S3 delivers to the State Corporation the working day before.
            assert!(receipt.delivery_by.is_some());
        }
    }

    #[test]
    fn s3_in_the_colleges_settlement_is_sooner_than_elsewhere() {
        let college = ProviderPlace::of_id(COLLEGE);
        let due = |office: &str| {
            let mut v = Visit::at_counter(
                "C1",
                ServiceId::S3,
                "690228302494",
                vec![],
                office,
                college.clone(),
                at(25, 9).date_naive(),
            );
            accept(&mut v, at(25, 9));
            v.receipt.unwrap().due.unwrap()
        };
        assert!(due("almaty-medeu") < due("kaskelen-karasai"));
        // 3 and 8 working days from Wednesday 25 November 2026.
        assert_eq!(due("almaty-medeu").to_string(), "2026-11-30");
        assert_eq!(due("kaskelen-karasai").to_string(), "2026-12-07");
    }

    #[test]
    fn the_counter_keeps_each_services_incomplete_package_rule() {
        let incomplete = |service: ServiceId, situations: Vec<Situation>| {
            let mut v = Visit::at_counter(
                "C1",
                service,
                "690228302494",
                situations,
                "almaty-medeu",
                None,
                at(25, 9).date_naive(),
            );
            v.confirm_identity();
            consent_as_allowed(&mut v, at(25, 9));
            v.finish(at(25, 9)).unwrap()
        };
        assert_eq!(incomplete(ServiceId::S2, vec![Situation::Damage]), VisitOutcome::Refused);
        assert_eq!(incomplete(ServiceId::S1, vec![Situation::Loss]), VisitOutcome::MissingRecorded);
        assert_eq!(incomplete(ServiceId::S3, vec![]), VisitOutcome::Refused);
    }
}
