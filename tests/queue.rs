//! The State Corporation's electronic queue (`engine::queue`): its data held
//! to the seeds, the hours per service and per office kind on the working-day
//! calendar, slots and their capacity, tickets booked, moved and cancelled
//! at a known revision (two tabs, one last place), the expected result date
//! against the acceptance deadline, and the hall with its waiting and
//! service times.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{DateTime, Utc, Weekday};

use qujat::engine::calendar::DayKind;
use qujat::engine::catalog::{self, Place, Situation, TimeKind};
use qujat::engine::deadline::{self, Step};
use qujat::engine::identity::registry;
use qujat::engine::queue::{
    self, Bookability, ChecklistKind, ChecklistSource, Closed, DayOpening, DaySlots, Hall,
    HallError, NoBookingWhy, Origin, ProviderPlace, Purpose, QueueOffice, SlotsAnswer, Ticket,
    TicketError, TicketEvent, TicketRequest, TicketState, TicketStatus, Tickets,
};
use qujat::engine::service::ServiceId;
use qujat::engine::source::{Provenance, Seed, Status};
use qujat::engine::store::Stale;
use qujat::engine::term::{Channel, ClockTime, Location};

mod common;
use common::people::{IVANOV, KIM, KURMANGAZIYEVA, ZHAKSYLYKOV};
use common::{at, cal, d, provenance};

// ---------------------------------------------------------------------------
// Helpers.

fn office(id: &str) -> &'static QueueOffice {
    queue::office(id).unwrap_or_else(|| panic!("office {id}"))
}

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

/// The S3 provider of the demo: a college in Almaty.
fn college() -> ProviderPlace {
    ProviderPlace::of_id("almaty-college-service").unwrap()
}

/// A school in East Kazakhstan, with the region F002 is for. Built by hand:
/// until the registry records regions (issue 11), `ProviderPlace::of`
/// gives `region: None` (see `regions_come_from_the_registry`).
fn east_school() -> ProviderPlace {
    ProviderPlace {
        organisation: Some("oskemen-school-gymnasium-3".into()),
        settlement: "oskemen".into(),
        region: Some(s2_region()),
    }
}

/// The region id the S2 booking rule names (F002: East Kazakhstan).
fn s2_region() -> String {
    queue::data()
        .booking
        .iter()
        .find(|b| b.service == ServiceId::S2)
        .and_then(|b| b.provider_region.clone())
        .unwrap()
}

fn slots(
    service: ServiceId, purpose: Purpose, office_id: &str, provider: Option<&ProviderPlace>,
    date: &str, tickets: &Tickets,
) -> DaySlots {
    match queue::day_slots(service, purpose, office(office_id), provider, d(date), &tickets.taken())
        .unwrap()
    {
        SlotsAnswer::Slots(day) => day,
        SlotsAnswer::NoBooking(no) => panic!("{service} {purpose:?} at {office_id}: {no:?}"),
    }
}

fn s3_slots(office_id: &str, date: &str) -> DaySlots {
    slots(ServiceId::S3, Purpose::HandIn, office_id, Some(&college()), date, &Tickets::default())
}

fn s2_slots(office_id: &str, date: &str) -> DaySlots {
    slots(
        ServiceId::S2,
        Purpose::Collect,
        office_id,
        Some(&east_school()),
        date,
        &Tickets::default(),
    )
}

/// (first start, last end, count) of a day's slots.
fn span(day: &DaySlots) -> Option<(String, String, usize)> {
    Some((day.slots.first()?.start.to_string(), day.slots.last()?.end.to_string(), day.slots.len()))
}

fn s(a: &str, b: &str, n: usize) -> Option<(String, String, usize)> {
    Some((a.into(), b.into(), n))
}

/// An S3 hand-in request at `office_id` on `date` at `start`.
fn s3(iin: &str, office_id: &str, date: &str, start: &str) -> TicketRequest {
    TicketRequest {
        service: ServiceId::S3,
        purpose: Purpose::HandIn,
        office: office_id.into(),
        date: d(date),
        start: t(start),
        iin: iin.into(),
        provider: Some(college()),
        situations: vec![],
    }
}

/// Books what [`s3`] asks for, the day before ([`before`]), at `seen`: for
/// tests whose subject is what the booking leads to, not the booking.
trait BookS3 {
    fn book_s3(&mut self, seen: u64, iin: &str, office: &str, date: &str, start: &str) -> Ticket;
}

impl BookS3 for Tickets {
    fn book_s3(&mut self, seen: u64, iin: &str, office: &str, date: &str, start: &str) -> Ticket {
        self.book(seen, &s3(iin, office, date, start), before()).unwrap()
    }
}

/// The day before the 19 March 2025 bookings, 10:00 Almaty time.
fn before() -> DateTime<Utc> {
    at("2025-03-18T10:00:00+05:00")
}

// ---------------------------------------------------------------------------
// 1. The data.

#[test]
fn queue_toml_parses_and_every_quote_is_on_its_seed_line() {
    let data = queue::parse(queue::embedded()).unwrap();
    let v = serde_json::to_value(&data).unwrap();
    let r = provenance::check(&v, "queue");
    assert!(r.errors.is_empty(), "{}", r.errors.join("\n"));
    assert!(r.citations >= 10, "walked only {} citations", r.citations);
    // Everything in the file reached the model (deny_unknown_fields holds
    // the other direction): the JSON round trip is the file.
    let raw: serde_json::Value = serde_json::from_str(queue::embedded()).unwrap();
    assert_eq!(v, raw);
    // The walk notices a wrong quote and an assumption without a rule.
    let mut broken = v.clone();
    broken["booking"][0]["provenance"]["cites"][0]["quote"] = "not in the seed".into();
    broken["assumptions"]["capacity"]["rule"] = serde_json::Value::Null;
    assert_eq!(provenance::check(&broken, "broken").errors.len(), 2);
}

#[test]
fn every_reading_where_the_seeds_are_silent_is_an_assumption() {
    // Every field of the section, read through its JSON: a field added
    // later is checked without being listed here.
    let a = queue::assumptions();
    let fields: BTreeMap<String, Provenance> =
        serde_json::from_value(serde_json::to_value(a).unwrap()).unwrap();
    assert!(fields.len() >= 8, "the queue file's eight assumptions at least: {:?}", fields.keys());
    for (name, p) in &fields {
        assert_eq!(p.status, Status::Assumption, "{name}");
        assert!(p.note.is_some(), "{name}");
    }
    assert_eq!(a.no_booking.rule.as_deref(), Some("C-22"));
}

#[test]
fn booking_rules_are_exactly_what_the_seeds_give() {
    let rules = &queue::data().booking;
    let got: Vec<(ServiceId, Purpose)> = rules.iter().map(|r| (r.service, r.purpose)).collect();
    assert_eq!(got, vec![(ServiceId::S3, Purpose::HandIn), (ServiceId::S2, Purpose::Collect)]);
    // S3: F003 item 7, L34, national. S2: F002 §10(3) L74 and §1 L3, regional.
    let cites = |i: usize| -> Vec<(Seed, u32)> {
        rules[i].provenance.cites.iter().map(|c| (c.seed, c.line)).collect()
    };
    assert_eq!(cites(0), vec![(Seed::F003, 34)]);
    assert_eq!(rules[0].provenance.status, Status::National);
    assert_eq!(cites(1), vec![(Seed::F002, 74), (Seed::F002, 3)]);
    assert_eq!(rules[1].provenance.status, Status::Regional);
    assert_eq!(rules[0].provider_region, None);
    assert!(rules[1].provider_region.is_some());
    // A collection checklist names issuance rules that exist for the State
    // Corporation channel.
    for r in rules {
        if let ChecklistSource::Issuance { ids } = &r.checklist {
            let svc = catalog::service(r.service);
            for id in ids {
                assert!(
                    svc.issuance
                        .iter()
                        .any(|i| &i.id == id && i.channels.contains(&Channel::StateCorporation)),
                    "{} issuance {id}",
                    r.service
                );
            }
        }
    }
}

#[test]
fn every_registry_office_has_queue_facts_and_every_office_a_place() {
    assert_eq!(queue::office::load_error(), None);
    let offices = queue::offices();
    for o in registry::offices() {
        let q = office(&o.id);
        assert_eq!((&q.name, &q.address, &q.settlement), (&o.name, &o.address, &o.settlement));
    }
    let mut ids: Vec<&str> = offices.iter().map(|o| o.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), offices.len(), "office ids are unique");
    for e in &queue::data().office {
        let in_registry = registry::office(&e.id).is_some();
        let own = [e.settlement.is_some(), e.name.is_some(), e.address.is_some()];
        // Either the registry's office, or a whole office of our own.
        assert!(
            (in_registry && own == [false; 3]) || (!in_registry && own == [true; 3]),
            "{}",
            e.id
        );
        assert!(e.windows >= 1, "{}", e.id);
    }
    for o in offices {
        assert!(queue::settlement_name(&o.settlement).is_some(), "{}", o.id);
    }
    // The scenarios' offices: the S3 provider's settlement and another; East
    // Kazakhstan (Oskemen, Semey); a duty department and a plain one.
    let c = college();
    assert_eq!(office("almaty-medeu").location_for(&c), Location::Same);
    assert_eq!(office("kaskelen-karasai").location_for(&c), Location::Other);
    assert_eq!(office("oskemen-city").settlement, "oskemen");
    assert_eq!(office("semey-city").settlement, "semey");
    assert!(office("almaty-bostandyk").duty && !office("almaty-medeu").duty);
}

#[test]
fn settlements_of_our_own_agree_with_the_registry_once_it_has_them() {
    // queue.toml adds a settlement only while the registry lacks it; when
    // the registry gains it (issue 11 adds East Kazakhstan), its entry wins
    // and must not contradict ours: then delete ours.
    for s in &queue::data().settlement {
        match registry::settlement(&s.id) {
            Some(r) => assert_eq!(r.name, s.name, "{}: delete it from queue.toml", s.id),
            None => assert_eq!(queue::settlement_name(&s.id), Some(&s.name)),
        }
    }
}

#[test]
fn regions_come_from_the_registry() {
    // queue.toml states no region: an office's region is its settlement's
    // as the registry records it, and `None` while it records none.
    assert!(!queue::embedded().contains("\"region\""), "queue.toml states no region");
    for o in queue::offices() {
        assert_eq!(o.region, queue::region_of(&o.settlement), "{}", o.id);
    }
    // Once the registry records regions, Oskemen's must be the one the S2
    // booking rule names (F002), or S2 collection would never be offered.
    if let Some(oskemen) = queue::region_of("oskemen") {
        assert_eq!(oskemen, s2_region(), "the registry and queue.toml disagree");
        assert_eq!(
            ProviderPlace::of_id("oskemen-school-gymnasium-3").unwrap().region,
            Some(s2_region())
        );
    }
}

// ---------------------------------------------------------------------------
// 2. What can be booked.

#[test]
fn only_s3_hand_in_and_s2_collection_in_east_kazakhstan_can_be_booked() {
    let east = east_school();
    let elsewhere = ProviderPlace::of_id("shymkent-school-12").unwrap();
    for service in ServiceId::ALL {
        for purpose in Purpose::ALL {
            for provider in [None, Some(&east), Some(&elsewhere)] {
                let b = queue::booking(service, purpose, provider);
                let in_east = provider.and_then(|p| p.region.clone()) == Some(s2_region());
                let bookable = matches!(
                    (service, purpose, in_east),
                    (ServiceId::S3, Purpose::HandIn, _) | (ServiceId::S2, Purpose::Collect, true)
                );
                assert_eq!(
                    matches!(b, Bookability::Bookable(_)),
                    bookable,
                    "{service} {purpose:?} {provider:?}"
                );
                let Bookability::NoBooking(no) = b else {
                    continue;
                };
                // The answer: come without one, with the service's own
                // legal maximum wait at the State Corporation.
                let wait = catalog::service(service)
                    .times
                    .iter()
                    .find(|t| t.place == Place::StateCorporation && t.kind == TimeKind::Waiting)
                    .unwrap();
                let limit = no.max_wait.unwrap();
                assert_eq!(limit.minutes, wait.minutes);
                assert_eq!(limit.provenance, &wait.provenance);
                assert_eq!(limit.applied_by.is_some(), purpose == Purpose::Collect);
                assert_eq!(no.basis.rule.as_deref(), Some("C-22"));
                let english = no.english();
                assert!(english.contains("come without one"), "{english}");
                match (service, purpose) {
                    (ServiceId::S2, Purpose::Collect) => {
                        assert!(matches!(no.why, NoBookingWhy::OtherRegion { .. }));
                    }
                    _ => assert_eq!(no.why, NoBookingWhy::NotInSources),
                }
            }
        }
    }
}

#[test]
fn the_legal_maximum_waits_are_the_seeds_own() {
    // S1 15 min (F000 L15), S2 15 min (F001 L10), S3 15 min (F003 L15).
    for (service, seed, line) in [
        (ServiceId::S1, Seed::F000, 15),
        (ServiceId::S2, Seed::F001, 10),
        (ServiceId::S3, Seed::F003, 15),
    ] {
        let l = queue::wait_limit(service, Purpose::HandIn).unwrap();
        assert_eq!(l.minutes, 15, "{service}");
        assert_eq!((l.provenance.cites[0].seed, l.provenance.cites[0].line), (seed, line));
        assert_eq!(l.applied_by, None);
    }
    // Service maximums: S1 20 (F000 L16), S2 15 (F001 L11), S3 15 (F003 L16).
    for (service, minutes, seed, line) in [
        (ServiceId::S1, 20, Seed::F000, 16),
        (ServiceId::S2, 15, Seed::F001, 11),
        (ServiceId::S3, 15, Seed::F003, 16),
    ] {
        let l = queue::service_limit(service).unwrap();
        assert_eq!(l.minutes, minutes, "{service}");
        assert_eq!((l.provenance.cites[0].seed, l.provenance.cites[0].line), (seed, line));
    }
}

#[test]
fn slots_answer_no_booking_where_the_seeds_give_none() {
    let no = |service, purpose, provider: Option<&ProviderPlace>| {
        matches!(
            queue::day_slots(
                service,
                purpose,
                office("almaty-medeu"),
                provider,
                d("2025-03-19"),
                &[]
            )
            .unwrap(),
            SlotsAnswer::NoBooking(_)
        )
    };
    assert!(no(ServiceId::S1, Purpose::HandIn, None));
    assert!(no(ServiceId::S1, Purpose::Collect, None));
    assert!(no(ServiceId::S3, Purpose::Collect, Some(&college())));
    assert!(no(ServiceId::S2, Purpose::HandIn, Some(&east_school())));
    assert!(no(ServiceId::S2, Purpose::Collect, None));
    assert!(!no(ServiceId::S3, Purpose::HandIn, None));
}

// ---------------------------------------------------------------------------
// 3. Hours per service and per office kind, on the calendar.

#[test]
fn s3_hours_weekday_duty_and_saturday() {
    // Wednesday 19 March 2025. An ordinary office: acceptance 9.00–18.00
    // (F003 item 7 2)); a duty department: 9.00–20.00.
    assert_eq!(span(&s3_slots("almaty-medeu", "2025-03-19")), s("09:00", "18:00", 36));
    assert_eq!(span(&s3_slots("almaty-bostandyk", "2025-03-19")), s("09:00", "20:00", 44));
    // Saturday 15 March 2025: duty departments 9.00–13.00, others closed.
    let duty = s3_slots("almaty-bostandyk", "2025-03-15");
    assert_eq!(span(&duty), s("09:00", "13:00", 16));
    let DayOpening::Open { schedule, assumptions, .. } = &duty.opening else { panic!() };
    assert_eq!(schedule.id, "state-corporation-duty-saturday");
    assert!(assumptions.contains(&&queue::assumptions().duty));
    let plain = s3_slots("almaty-medeu", "2025-03-15");
    assert!(plain.slots.is_empty());
    assert!(matches!(
        plain.opening,
        DayOpening::Closed { why: Closed::NoHoursOn { weekday: Weekday::Sat, duty: false }, .. }
    ));
    // Sunday 16 March 2025: closed everywhere.
    for id in ["almaty-medeu", "almaty-bostandyk"] {
        let sun = s3_slots(id, "2025-03-16");
        assert!(sun.slots.is_empty(), "{id}");
        assert!(matches!(
            sun.opening,
            DayOpening::Closed { why: Closed::NoHoursOn { weekday: Weekday::Sun, .. }, .. }
        ));
    }
}

#[test]
fn s2_hours_are_its_own_monday_to_saturday() {
    // F001 §7(2): Monday to Saturday 9.00–20.00 at every office (C-33: not
    // S3's hours), closed on Sunday.
    for id in ["oskemen-city", "semey-city"] {
        assert_eq!(span(&s2_slots(id, "2025-03-19")), s("09:00", "20:00", 44), "{id}");
        assert_eq!(span(&s2_slots(id, "2025-03-15")), s("09:00", "20:00", 44), "{id}");
        assert!(s2_slots(id, "2025-03-16").slots.is_empty(), "{id}");
    }
    let DayOpening::Open { schedule, .. } = &s2_slots("semey-city", "2025-03-15").opening else {
        panic!()
    };
    assert_eq!(schedule.id, "state-corporation");
    assert_eq!(schedule.provenance.cites[0].seed, Seed::F001);
}

#[test]
fn s1_hours_are_not_in_its_source() {
    // F000 gives no State Corporation schedule; nothing is borrowed (C-33).
    let o = queue::opening(ServiceId::S1, office("almaty-medeu"), d("2025-03-19")).unwrap();
    let DayOpening::Closed { why: Closed::NotInSources { schedule }, .. } = o else {
        panic!("{o:?}")
    };
    assert_eq!(schedule.id, "state-corporation-not-specified");
    assert!(schedule.provenance.is_assumption());
}

#[test]
fn holidays_close_the_office_for_every_service() {
    // Nauryz 2025: 21 (Fri), 22 (Sat), 23 (Sun) March; 24 and 25 March are
    // the days it moved to (calendar.toml).
    for date in ["2025-03-21", "2025-03-22", "2025-03-24", "2025-03-25"] {
        for day in [s3_slots("almaty-bostandyk", date), s2_slots("oskemen-city", date)] {
            assert!(day.slots.is_empty(), "{date}");
            let DayOpening::Closed { why: Closed::DayOff { kind }, .. } = day.opening else {
                panic!("{date}: {:?}", day.opening)
            };
            assert!(
                matches!(kind, DayKind::Holiday { .. } | DayKind::Moved { .. }),
                "{date}: {kind:?}"
            );
        }
    }
    // The day after: open again.
    assert_eq!(s3_slots("almaty-medeu", "2025-03-26").slots.len(), 36);
}

#[test]
fn decreed_working_days_keep_the_hours_of_the_weekday_they_replace() {
    // Saturday 4 May 2024 was worked instead of Wednesday 8 May 2024
    // (calendar.toml, decree G24G0000109).
    let sat = s3_slots("almaty-medeu", "2024-05-04");
    assert_eq!(span(&sat), s("09:00", "18:00", 36));
    let DayOpening::Open { as_weekday, assumptions, day, .. } = &sat.opening else { panic!() };
    assert_eq!(*as_weekday, Some(Weekday::Wed));
    assert!(matches!(day.kind, DayKind::TransferWorking { .. }));
    assert!(assumptions.contains(&&queue::assumptions().decreed_days));
    // A duty department works it as a weekday too: 9.00–20.00, not the
    // Saturday 9.00–13.00.
    assert_eq!(span(&s3_slots("almaty-bostandyk", "2024-05-04")), s("09:00", "20:00", 44));
    // The decreed day off is closed, with the reading named.
    let off = s3_slots("almaty-medeu", "2024-05-08");
    assert!(off.slots.is_empty());
    let DayOpening::Closed { why, assumptions, .. } = &off.opening else { panic!() };
    assert!(matches!(why, Closed::DayOff { kind: DayKind::TransferOff { .. } }));
    assert!(assumptions.contains(&&queue::assumptions().decreed_days));
    // Sunday 5 January 2025 was worked instead of Friday 3 January 2025:
    // even a Sunday opens, with Friday's hours; the Friday is closed.
    let sun = s3_slots("almaty-medeu", "2025-01-05");
    assert_eq!(span(&sun), s("09:00", "18:00", 36));
    assert!(matches!(sun.opening, DayOpening::Open { as_weekday: Some(Weekday::Fri), .. }));
    assert!(s3_slots("almaty-medeu", "2025-01-03").slots.is_empty());
    assert!(s2_slots("oskemen-city", "2025-01-03").slots.is_empty());
}

#[test]
fn a_date_outside_the_calendar_is_an_error_not_a_guess() {
    let r = queue::day_slots(
        ServiceId::S3,
        Purpose::HandIn,
        office("almaty-medeu"),
        None,
        d("2031-01-06"),
        &[],
    );
    assert!(matches!(r, Err(queue::QueueError::Calendar(_))), "{r:?}");
}

#[test]
fn slots_are_as_long_as_the_maximum_service_time() {
    let day = s3_slots("almaty-medeu", "2025-03-19");
    assert_eq!(day.length.minutes, 15);
    assert_eq!(day.length_basis, &queue::assumptions().slot_length);
    assert_eq!(day.capacity_basis, &queue::assumptions().capacity);
    for w in day.slots.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        assert_eq!(w[1].start.0 - w[0].start.0, 15);
    }
    // Each slot's instant is its local time in Kazakhstan (UTC+5 in 2025).
    assert_eq!(day.slots[0].starts_at, at("2025-03-19T09:00:00+05:00"));
}

// ---------------------------------------------------------------------------
// 4. Capacity, and the two-tab race.

#[test]
fn a_slot_holds_as_many_bookings_as_the_office_has_windows() {
    let mut tickets = Tickets::default();
    let people = [KIM, KURMANGAZIYEVA, ZHAKSYLYKOV];
    // almaty-bostandyk has three windows.
    for (i, iin) in people.iter().enumerate() {
        tickets.book_s3(i as u64, iin, "almaty-bostandyk", "2025-03-19", "10:00");
    }
    let day =
        slots(ServiceId::S3, Purpose::HandIn, "almaty-bostandyk", None, "2025-03-19", &tickets);
    let slot = day.slot(t("10:00")).unwrap();
    assert_eq!((slot.capacity, slot.booked, slot.free()), (3, 3, 0));
    // A full slot is not offered; its neighbours are.
    let offered: Vec<ClockTime> = day.offered(before()).map(|s| s.start).collect();
    assert!(!offered.contains(&t("10:00")));
    assert!(offered.contains(&t("09:45")) && offered.contains(&t("10:15")));
    assert_eq!(offered.len(), 43);
    // The fourth is refused, and the tickets are as they were.
    let snapshot = tickets.clone();
    assert_eq!(
        tickets.book(3, &s3(IVANOV, "almaty-bostandyk", "2025-03-19", "10:00"), before()),
        Err(TicketError::SlotFull { date: d("2025-03-19"), start: t("10:00") })
    );
    assert_eq!(tickets, snapshot);
    // Another office's slot at the same time is untouched.
    let other = slots(ServiceId::S3, Purpose::HandIn, "almaty-medeu", None, "2025-03-19", &tickets);
    assert_eq!(other.slot(t("10:00")).unwrap().free(), 2);
}

#[test]
fn the_windows_are_shared_by_the_services_booked_at_an_office() {
    // At Oskemen (two windows) one S3 hand-in and one S2 collection fill
    // the 10:00 slot for both.
    let mut tickets = Tickets::default();
    tickets.book_s3(0, KIM, "oskemen-city", "2025-03-19", "10:00");
    let collect = TicketRequest {
        service: ServiceId::S2,
        purpose: Purpose::Collect,
        office: "oskemen-city".into(),
        date: d("2025-03-19"),
        start: t("10:00"),
        iin: IVANOV.into(),
        provider: Some(east_school()),
        situations: vec![],
    };
    tickets.book(1, &collect, before()).unwrap();
    let s2 = slots(
        ServiceId::S2,
        Purpose::Collect,
        "oskemen-city",
        Some(&east_school()),
        "2025-03-19",
        &tickets,
    );
    assert!(s2.slot(t("10:00")).unwrap().is_full());
    let s3d = slots(ServiceId::S3, Purpose::HandIn, "oskemen-city", None, "2025-03-19", &tickets);
    assert!(s3d.slot(t("10:00")).unwrap().is_full());
}

#[test]
fn two_tabs_booking_the_last_place_one_wins_the_other_is_told() {
    // Kaskelen has one window: one place per slot. Both tabs read revision 0.
    let mut stored = Tickets::default();
    let tab_a = s3(KIM, "kaskelen-karasai", "2025-03-19", "11:00");
    let tab_b = s3(KURMANGAZIYEVA, "kaskelen-karasai", "2025-03-19", "11:00");
    let seen_by_both = stored.rev;
    let won = stored.book(seen_by_both, &tab_a, before()).unwrap();
    assert_eq!(won.iin, KIM);
    // Tab B's write sees tab A's: refused as stale, nothing changes…
    let after_a = stored.clone();
    assert_eq!(
        stored.book(seen_by_both, &tab_b, before()),
        Err(TicketError::Stale(Stale { expected: 0, found: 1 }))
    );
    assert_eq!(stored, after_a);
    // …and when tab B tries again on what it now reads, the slot is full.
    assert_eq!(
        stored.book(stored.rev, &tab_b, before()),
        Err(TicketError::SlotFull { date: d("2025-03-19"), start: t("11:00") })
    );
    assert_eq!(stored, after_a);
    assert_eq!(stored.tickets.len(), 1);
    // The neighbouring slot is still there for tab B.
    stored.book_s3(stored.rev, KURMANGAZIYEVA, "kaskelen-karasai", "2025-03-19", "11:15");
    assert_eq!(stored.rev, 2);
}

#[test]
fn a_booking_from_a_data_file_is_taken_in_as_any_booking_and_numbers_never_repeat() {
    // Another device booked 11:00 (its ticket 0001) and 11:15 (0002).
    let mut there = Tickets::default();
    let first = there.book_s3(0, KIM, "kaskelen-karasai", "2025-03-19", "11:00");
    let second = there.book_s3(1, KIM, "kaskelen-karasai", "2025-03-19", "11:15");
    assert_eq!(second.reference, "Q-20250319-0002");

    // Here, someone else holds 11:00, Kaskelen's one place (their 0001).
    let mut here = Tickets::default();
    let other = here.book_s3(0, KURMANGAZIYEVA, "kaskelen-karasai", "2025-03-19", "11:00");
    assert_eq!(other.reference, first.reference, "the same number on two devices");
    let before_any = here.clone();
    // The same number: refused, nothing changes.
    assert_eq!(
        here.adopt(here.rev, first.clone(), before()),
        Err(TicketError::NumberTaken(first.reference.clone()))
    );
    assert_eq!(here, before_any);
    // 11:15 is free here: taken in, counted like a booking.
    here.adopt(here.rev, second.clone(), before()).unwrap();
    assert_eq!(here.rev, 2);
    assert_eq!(here.get(&second.reference), Some(&second));
    // The next booking here gets a number after the highest, never 0002 again.
    let next = here.book_s3(here.rev, IVANOV, "kaskelen-karasai", "2025-03-19", "11:30");
    assert_eq!(next.reference, "Q-20250319-0003");

    // A live booking whose slot is full here is refused.
    let mut full = Tickets::default();
    full.book_s3(0, ZHAKSYLYKOV, "kaskelen-karasai", "2025-03-19", "11:15");
    let mut renumbered = second.clone();
    renumbered.reference = "Q-20250319-0099".into();
    assert_eq!(
        full.adopt(full.rev, renumbered.clone(), before()),
        Err(TicketError::SlotFull { date: d("2025-03-19"), start: t("11:15") })
    );
    // Once its slot has begun it is history, and is kept as it was.
    full.adopt(full.rev, renumbered.clone(), at("2025-03-19T11:20:00+05:00")).unwrap();
    assert_eq!(full.tickets.len(), 2);
    // A stale view is refused, as for any change.
    let mut stale = Tickets { rev: 3, ..Tickets::default() };
    assert!(matches!(stale.adopt(0, second, before()), Err(TicketError::Stale(_))));
}

#[test]
fn booking_refuses_what_is_not_a_free_future_slot() {
    let mut tickets = Tickets::default();
    let req = s3(KIM, "almaty-medeu", "2025-03-19", "10:00");
    // Not a slot start; outside the hours; a closed day.
    for (date, start) in [("2025-03-19", "10:07"), ("2025-03-19", "18:00"), ("2025-03-16", "10:00")]
    {
        let r = TicketRequest { date: d(date), start: t(start), ..req.clone() };
        assert_eq!(
            tickets.book(0, &r, before()),
            Err(TicketError::NoSuchSlot { date: d(date), start: t(start) })
        );
    }
    // A slot that has begun.
    let r = tickets.book(0, &req, at("2025-03-19T10:00:00+05:00"));
    assert!(matches!(r, Err(TicketError::SlotBegun { .. })), "{r:?}");
    // No booking in the seeds.
    let s1 = TicketRequest { service: ServiceId::S1, ..req.clone() };
    assert!(matches!(tickets.book(0, &s1, before()), Err(TicketError::NoBooking(_))));
    // An invalid IIN, an unknown office.
    let bad = TicketRequest { iin: "900515301235".into(), ..req.clone() };
    assert!(matches!(tickets.book(0, &bad, before()), Err(TicketError::InvalidIin(_))));
    let nowhere = TicketRequest { office: "nowhere".into(), ..req.clone() };
    assert_eq!(
        tickets.book(0, &nowhere, before()),
        Err(TicketError::UnknownOffice("nowhere".into()))
    );
    assert_eq!(tickets, Tickets::default());
}

// ---------------------------------------------------------------------------
// 5. Moving, cancelling, history.

#[test]
fn moving_and_cancelling_keep_the_history_and_free_the_place() {
    let mut tickets = Tickets::default();
    let booked = tickets.book_s3(0, KIM, "kaskelen-karasai", "2025-03-19", "10:00");
    assert_eq!(booked.reference, "Q-20250319-0001");
    let r = booked.reference.clone();
    // Kaskelen is not the college's settlement: 8 working days.
    assert_eq!(booked.expected.as_ref().unwrap().location, Some(Location::Other));
    assert_eq!(booked.expected.as_ref().unwrap().deadline.due, d("2025-04-03"));
    // Move to an Almaty office the next day: 3 working days from there.
    let moved =
        tickets.move_to(1, &r, "almaty-medeu", d("2025-03-20"), t("09:30"), before()).unwrap();
    assert_eq!(moved.office, "almaty-medeu");
    assert_eq!(moved.expected.as_ref().unwrap().location, Some(Location::Same));
    // Day 0 is Thu 20 March; Nauryz and its moved days are skipped.
    assert_eq!(moved.expected.as_ref().unwrap().deadline.due, d("2025-03-28"));
    assert!(matches!(
        &moved.history[..],
        [TicketEvent::Booked { .. }, TicketEvent::Moved { from_office, to_office, .. }]
            if from_office == "kaskelen-karasai" && to_office == "almaty-medeu"
    ));
    // The old place is free again.
    tickets.book_s3(2, KURMANGAZIYEVA, "kaskelen-karasai", "2025-03-19", "10:00");
    // Moving onto the slot it holds, or at a stale revision, is refused.
    assert_eq!(
        tickets.move_to(3, &r, "almaty-medeu", d("2025-03-20"), t("09:30"), before()),
        Err(TicketError::SameSlot)
    );
    assert!(matches!(
        tickets.move_to(1, &r, "almaty-medeu", d("2025-03-20"), t("09:45"), before()),
        Err(TicketError::Stale(_))
    ));
    // Cancel: kept, cancelled, its place free; it cannot change again.
    let cancelled = tickets.cancel(3, &r, before()).unwrap();
    assert_eq!(cancelled.status_at(before()), TicketStatus::Cancelled);
    assert!(matches!(cancelled.history.last(), Some(TicketEvent::Cancelled { .. })));
    assert_eq!(cancelled.history.len(), 3);
    assert_eq!(tickets.tickets.len(), 2);
    let day = slots(ServiceId::S3, Purpose::HandIn, "almaty-medeu", None, "2025-03-20", &tickets);
    assert_eq!(day.slot(t("09:30")).unwrap().booked, 0);
    assert!(matches!(
        tickets.cancel(4, &r, before()),
        Err(TicketError::NotChangeable { status: TicketStatus::Cancelled, .. })
    ));
    assert!(matches!(
        tickets.move_to(4, &r, "almaty-medeu", d("2025-03-20"), t("10:00"), before()),
        Err(TicketError::NotChangeable { .. })
    ));
    // The cabinet: each person's own tickets, cancelled ones included.
    assert_eq!(tickets.of_person(KIM).len(), 1);
    assert_eq!(tickets.of_person(KURMANGAZIYEVA).len(), 1);
}

#[test]
fn past_tickets_are_kept_and_cannot_change() {
    let mut tickets = Tickets::default();
    let r = tickets.book_s3(0, KIM, "almaty-medeu", "2025-03-19", "10:00").reference;
    let during = at("2025-03-19T10:05:00+05:00");
    let after = at("2025-03-19T10:15:00+05:00");
    assert_eq!(tickets.get(&r).unwrap().status_at(during), TicketStatus::Upcoming);
    assert_eq!(tickets.get(&r).unwrap().status_at(after), TicketStatus::Past);
    // Once the slot has begun it can be neither moved nor cancelled.
    for now in [during, after] {
        assert!(matches!(tickets.cancel(1, &r, now), Err(TicketError::NotChangeable { .. })));
        assert!(matches!(
            tickets.move_to(1, &r, "almaty-medeu", d("2025-03-20"), t("10:00"), now),
            Err(TicketError::NotChangeable { .. })
        ));
    }
    assert_eq!(tickets.rev, 1);
}

#[test]
fn tickets_survive_storage() {
    let mut tickets = Tickets::default();
    tickets.book_s3(0, KIM, "almaty-medeu", "2025-03-19", "10:00");
    let r = tickets.tickets[0].reference.clone();
    tickets.cancel(1, &r, before()).unwrap();
    let json = serde_json::to_string(&tickets).unwrap();
    let back: Tickets = serde_json::from_str(&json).unwrap();
    assert_eq!(back, tickets);
}

// ---------------------------------------------------------------------------
// 6. The personal checklist and the expected result date.

#[test]
fn the_checklist_is_the_catalogue_list_for_the_situation() {
    let mut tickets = Tickets::default();
    let plain = tickets.book_s3(0, KIM, "almaty-medeu", "2025-03-19", "10:00");
    let ids = |t: &queue::Ticket, kind| -> Vec<String> {
        t.checklist.iter().filter(|i| i.kind == kind).map(|i| i.id.clone()).collect()
    };
    // S3 at the State Corporation: the application and an identity
    // document; the employee takes identity data from state systems and
    // obtains consent (F003 L43–46).
    assert_eq!(ids(&plain, ChecklistKind::Bring), ["application", "identity"]);
    assert_eq!(ids(&plain, ChecklistKind::Note), ["identity-from-systems", "consent"]);
    // The same list the catalogue gives the channel and situation.
    let minor = TicketRequest {
        situations: vec![Situation::Minor, Situation::DigitalDocument],
        ..s3(KURMANGAZIYEVA, "almaty-medeu", "2025-03-19", "10:15")
    };
    let with_minor = tickets.book(1, &minor, before()).unwrap();
    let expected: Vec<String> = catalog::documents(
        ServiceId::S3,
        Channel::StateCorporation,
        &[Situation::Minor, Situation::DigitalDocument],
    )
    .iter()
    .map(|d| d.id.clone())
    .collect();
    let got: Vec<String> = with_minor.checklist.iter().map(|i| i.id.clone()).collect();
    assert_eq!(got, expected);
    assert!(got.contains(&"representative-identity-gap".to_string()));
    // S2 collection in East Kazakhstan: an identity document or a
    // representative's notarised power of attorney (F001 L13), and the
    // receipt (F002 §10(1) L72).
    let collect = TicketRequest {
        service: ServiceId::S2,
        purpose: Purpose::Collect,
        office: "semey-city".into(),
        date: d("2025-03-19"),
        start: t("10:00"),
        iin: IVANOV.into(),
        provider: Some(east_school()),
        situations: vec![],
    };
    let c = tickets.book(2, &collect, before()).unwrap();
    assert_eq!(ids(&c, ChecklistKind::Bring), ["identity-or-proxy", "receipt"]);
    let receipt = &c.checklist[1];
    assert_eq!(receipt.provenance.cites[0].seed, Seed::F002);
    assert_eq!(receipt.provenance.cites[0].line, 72);
    // Collecting promises no result date: the result is already there.
    assert!(c.expected.is_none());
}

#[test]
fn the_expected_date_at_booking_is_the_acceptance_deadline() {
    // For every office, the college as provider, and instants across
    // Nauryz, a decreed working Saturday and an ordinary week: the date the
    // ticket promises equals the deadline the acceptance computes for the
    // same instant and office (State Corporation channel, C-24 location).
    let terms = &catalog::service(ServiceId::S3).terms;
    let college_org = registry::organisation("almaty-college-service").unwrap();
    let mut checked = 0;
    for o in queue::offices() {
        for (date, start) in [
            ("2025-03-19", "10:00"),
            ("2025-03-20", "17:45"),
            ("2024-05-04", "09:00"),
            ("2025-12-15", "12:30"),
        ] {
            let day = slots(ServiceId::S3, Purpose::HandIn, &o.id, None, date, &Tickets::default());
            if day.slot(t(start)).is_none() {
                continue;
            }
            let mut tickets = Tickets::default();
            let ticket = tickets
                .book(0, &s3(KIM, &o.id, date, start), at("2024-01-01T00:00:00+06:00"))
                .unwrap();
            let expected = ticket.expected.unwrap();
            // The acceptance: the same instant, the same office.
            let location = registry::location(&college_org.settlement, &o.settlement);
            let acceptance = deadline::deadline_for(
                terms,
                Channel::StateCorporation,
                Some(location),
                ticket.slot.starts_at,
                cal(),
            )
            .unwrap();
            assert_eq!(expected.deadline, acceptance, "{} {date} {start}", o.id);
            assert_eq!(expected.location, Some(location));
            let days = if location == Location::Same { 3 } else { 8 };
            assert_eq!(
                cal().working_days_between(acceptance.accepted_on, acceptance.due).unwrap(),
                days,
                "{} {date}",
                o.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 3 * queue::offices().len(), "{checked}");
}

#[test]
fn without_a_provider_the_longer_term_and_the_explanation_says_so() {
    let at_slot = at("2025-03-19T10:00:00+05:00");
    let e = queue::expected_result(ServiceId::S3, office("almaty-medeu"), None, at_slot).unwrap();
    assert_eq!(e.location, None);
    assert_eq!(e.deadline.due, d("2025-04-03"));
    assert!(e.deadline.explanation.steps.iter().any(|s| matches!(s, Step::LocationAssumed { .. })));
    assert_eq!(
        e.deadline,
        deadline::deadline_for(
            &catalog::service(ServiceId::S3).terms,
            Channel::StateCorporation,
            None,
            at_slot,
            cal()
        )
        .unwrap()
    );
}

// ---------------------------------------------------------------------------
// 7. The hall.

fn hall_at(date: &str) -> Hall {
    Hall::new("almaty-medeu", d(date))
}

fn m(hhmm: &str) -> DateTime<Utc> {
    at(&format!("2025-03-19T{hhmm}:00+05:00"))
}

#[test]
fn booked_tickets_whose_slot_has_begun_are_called_first_then_by_arrival() {
    let mut tickets = Tickets::default();
    let early = tickets.book_s3(0, KIM, "almaty-medeu", "2025-03-19", "10:00");
    let later = tickets.book_s3(1, KURMANGAZIYEVA, "almaty-medeu", "2025-03-19", "10:30");
    let mut hall = hall_at("2025-03-19");
    // 09:40 a walk-in; 09:45 the 10:30 booking arrives (early); 09:50 the
    // 10:00 booking; 09:55 another walk-in.
    let w1 = hall.walk_in(0, ServiceId::S1, Purpose::HandIn, None, m("09:40")).unwrap();
    let b2 = hall.check_in(1, &later, m("09:45")).unwrap();
    let b1 = hall.check_in(2, &early, m("09:50")).unwrap();
    let w2 = hall.walk_in(3, ServiceId::S3, Purpose::HandIn, None, m("09:55")).unwrap();
    assert_eq!((w1.number, b2.number, b1.number, w2.number), (1, 2, 3, 4));
    assert_eq!((w1.label(), b1.label()), ("W001".to_string(), "B003".to_string()));
    // Before 10:00 nobody has priority: order of arrival.
    let order = |h: &Hall, now| h.waiting_order(now).iter().map(|t| t.number).collect::<Vec<_>>();
    assert_eq!(order(&hall, m("09:58")), [1, 2, 3, 4]);
    // From 10:00 the 10:00 booking comes first; from 10:30 both bookings,
    // by slot.
    assert_eq!(order(&hall, m("10:00")), [3, 1, 2, 4]);
    assert_eq!(order(&hall, m("10:30")), [3, 2, 1, 4]);
    let called = hall.call_next(4, 1, m("10:01")).unwrap();
    assert_eq!(called.number, 3);
    // Window 1 is busy until it finishes.
    assert_eq!(
        hall.call_next(5, 1, m("10:02")),
        Err(HallError::WindowBusy { window: 1, number: 3 })
    );
    assert_eq!(hall.call_next(5, 2, m("10:02")).unwrap().number, 1);
    hall.finish(6, 3, m("10:10")).unwrap();
    assert_eq!(hall.call_next(7, 1, m("10:11")).unwrap().number, 2);
    hall.mark_absent(8, 2, m("10:12")).unwrap();
    assert_eq!(hall.call_next(9, 1, m("10:13")).unwrap().number, 4);
    assert_eq!(hall.call_next(10, 3, m("10:14")), Err(HallError::NobodyWaiting));
    assert_eq!(hall.rev, 10);
}

#[test]
fn check_in_takes_only_todays_live_tickets_for_this_office_once() {
    let mut tickets = Tickets::default();
    let here = tickets.book_s3(0, KIM, "almaty-medeu", "2025-03-19", "10:00");
    let there = tickets.book_s3(1, KURMANGAZIYEVA, "almaty-bostandyk", "2025-03-19", "10:00");
    let gone = tickets.book_s3(2, ZHAKSYLYKOV, "almaty-medeu", "2025-03-19", "11:00");
    let gone = tickets.cancel(3, &gone.reference, before()).unwrap();
    let mut hall = hall_at("2025-03-19");
    assert!(matches!(hall.check_in(0, &there, m("09:50")), Err(HallError::NotHere { .. })));
    assert!(matches!(hall.check_in(0, &gone, m("09:50")), Err(HallError::Cancelled { .. })));
    assert!(matches!(
        hall.check_in(0, &here, at("2025-03-18T09:50:00+05:00")),
        Err(HallError::WrongDay { .. })
    ));
    hall.check_in(0, &here, m("09:50")).unwrap();
    assert!(matches!(
        hall.check_in(1, &here, m("09:51")),
        Err(HallError::AlreadyCheckedIn { number: 1, .. })
    ));
    assert_eq!(hall.tickets.len(), 1);
}

#[test]
fn waiting_and_service_times_against_each_services_maximums() {
    let mut hall = hall_at("2025-03-19");
    // S1 (wait 15, service 20), S2 (15, 15), S3 (15, 15), all walk-ins at 9:00.
    hall.walk_in(0, ServiceId::S1, Purpose::HandIn, None, m("09:00")).unwrap();
    hall.walk_in(1, ServiceId::S2, Purpose::HandIn, None, m("09:00")).unwrap();
    hall.walk_in(2, ServiceId::S3, Purpose::HandIn, None, m("09:00")).unwrap();
    // S1 called at 9:15 (exactly the maximum: not over), S2 at 9:16 (over),
    // S3 at 9:14.
    hall.call_next(3, 1, m("09:15")).unwrap();
    hall.call_next(4, 2, m("09:16")).unwrap();
    hall.call_next(5, 3, m("09:14")).unwrap();
    // S1 served 20 min (not over), S2 15 min (not over), S3 16 min (over).
    hall.finish(6, 1, m("09:35")).unwrap();
    hall.finish(7, 2, m("09:31")).unwrap();
    hall.finish(8, 3, m("09:30")).unwrap();
    let v = hall.views(m("12:00"));
    let got: Vec<(i64, bool, Option<i64>, bool)> = v
        .iter()
        .map(|v| {
            (v.wait_seconds / 60, v.wait_over, v.service_seconds.map(|s| s / 60), v.service_over)
        })
        .collect();
    assert_eq!(
        got,
        [(15, false, Some(20), false), (16, true, Some(15), false), (14, false, Some(16), true)]
    );
    assert_eq!(v[0].service_limit.unwrap().minutes, 20);
    assert_eq!(v[1].wait_limit.unwrap().minutes, 15);
    let dash = hall.dashboard(m("12:00"));
    assert_eq!(
        (dash.served, dash.waiting, dash.in_service, dash.wait_overruns, dash.service_overruns),
        (3, 0, 0, 1, 1)
    );
    assert_eq!(dash.median_wait_seconds, Some(15 * 60));
}

#[test]
fn a_wait_still_running_is_marked_once_it_passes_the_maximum() {
    let mut hall = hall_at("2025-03-19");
    hall.walk_in(0, ServiceId::S3, Purpose::HandIn, None, m("09:00")).unwrap();
    let at15 = hall.view(1, m("09:15")).unwrap();
    assert_eq!((at15.state, at15.wait_over), (TicketState::Waiting, false));
    let at16 = hall.view(1, m("09:16")).unwrap();
    assert!(at16.wait_over);
    let dash = hall.dashboard(m("09:16"));
    assert_eq!((dash.waiting, dash.wait_overruns, dash.median_wait_seconds), (1, 1, None));
    // Being served past the maximum is marked while it runs, too.
    hall.call_next(1, 1, m("09:16")).unwrap();
    assert!(!hall.view(1, m("09:31")).unwrap().service_over);
    assert!(hall.view(1, m("09:32")).unwrap().service_over);
    assert_eq!(hall.dashboard(m("09:32")).service_overruns, 1);
}

#[test]
fn a_booked_citizen_who_came_early_waits_from_the_slot() {
    let mut tickets = Tickets::default();
    let b = tickets.book_s3(0, KIM, "almaty-medeu", "2025-03-19", "10:00");
    let mut hall = hall_at("2025-03-19");
    let h = hall.check_in(0, &b, m("09:30")).unwrap();
    assert_eq!(h.wait_from(), m("10:00"));
    assert!(matches!(h.origin, Origin::Booked { .. }));
    // Called at 10:10: ten minutes of legal waiting, not forty.
    hall.call_next(1, 1, m("10:10")).unwrap();
    let v = hall.view(1, m("10:20")).unwrap();
    assert_eq!(v.wait_seconds, 10 * 60);
    assert!(!v.wait_over);
    // Called before the slot: no wait at all, never a negative one.
    let mut hall = hall_at("2025-03-19");
    hall.check_in(0, &b, m("09:30")).unwrap();
    hall.call_next(1, 1, m("09:40")).unwrap();
    assert_eq!(hall.view(1, m("09:50")).unwrap().wait_seconds, 0);
}

#[test]
fn collecting_waits_are_measured_by_the_hand_in_maximum_as_a_reading() {
    let mut hall = Hall::new("oskemen-city", d("2025-03-19"));
    hall.walk_in(0, ServiceId::S2, Purpose::Collect, None, m("09:00")).unwrap();
    let v = hall.view(1, m("09:20")).unwrap();
    assert!(v.wait_over);
    let limit = v.wait_limit.unwrap();
    assert_eq!(limit.minutes, 15);
    assert_eq!(limit.applied_by, Some(&queue::assumptions().collect_wait));
}

#[test]
fn the_dashboard_is_a_pure_function_of_the_hall_and_now() {
    let mut hall = hall_at("2025-03-19");
    for (i, hhmm) in ["09:00", "09:02", "09:04", "09:06"].iter().enumerate() {
        hall.walk_in(i as u64, ServiceId::S3, Purpose::HandIn, None, m(hhmm)).unwrap();
    }
    hall.call_next(4, 1, m("09:10")).unwrap(); // waited 10 min
    hall.call_next(5, 2, m("09:20")).unwrap(); // waited 18 min: over
    let now = m("09:30");
    let dash = hall.dashboard(now);
    assert_eq!(dash, hall.clone().dashboard(now));
    assert_eq!((dash.in_service, dash.waiting), (2, 2));
    // Median of the called (10 and 18 minutes): 14 minutes.
    assert_eq!(dash.median_wait_seconds, Some(14 * 60));
    // The two still waiting since 9:04 and 9:06 are over 15 minutes at 9:30.
    assert_eq!(dash.wait_overruns, 3);
    // Storage round trip.
    let back: Hall = serde_json::from_str(&serde_json::to_string(&hall).unwrap()).unwrap();
    assert_eq!(back, hall);
    assert_eq!(back.dashboard(now), dash);
    // A stale change is refused and changes nothing.
    let before_change = hall.clone();
    assert!(matches!(
        hall.call_next(0, 3, now),
        Err(HallError::Stale(Stale { expected: 0, found: 6 }))
    ));
    assert_eq!(hall, before_change);
}
