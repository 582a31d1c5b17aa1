//! Regions and their clocks (issue 11, item 14): until 1 March 2024 the
//! western regions kept UTC+5 while most of the country kept UTC+6, and
//! Kyzylorda moved to UTC+5 on 21 December 2018. The day of hand-in and
//! "after the end of working time" are read on the office's own clock.
#![cfg(not(target_arch = "wasm32"))]

use qujat::engine::catalog;
use qujat::engine::deadline::{self, Step};
use qujat::engine::identity::registry;
use qujat::engine::kztime::{self, LocalInstants};
use qujat::engine::region;
use qujat::engine::service::ServiceId;
use qujat::engine::source::Status;
use qujat::engine::term::Channel;

mod common;
use common::{at, cal, d};

#[test]
fn the_data_loads_and_every_reference_resolves() {
    assert_eq!(region::load_error(), None);
    assert_eq!(registry::load_error(), None);
    let meta = region::meta().unwrap();
    assert_eq!(meta.status, "external");
    assert!(meta.note.is_complete() && !meta.source.is_empty());
    assert_eq!(region::regions().len(), 20, "3 cities and 17 regions");
    for r in region::regions() {
        assert!(region::zone(&r.zone).is_some(), "{}: zone {}", r.id, r.zone);
        assert!(r.name.is_complete(), "{}", r.id);
    }
    for z in region::zones() {
        let s = z.spells;
        assert!(!s.is_empty() && s.last().unwrap().until.is_none(), "{}", z.id);
        assert!(s.windows(2).all(|w| w[0].until.is_some()), "{}", z.id);
    }
    // The code's national clock is the data's.
    let national = region::zone(kztime::NATIONAL.id).unwrap();
    assert_eq!(national.spells, kztime::NATIONAL.spells);
    // Every settlement, office, school and person points at real places.
    for s in registry::settlements() {
        assert!(region::region(&s.region).is_some(), "{}", s.id);
        for e in &s.earlier {
            assert!(region::region(&e.region).is_some(), "{}", s.id);
        }
    }
    for o in registry::offices() {
        assert!(registry::settlement(&o.settlement).is_some(), "{}", o.id);
    }
    for o in registry::organisations() {
        assert!(registry::settlement(&o.settlement).is_some(), "{}", o.id);
    }
    for p in registry::people() {
        assert!(registry::settlement(&p.settlement).is_some(), "{}", p.iin);
    }
}

#[test]
fn each_region_keeps_its_own_clock() {
    let offset =
        |r: &str, when: &str| region::zone_of(Some(r)).offset_at(at(when)).local_minus_utc() / 3600;
    for west in ["aktobe", "atyrau", "west-kazakhstan", "mangystau"] {
        assert_eq!(offset(west, "2017-06-01T12:00:00Z"), 5, "{west}");
        assert_eq!(offset(west, "2025-06-01T12:00:00Z"), 5, "{west}");
    }
    for east in ["almaty-city", "astana", "east-kazakhstan", "kostanay", "abai"] {
        assert_eq!(offset(east, "2023-06-01T12:00:00Z"), 6, "{east}");
        assert_eq!(offset(east, "2024-02-29T17:59:59Z"), 6, "{east}");
        assert_eq!(offset(east, "2024-02-29T18:00:00Z"), 5, "{east}");
    }
    // Kyzylorda: UTC+6 until 21 December 2018 00:00 local.
    assert_eq!(offset("kyzylorda", "2018-12-20T17:59:59Z"), 6);
    assert_eq!(offset("kyzylorda", "2018-12-20T18:00:00Z"), 5);
    // The hour the clocks went back is read twice.
    let kz = region::zone_of(Some("kyzylorda"));
    let local = d("2018-12-20").and_hms_opt(23, 30, 0).unwrap();
    assert_eq!(
        kz.local_to_utc_all(local).unwrap(),
        LocalInstants::Ambiguous {
            earlier: at("2018-12-20T17:30:00Z"),
            later: at("2018-12-20T18:30:00Z"),
        }
    );
    assert_eq!(kz.local_to_utc(local).unwrap(), at("2018-12-20T17:30:00Z"));
    // An unknown region reads on the national clock.
    assert_eq!(region::zone_of(Some("atlantis")), kztime::NATIONAL);
    assert!(region::differs_from_national(Some("aktobe"), at("2023-01-10T10:00:00Z")));
    assert!(!region::differs_from_national(Some("aktobe"), at("2025-01-10T10:00:00Z")));
}

#[test]
fn semey_left_east_kazakhstan_for_abai_region_in_2022() {
    let semey = registry::settlement("semey").unwrap();
    assert_eq!(semey.region_on(d("2022-06-07")), "east-kazakhstan");
    assert_eq!(semey.region_on(d("2022-06-08")), "abai");
    let oskemen = registry::organisation("oskemen-school-gymnasium-3").unwrap();
    assert_eq!(oskemen.region_on(d("2026-01-01")), Some("east-kazakhstan"));
}

/// 17:30 in Aktobe on a working day in 2023 was 18:30 in Almaty: an S2
/// portal application to an Aktobe school came in before the 18:00 cut-off
/// on the school's clock (C-05), so it counts from that day.
#[test]
fn after_hours_is_read_on_the_schools_clock() {
    let s2 = catalog::service(ServiceId::S2);
    let submitted = at("2023-02-14T17:30:00+05:00");
    let west = deadline::deadline_for_in(
        &s2.terms,
        Channel::Portal,
        None,
        submitted,
        cal(),
        Some("aktobe"),
    )
    .unwrap();
    assert_eq!(west.accepted_on, d("2023-02-14"));
    assert!(matches!(
        west.explanation.steps[0],
        Step::Submitted { offset_hours: 5, region: Some(ref r), .. } if r == "aktobe"
    ));
    assert!(
        !west
            .explanation
            .steps
            .iter()
            .any(|s| matches!(s, Step::AfterHours { .. } | Step::RegionUnknown { .. }))
    );
    // On the Almaty clock it was 18:30: the next working day.
    let almaty = deadline::deadline_for_in(
        &s2.terms,
        Channel::Portal,
        None,
        submitted,
        cal(),
        Some("almaty-city"),
    )
    .unwrap();
    assert_eq!(almaty.accepted_on, d("2023-02-15"));
    // Unknown: the national clock, and the explanation says why.
    let unknown =
        deadline::deadline_for(&s2.terms, Channel::Portal, None, submitted, cal()).unwrap();
    assert_eq!(unknown.accepted_on, d("2023-02-15"));
    let assumed = unknown
        .explanation
        .steps
        .iter()
        .find_map(|s| match s {
            Step::RegionUnknown { offset_hours, source } => Some((*offset_hours, source.clone())),
            _ => None,
        })
        .expect("the unknown region is explained");
    assert_eq!(assumed.0, 6);
    assert_eq!(assumed.1.status, Status::Assumption);
    assert!(unknown.explanation.assumptions.contains(&assumed.1));
    // Since 1 March 2024 every clock agrees: nothing to assume.
    let now = deadline::deadline_for(
        &s2.terms,
        Channel::Portal,
        None,
        at("2025-02-14T17:30:00+05:00"),
        cal(),
    )
    .unwrap();
    assert!(!now.explanation.steps.iter().any(|s| matches!(s, Step::RegionUnknown { .. })));
}

/// The day of hand-in: 23:30 in Aktobe on 14 February 2023 was 00:30 on the
/// 15th in Almaty. S1's 20 calendar days count from the office's own day.
#[test]
fn the_day_of_hand_in_is_the_offices() {
    let s1 = catalog::service(ServiceId::S1);
    let submitted = at("2023-02-14T23:30:00+05:00");
    let at_office = |r: Option<&str>| {
        deadline::deadline_for_in(&s1.terms, Channel::StateCorporation, None, submitted, cal(), r)
            .unwrap()
    };
    assert_eq!(at_office(Some("aktobe")).accepted_on, d("2023-02-14"));
    assert_eq!(at_office(Some("astana")).accepted_on, d("2023-02-15"));
    // Kyzylorda was already at UTC+5 in 2019.
    let k = deadline::deadline_for_in(
        &s1.terms,
        Channel::StateCorporation,
        None,
        at("2019-02-14T23:30:00+05:00"),
        cal(),
        Some("kyzylorda"),
    )
    .unwrap();
    assert_eq!(k.accepted_on, d("2019-02-14"));
}
