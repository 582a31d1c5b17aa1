//! The deadline engine with terms built here (the catalogue is filled
//! elsewhere): legal results, explanations, provenance, monotonicity.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use proptest::prelude::*;

use qujat::engine::calendar::{CalendarError, DayKind, YearStatus};
use qujat::engine::catalog;
use qujat::engine::deadline::{
    self, ComplaintAuthority, Deadline, DeadlineError, Step, compute, deadline_for,
};
use qujat::engine::service::ServiceId;
use qujat::engine::source::{Provenance, Seed, SeedLang, SourceRef, Status, Text};
use qujat::engine::term::{Channel, EndRule, Location, StartRule, Term, Unit};

mod common;
use common::{at, cal, d};

fn prov(
    status: Status, seed: Seed, clause: &str, line: u32, quote: &str, rule: Option<&str>,
) -> Provenance {
    Provenance {
        status,
        cites: vec![SourceRef {
            seed,
            clause: clause.into(),
            lang: SeedLang::Ru,
            line,
            quote: quote.into(),
            q: None,
        }],
        rule: rule.map(Into::into),
        note: rule.map(|r| Text {
            kk: format!("{r} kk"),
            ru: format!("{r} ru"),
            en: format!("{r} en"),
            working: vec![],
            slot: None,
        }),
    }
}

fn day_zero_rule() -> Provenance {
    prov(Status::Assumption, Seed::F001, "§3(1)", 9, "с момента сдачи", Some("C-25"))
}

fn s2_portal() -> Term {
    Term {
        channel: Channel::Portal,
        location: None,
        amount: 15,
        unit: Unit::WorkingDays,
        provenance: prov(Status::National, Seed::F001, "§3(1)", 9, "15 рабочих дней", None),
        start: StartRule::NextWorkingDayAfterCutoff { cutoff: "18:00".into() },
        start_provenance: prov(
            Status::Assumption,
            Seed::F001,
            "§7(3)",
            17,
            "следующим рабочим днем",
            Some("C-05"),
        ),
        end: EndRule::AsCounted,
        end_provenance: None,
    }
}

fn s1_provider(end: EndRule) -> Term {
    Term {
        channel: Channel::Provider,
        location: None,
        amount: 20,
        unit: Unit::CalendarDays,
        provenance: prov(
            Status::National,
            Seed::F000,
            "«Сроки» 1)",
            14,
            "20 календарных дней",
            None,
        ),
        start: StartRule::DayAfterHandIn,
        start_provenance: day_zero_rule(),
        end,
        end_provenance: Some(prov(
            Status::Assumption,
            Seed::F000,
            "«Сроки» 1)",
            14,
            "20 календарных дней",
            Some("§5.2"),
        )),
    }
}

fn s3(channel: Channel, location: Option<Location>, amount: u32) -> Term {
    Term {
        channel,
        location,
        amount,
        unit: Unit::WorkingDays,
        provenance: prov(Status::National, Seed::F003, "item 3 1)", 13, "жұмыс күні", None),
        start: StartRule::DayAfterHandIn,
        start_provenance: prov(
            Status::National,
            Seed::F003,
            "item 3 1)",
            14,
            "қабылдау күні мемлекеттік қызмет көрсету мерзіміне кірмейді",
            None,
        ),
        end: EndRule::AsCounted,
        end_provenance: None,
    }
}

fn s3_terms() -> Vec<Term> {
    vec![
        s3(Channel::Provider, None, 3),
        s3(Channel::StateCorporation, Some(Location::Same), 3),
        s3(Channel::StateCorporation, Some(Location::Other), 8),
    ]
}

fn steps_of(dl: &Deadline) -> &[Step] {
    &dl.explanation.steps
}

fn skipped(dl: &Deadline) -> Vec<(NaiveDate, DayKind)> {
    steps_of(dl)
        .iter()
        .filter_map(|s| match s {
            Step::Skipped { date, why } => Some((*date, *why)),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// S2 portal

#[test]
fn s2_portal_after_the_cutoff_before_nauryz() {
    let term = s2_portal();
    let dl = compute(&term, at("2025-03-20T19:30:00+05:00"), cal()).unwrap();
    assert_eq!(dl.accepted_on, d("2025-03-26"));
    assert_eq!(dl.due, d("2025-04-16"));
    assert_eq!(cal().working_days_between(dl.accepted_on, dl.due).unwrap(), 15);
    let steps = steps_of(&dl);
    assert!(matches!(
        &steps[0],
        Step::Submitted { offset_hours: 5, local, .. } if local.to_string() == "2025-03-20 19:30:00"
    ));
    match &steps[1] {
        Step::AfterHours { cutoff, next, source, local_time } => {
            assert_eq!(cutoff.to_string(), "18:00");
            assert_eq!(local_time.to_string(), "19:30:00");
            assert_eq!(*next, d("2025-03-26"));
            assert_eq!(source, &term.start_provenance);
            assert_eq!(source.rule.as_deref(), Some("C-05"));
        }
        s => panic!("{s:?}"),
    }
    // The Nauryz days between hand-in and acceptance are listed, by name.
    let sk = skipped(&dl);
    let dates: Vec<NaiveDate> = sk.iter().map(|x| x.0).collect();
    assert_eq!(
        dates,
        ["2025-03-21", "2025-03-22", "2025-03-23", "2025-03-24", "2025-03-25"].map(d)
    );
    for (_, why) in &sk {
        let id = match why {
            DayKind::Holiday { holiday } | DayKind::Moved { holiday, .. } => holiday.slug(),
            k => panic!("{k:?}"),
        };
        assert_eq!(id, "nauryz");
    }
    assert_eq!(
        sk[3].1,
        DayKind::Moved {
            holiday: match sk[0].1 {
                DayKind::Holiday { holiday } => holiday,
                _ => unreachable!(),
            },
            from: d("2025-03-22")
        }
    );
    // Counting cites the term's own provenance.
    assert!(steps.iter().any(|s| matches!(s,
        Step::CountFrom { day_zero, source } if *day_zero == d("2025-03-26") && source == &term.start_provenance)));
    assert!(steps.iter().any(|s| matches!(s,
        Step::Counted { amount: 15, unit: Unit::WorkingDays, from, to, source }
            if *from == d("2025-03-26") && *to == d("2025-04-16") && source == &term.provenance)));
    // Weekends inside the count: 29-30 Mar, 5-6 and 12-13 Apr.
    assert!(steps.contains(&Step::WeekendsSkipped { count: 6 }));
    assert_eq!(steps.last(), Some(&Step::Due { date: d("2025-04-16") }));
    // The C-05 assumption is collected once.
    assert_eq!(dl.explanation.assumptions, vec![term.start_provenance.clone()]);
    // The English rendering is the CLI's: src/bin/qujat-rules/render.rs
    // tests it on this same submission.
}

#[test]
fn s2_portal_during_working_hours_counts_from_the_same_day() {
    let dl = compute(&s2_portal(), at("2025-04-01T10:00:00+05:00"), cal()).unwrap();
    assert_eq!(dl.accepted_on, d("2025-04-01"));
    assert_eq!(dl.due, cal().add_working_days(d("2025-04-01"), 15).unwrap());
    assert!(
        !steps_of(&dl)
            .iter()
            .any(|s| matches!(s, Step::AfterHours { .. } | Step::NonWorkingDay { .. }))
    );
}

#[test]
fn s2_portal_cutoff_is_inclusive_and_uses_kazakhstan_time() {
    let t = s2_portal();
    let acc = |s: &str| compute(&t, at(s), cal()).unwrap().accepted_on;
    assert_eq!(acc("2025-04-01T17:59:59+05:00"), d("2025-04-01"));
    assert_eq!(acc("2025-04-01T18:00:00+05:00"), d("2025-04-02"));
    // The same instant written by a browser in another zone.
    assert_eq!(acc("2025-04-01T13:00:00Z"), d("2025-04-02"));
    assert_eq!(acc("2025-04-01T06:00:00-07:00"), d("2025-04-02"));
    assert_eq!(acc("2025-04-01T12:59:00Z"), d("2025-04-01"));
    // Before the 2024 switch Kazakhstan was UTC+6: 12:30Z was 18:30 local.
    assert_eq!(acc("2024-02-28T12:30:00Z"), d("2024-02-29"));
    assert_eq!(acc("2024-02-28T11:30:00Z"), d("2024-02-28"));
    // 23:30 on 29 Feb 2024 (UTC+6), a Thursday: next working day is 1 March.
    assert_eq!(acc("2024-02-29T17:30:00Z"), d("2024-03-01"));
}

#[test]
fn s2_portal_on_a_holiday_rolls_over_with_the_reason() {
    let t = s2_portal();
    let dl = compute(&t, at("2025-03-21T10:00:00+05:00"), cal()).unwrap();
    assert_eq!(dl.accepted_on, d("2025-03-26"));
    match &steps_of(&dl)[1] {
        Step::NonWorkingDay { date, reason, next, source } => {
            assert_eq!(*date, d("2025-03-21"));
            assert!(matches!(reason, DayKind::Holiday { holiday } if holiday.slug() == "nauryz"));
            assert_eq!(*next, d("2025-03-26"));
            assert_eq!(source, &t.start_provenance);
        }
        s => panic!("{s:?}"),
    }
    // A working Saturday by decree is a working day for acceptance too.
    let dl = compute(&t, at("2024-05-04T10:00:00+05:00"), cal()).unwrap();
    assert_eq!(dl.accepted_on, d("2024-05-04"));
}

// ---------------------------------------------------------------------------
// S1 and S3

#[test]
fn s1_twenty_calendar_days_from_hand_in_moved_to_a_working_day() {
    let t = s1_provider(EndRule::NextWorkingDay);
    let dl = compute(&t, at("2025-03-01T11:00:00+05:00"), cal()).unwrap();
    assert_eq!(dl.accepted_on, d("2025-03-01"));
    assert_eq!(dl.due, d("2025-03-26")); // day 20 = 21 Mar, Nauryz
    let moved = steps_of(&dl)
        .iter()
        .find_map(|s| match s {
            Step::MovedToWorkingDay { from, to, why, source } => {
                Some((*from, *to, *why, source.clone()))
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(moved.0, d("2025-03-21"));
    assert_eq!(moved.1, d("2025-03-26"));
    assert!(matches!(moved.2, DayKind::Holiday { holiday } if holiday.slug() == "nauryz"));
    assert_eq!(moved.3, t.end_provenance.clone());
    // Both assumptions (day 0, end rule) are collected.
    assert!(dl.explanation.assumptions.contains(&day_zero_rule()));
    assert!(dl.explanation.assumptions.contains(t.end_provenance.as_ref().unwrap()));
    // Day 20 on a working day: no move.
    let dl = compute(&t, at("2025-04-01T11:00:00+05:00"), cal()).unwrap();
    assert_eq!(dl.due, d("2025-04-21"));
    assert!(!steps_of(&dl).iter().any(|s| matches!(s, Step::MovedToWorkingDay { .. })));
    // An end rule that does not move keeps the calendar date and says so.
    let dl =
        compute(&s1_provider(EndRule::AsCounted), at("2025-03-01T11:00:00+05:00"), cal()).unwrap();
    assert_eq!(dl.due, d("2025-03-21"));
    assert!(
        steps_of(&dl)
            .iter()
            .any(|s| matches!(s, Step::DueOnDayOff { date, .. } if *date == d("2025-03-21")))
    );
}

#[test]
fn s3_provider_three_working_days_and_state_corporation_by_location() {
    let terms = s3_terms();
    let sub = at("2025-03-19T11:00:00+05:00"); // Wednesday before Nauryz
    let p = deadline_for(&terms, Channel::Provider, None, sub, cal()).unwrap();
    assert_eq!(p.accepted_on, d("2025-03-19"));
    assert_eq!(p.due, d("2025-03-27")); // 20, 26, 27 Mar
    assert_eq!(skipped(&p).len(), 5);
    let same =
        deadline_for(&terms, Channel::StateCorporation, Some(Location::Same), sub, cal()).unwrap();
    assert_eq!(same.due, d("2025-03-27"));
    let other =
        deadline_for(&terms, Channel::StateCorporation, Some(Location::Other), sub, cal()).unwrap();
    assert_eq!(other.due, d("2025-04-03")); // 20, 26, 27, 28, 31 Mar, 1, 2, 3 Apr
    assert_eq!(cal().working_days_between(d("2025-03-19"), other.due).unwrap(), 8);
    assert!(!steps_of(&other).iter().any(|s| matches!(s, Step::LocationAssumed { .. })));
    // Unknown location: 8 days, and the explanation says why (C-24).
    let unknown = deadline_for(&terms, Channel::StateCorporation, None, sub, cal()).unwrap();
    assert_eq!(unknown.due, other.due);
    assert!(matches!(
        &steps_of(&unknown)[1],
        Step::LocationAssumed { location: Location::Other, source } if source.rule.as_deref() == Some("C-24")
    ));
    assert!(unknown.explanation.assumptions.iter().any(|a| a.rule.as_deref() == Some("C-24")));
    // A channel the service lacks is an error.
    assert_eq!(
        deadline_for(&terms, Channel::Portal, None, sub, cal()),
        Err(DeadlineError::NoTermForChannel(Channel::Portal))
    );
    let only_same = vec![s3(Channel::StateCorporation, Some(Location::Same), 3)];
    assert_eq!(
        deadline_for(&only_same, Channel::StateCorporation, None, sub, cal()),
        Err(DeadlineError::NoTermForLocation(Channel::StateCorporation, Location::Other))
    );
}

#[test]
fn s3_state_corporation_on_a_saturday_counts_from_monday() {
    let terms = s3_terms();
    let dl = deadline_for(
        &terms,
        Channel::StateCorporation,
        Some(Location::Same),
        at("2025-04-05T10:00:00+05:00"),
        cal(),
    )
    .unwrap();
    assert_eq!(dl.accepted_on, d("2025-04-05"));
    assert_eq!(dl.due, d("2025-04-09")); // Mon 7, Tue 8, Wed 9
    assert!(steps_of(&dl).contains(&Step::WeekendsSkipped { count: 1 }));
}

#[test]
fn working_weekends_inside_a_count_are_listed() {
    let t = s3(Channel::Provider, None, 3);
    let dl = compute(&t, at("2024-05-02T10:00:00+05:00"), cal()).unwrap();
    // Fri 3 May, Sat 4 May (decreed working day), Mon 6 May.
    assert_eq!(dl.due, d("2024-05-06"));
    assert!(
        steps_of(&dl)
            .contains(&Step::WorkingWeekend { date: d("2024-05-04"), instead_of: d("2024-05-08") })
    );
}

#[test]
fn uncertain_years_are_flagged() {
    let dl = compute(&s2_portal(), at("2026-06-01T10:00:00+05:00"), cal()).unwrap();
    assert!(steps_of(&dl).iter().any(|s| matches!(s,
        Step::CalendarUncertain { year: 2026, status } if status.contains(&YearStatus::TransfersUnknown))));
    let dl = compute(&s2_portal(), at("2025-06-02T10:00:00+05:00"), cal()).unwrap();
    assert!(!steps_of(&dl).iter().any(|s| matches!(s, Step::CalendarUncertain { .. })));
}

#[test]
fn errors_instead_of_panics() {
    let mut t = s2_portal();
    t.start = StartRule::NextWorkingDayAfterCutoff { cutoff: "six pm".into() };
    assert_eq!(
        compute(&t, at("2025-04-01T10:00:00Z"), cal()),
        Err(DeadlineError::BadCutoff("six pm".into()))
    );
    let mut t = s2_portal();
    t.amount = 0;
    assert_eq!(compute(&t, at("2025-04-01T10:00:00Z"), cal()), Err(DeadlineError::ZeroTerm));
    let e = compute(&s2_portal(), at("2031-01-05T10:00:00Z"), cal()).unwrap_err();
    assert!(matches!(e, DeadlineError::Calendar(CalendarError::OutOfRange { .. })));
    assert!(e.to_string().contains("outside the working-day calendar"));
    let e = compute(&s2_portal(), at("2030-12-25T10:00:00Z"), cal()).unwrap_err();
    assert!(matches!(e, DeadlineError::Calendar(CalendarError::ResultOutOfRange { .. })));
    let e = compute(&s1_provider(EndRule::NextWorkingDay), at("2030-12-25T10:00:00Z"), cal())
        .unwrap_err();
    assert!(matches!(e, DeadlineError::Calendar(_)));
    let e = compute(&s1_provider(EndRule::NextWorkingDay), DateTime::<Utc>::MAX_UTC, cal());
    assert!(e.is_err());
}

#[test]
fn steps_serialise_as_tagged_kebab_case_data() {
    let dl = compute(&s2_portal(), at("2025-03-20T19:30:00+05:00"), cal()).unwrap();
    let json = serde_json::to_value(&dl).unwrap();
    let steps = json["explanation"]["steps"].as_array().unwrap();
    assert_eq!(steps[0]["step"], "submitted");
    assert_eq!(steps[0]["offset_hours"], 5);
    assert_eq!(steps[1]["step"], "after-hours");
    assert_eq!(steps[1]["cutoff"], "18:00");
    assert_eq!(steps[1]["next"], "2025-03-26");
    assert_eq!(steps[1]["source"]["rule"], "C-05");
    let skipped: Vec<&serde_json::Value> =
        steps.iter().filter(|s| s["step"] == "skipped").collect();
    assert_eq!(skipped[0]["date"], "2025-03-21");
    assert_eq!(skipped[0]["why"]["kind"], "holiday");
    assert_eq!(skipped[0]["why"]["holiday"], "nauryz");
    assert_eq!(skipped[3]["why"]["kind"], "moved");
    assert_eq!(skipped[3]["why"]["from"], "2025-03-22");
    assert_eq!(json["due"], "2025-04-16");
    // And back.
    let back: Deadline = serde_json::from_value(json).unwrap();
    assert_eq!(back, dl);
}

// ---------------------------------------------------------------------------
// Milestones

#[test]
fn provider_delivers_by_the_end_of_the_previous_working_day() {
    let m = deadline::provider_delivery_due(d("2025-03-27"), cal()).unwrap();
    assert_eq!(m.date, d("2025-03-26"));
    let m = deadline::provider_delivery_due(d("2025-03-26"), cal()).unwrap();
    assert_eq!(m.date, d("2025-03-20"));
    assert_eq!(m.explanation.assumptions[0].rule.as_deref(), Some("C-26"));
    assert!(matches!(
        &m.explanation.steps[0],
        Step::ProviderDelivery { deadline, deliver_by, .. } if *deadline == d("2025-03-26") && *deliver_by == d("2025-03-20")
    ));
}

#[test]
fn storage_is_one_calendar_month() {
    let s = |x: &str| deadline::storage_until(ServiceId::S2, d(x)).unwrap().date;
    assert_eq!(s("2025-03-15"), d("2025-04-15"));
    assert_eq!(s("2025-01-31"), d("2025-02-28"));
    assert_eq!(s("2024-01-31"), d("2024-02-29"));
    let m = deadline::storage_until(ServiceId::S3, d("2025-03-15")).unwrap();
    assert!(matches!(&m.explanation.steps[0],
        Step::StoredUntil { source, .. } if source.cites[0].seed == Seed::F003 && source.cites[0].line == 49));
    assert!(deadline::storage_until(ServiceId::S1, NaiveDate::MAX).is_err());
}

#[test]
fn return_within_one_working_day_of_the_request() {
    let m = deadline::return_due(ServiceId::S1, at("2025-03-20T15:00:00+05:00"), cal()).unwrap();
    assert_eq!(m.date, d("2025-03-26"));
    assert!(
        m.explanation
            .steps
            .iter()
            .any(|s| matches!(s, Step::Skipped { date, .. } if *date == d("2025-03-21")))
    );
    // A request late on Friday evening UTC is already Saturday in Almaty.
    let m = deadline::return_due(ServiceId::S2, at("2025-04-04T20:00:00Z"), cal()).unwrap();
    assert_eq!(m.date, d("2025-04-07"));
}

#[test]
fn complaints_five_or_fifteen_working_days() {
    let c = |s, a| deadline::complaint_due(s, d("2025-03-19"), a, cal()).unwrap();
    let m = c(ServiceId::S1, ComplaintAuthority::MinistryProviderOrStateCorporation);
    assert_eq!(m.date, d("2025-03-31")); // 20, 26, 27, 28, 31
    let q = c(ServiceId::S1, ComplaintAuthority::QualityControl);
    assert_eq!(cal().working_days_between(d("2025-03-19"), q.date).unwrap(), 15);
    assert_eq!(q.date, d("2025-04-14"));
    // S1 cites F000 as law; S2 applies it by analogy (C-36), flagged.
    assert!(!m.explanation.assumptions.iter().any(|a| a.rule.as_deref() == Some("C-36")));
    let s2 = c(ServiceId::S2, ComplaintAuthority::MinistryProviderOrStateCorporation);
    assert_eq!(s2.date, m.date);
    assert!(s2.explanation.assumptions.iter().any(|a| a.rule.as_deref() == Some("C-36")));
}

/// Every quote this module writes itself is on the cited line of the seed.
#[test]
fn own_provenance_quotes_are_verbatim() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let all = deadline::own_provenance();
    assert!(all.len() > 10);
    for p in all {
        if p.is_assumption() {
            assert!(p.note.as_ref().is_some_and(|n| n.is_complete()), "{p:?}");
        }
        for c in &p.cites {
            let text = std::fs::read_to_string(format!("{dir}/{}", c.seed.file_name())).unwrap();
            let line = text.lines().nth(c.line as usize - 1).unwrap();
            assert!(line.contains(&c.quote), "{:?} L{}: {:?}", c.seed, c.line, c.quote);
        }
    }
}

// ---------------------------------------------------------------------------
// Properties

fn arb_instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2016-01-01 .. 2030-06-30, any second.
    (1_451_606_400i64..1_908_748_800).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn all_terms() -> Vec<Term> {
    let mut v =
        vec![s2_portal(), s1_provider(EndRule::NextWorkingDay), s1_provider(EndRule::AsCounted)];
    v.extend(s3_terms());
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn a_later_submission_never_has_an_earlier_due_date(
        a in arb_instant(), gap in 0i64..(40 * 86_400), which in 0usize..6,
    ) {
        let term = &all_terms()[which];
        let b = a + TimeDelta::seconds(gap);
        let da = compute(term, a, cal()).unwrap();
        let db = compute(term, b, cal()).unwrap();
        prop_assert!(da.accepted_on <= db.accepted_on);
        prop_assert!(da.due <= db.due, "{:?} {} -> {} but {} -> {}", term.channel, a, da.due, b, db.due);
    }

    #[test]
    fn working_day_terms_count_exactly_and_end_on_working_days(a in arb_instant(), which in 0usize..6) {
        let term = &all_terms()[which];
        let dl = compute(term, a, cal()).unwrap();
        let c = cal();
        match term.unit {
            Unit::WorkingDays => {
                prop_assert!(c.is_working(dl.due).unwrap());
                prop_assert_eq!(c.working_days_between(dl.accepted_on, dl.due).unwrap(), i64::from(term.amount));
                // Every skipped day is in the counted range and is not working.
                for s in &dl.explanation.steps {
                    if let Step::Skipped { date, why } = s {
                        prop_assert!(!why.is_working());
                        prop_assert!(*date <= dl.due);
                    }
                }
            }
            Unit::CalendarDays => {
                prop_assert!(dl.due >= dl.accepted_on + TimeDelta::days(i64::from(term.amount)));
            }
        }
        if matches!(term.start, StartRule::NextWorkingDayAfterCutoff { .. }) {
            prop_assert!(c.is_working(dl.accepted_on).unwrap());
        }
        prop_assert_eq!(dl.explanation.steps.last(), Some(&Step::Due { date: dl.due }));
    }
}

/// Issue 11, item 9 (C-05): between 17:30 and 18:30 in the school's local
/// time the RU (18.30, acceptance 17.30) and KZ (18.00) texts disagree on
/// when the working day ends; the sign page warns, citing both, and says
/// which day Qujat counts from.
#[test]
fn the_1730_to_1830_warning_cites_both_texts() {
    let s2 = catalog::service(ServiceId::S2);
    let warn = |when: &str, region: Option<&str>| {
        deadline::hours_warning(s2, at(when), cal(), region).unwrap()
    };
    // Tuesday 1 April 2025, 17:45: before Qujat's 18:00 cut-off.
    let w = warn("2025-04-01T17:45:00+05:00", None).expect("in the window");
    assert_eq!((w.from.to_string(), w.until.to_string()), ("17:30".into(), "18:30".into()));
    assert_eq!(w.cutoff.to_string(), "18:00");
    assert!(!w.after_cutoff);
    assert_eq!(w.counts_from, d("2025-04-01"));
    let lines: Vec<(SeedLang, u32)> = w
        .versions
        .iter()
        .map(|s| (s.provenance.cites[0].lang, s.provenance.cites[0].line))
        .collect();
    assert_eq!(lines, [(SeedLang::Ru, 15), (SeedLang::Kk, 50)]);
    assert_eq!(w.basis.rule.as_deref(), Some("C-05"));
    // 18:15: after the cut-off, counted from Wednesday.
    let w = warn("2025-04-01T18:15:00+05:00", None).unwrap();
    assert!(w.after_cutoff);
    assert_eq!(w.counts_from, d("2025-04-02"));
    // Outside the window, or on a day off, nothing to warn about.
    for quiet in
        ["2025-04-01T17:29:00+05:00", "2025-04-01T18:30:00+05:00", "2025-04-05T17:45:00+05:00"]
    {
        assert_eq!(warn(quiet, None), None, "{quiet}");
    }
    // In the school's local time: 17:45 in Aktobe was 18:45 in Almaty (2023).
    let w = warn("2023-02-14T17:45:00+05:00", Some("aktobe")).unwrap();
    assert_eq!(w.region.as_deref(), Some("aktobe"));
    assert_eq!(w.counts_from, d("2023-02-14"));
    assert_eq!(warn("2023-02-14T17:45:00+05:00", Some("almaty-city")), None);
    // Services without a portal cut-off never warn.
    for s in [ServiceId::S1, ServiceId::S3] {
        let svc = catalog::service(s);
        assert_eq!(
            deadline::hours_warning(svc, at("2025-04-01T17:45:00+05:00"), cal(), None).unwrap(),
            None
        );
    }
}
