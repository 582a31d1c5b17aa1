//! The working-day calendar and Kazakhstan local time, checked against
//! python-holidays' own test data, the decrees, and brute force.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Utc, Weekday};
use proptest::prelude::*;

use qujat::engine::calendar::{self, CalendarError, DayKind, WorkDuration, YearStatus, calendar};
use qujat::engine::kztime::{self, KzTimeError, LocalInstants, UTC_PLUS_5, UTC_PLUS_6};
use qujat::engine::term::{ClockTime, Hours};

mod common;
use common::{d, utc};

fn kind(s: &str) -> DayKind {
    calendar::day(d(s)).unwrap().kind
}

fn slug(k: DayKind) -> Option<&'static str> {
    match k {
        DayKind::Holiday { holiday } | DayKind::Moved { holiday, .. } => Some(holiday.slug()),
        _ => None,
    }
}

const FIRST: &str = "2016-01-01";
const LAST: &str = "2030-12-31";

// ---------------------------------------------------------------------------
// Data: fixed holidays, Kurban Ait, moves, transfers

/// The rules of the Law, re-encoded independently of calendar.toml:
/// (id, month-day, first year, last year).
const FIXED: &[(&str, &str, i32, i32)] = &[
    ("new-year", "01-01", 0, 9999),
    ("new-year", "01-02", 0, 9999),
    ("orthodox-christmas", "01-07", 0, 9999),
    ("womens-day", "03-08", 0, 9999),
    ("constitution-day", "03-15", 2027, 9999),
    ("nauryz", "03-21", 0, 9999),
    ("nauryz", "03-22", 0, 9999),
    ("nauryz", "03-23", 0, 9999),
    ("unity-day", "05-01", 0, 9999),
    ("defender-day", "05-07", 2013, 9999),
    ("victory-day", "05-09", 0, 9999),
    ("capital-day", "07-06", 2009, 9999),
    ("constitution-day", "08-30", 0, 2025),
    ("republic-day", "10-25", 2022, 9999),
    ("first-president-day", "12-01", 2012, 2021),
    ("independence-day", "12-16", 0, 9999),
    ("independence-day", "12-17", 2002, 2021),
];

fn expected_fixed(year: i32) -> Vec<(NaiveDate, &'static str)> {
    FIXED
        .iter()
        .filter(|(_, _, a, b)| (*a..=*b).contains(&year))
        .map(|(id, md, _, _)| (d(&format!("{year}-{md}")), *id))
        .collect()
}

#[test]
fn every_year_has_its_fixed_holidays_on_their_dates() {
    let c = calendar().unwrap();
    for year in 2016..=2030 {
        let want = expected_fixed(year);
        let count = match year {
            2016..=2021 => 15,
            2022..=2025 => 14,
            2026 => 13,
            _ => 14,
        };
        assert_eq!(want.len(), count, "test table for {year}");
        let got: Vec<(NaiveDate, &str)> = c
            .holidays_in(d(&format!("{year}-01-01")), d(&format!("{year}-12-31")))
            .unwrap()
            .iter()
            .filter_map(|s| match s.kind {
                DayKind::Holiday { holiday } if holiday.slug() != "kurban-ait" => {
                    Some((s.date, holiday.slug()))
                }
                _ => None,
            })
            .collect();
        let mut want = want;
        want.sort();
        assert_eq!(got, want, "fixed holidays of {year}");
    }
}

#[test]
fn constitution_day_2026_is_not_a_holiday_and_is_marked_uncertain_later() {
    assert_eq!(kind("2026-08-31"), DayKind::Working); // Monday
    assert_eq!(kind("2026-03-16"), DayKind::Working); // Monday, nothing moved
    let day = calendar::day(d("2027-03-15")).unwrap();
    assert_eq!(slug(day.kind), Some("constitution-day"));
    assert!(day.uncertain);
    assert!(!calendar::day(d("2025-08-29")).unwrap().uncertain);
}

#[test]
fn kurban_ait_dates_are_holidays_and_never_moved() {
    let dates = [
        ("2016-09-12", false),
        ("2017-09-01", false),
        ("2018-08-21", false),
        ("2019-08-11", false),
        ("2020-07-31", false),
        ("2021-07-20", false),
        ("2022-07-09", false),
        ("2023-06-28", false),
        ("2024-06-16", false),
        ("2025-06-06", false),
        ("2026-05-27", true),
        ("2027-05-16", true),
        ("2028-05-05", true),
        ("2029-04-24", true),
        ("2030-04-13", true),
    ];
    for (s, estimated) in dates {
        let day = calendar::day(d(s)).unwrap();
        assert_eq!(slug(day.kind), Some("kurban-ait"), "{s}");
        assert!(!day.is_working(), "{s}");
        assert_eq!(day.uncertain, estimated, "{s}");
    }
    // 2019-08-11 and 2024-06-16 were Sundays, 2022-07-09 a Saturday: no moved day.
    assert_eq!(kind("2019-08-12"), DayKind::Working);
    assert_eq!(kind("2024-06-17"), DayKind::Working);
    assert_eq!(kind("2022-07-11"), DayKind::Working);
    // Orthodox Christmas on Sunday 2018-01-07 is not moved either.
    assert_eq!(kind("2018-01-08"), DayKind::Working);
}

/// python-holidays' test data: observed (moved) days.
const MOVED: &[&str] = &[
    "2017-01-03",
    "2021-01-04",
    "2022-01-03",
    "2022-01-04",
    "2023-01-03",
    "2020-03-09",
    "2025-03-10",
    "2021-03-24",
    "2024-03-25",
    "2025-03-24",
    "2025-03-25",
    "2016-05-02",
    "2021-05-03",
    "2022-05-02",
    "2016-05-10",
    "2017-05-08",
    "2022-05-10",
    "2023-05-08",
    "2021-05-10",
    "2019-07-08",
    "2024-07-08",
    "2025-07-07",
    "2020-08-31",
    "2025-09-01",
    "2025-10-27",
    "2026-10-26",
    "2018-12-03",
    "2019-12-02",
    "2016-12-19",
    "2017-12-18",
    "2017-12-19",
    "2018-12-18",
    "2023-12-18",
];

#[test]
fn python_holidays_moved_days_are_moved_holidays() {
    for s in MOVED {
        let k = kind(s);
        assert!(matches!(k, DayKind::Moved { .. }), "{s}: {k:?}");
        let DayKind::Moved { from, .. } = k else { unreachable!() };
        assert!(
            matches!(from.weekday(), Weekday::Sat | Weekday::Sun),
            "{s} moved from a weekday {from}"
        );
        assert!(from < d(s));
    }
}

#[test]
fn moved_days_chain_past_other_holidays() {
    assert_eq!(
        kind("2022-01-03"),
        DayKind::Moved { holiday: moved_id("2022-01-03"), from: d("2022-01-01") }
    );
    let from_of = |s: &str| match kind(s) {
        DayKind::Moved { from, holiday } => (from, holiday.slug()),
        k => panic!("{s}: {k:?}"),
    };
    assert_eq!(from_of("2022-01-04"), (d("2022-01-02"), "new-year"));
    assert_eq!(from_of("2025-03-24"), (d("2025-03-22"), "nauryz"));
    assert_eq!(from_of("2025-03-25"), (d("2025-03-23"), "nauryz"));
    // 7 May 2016 (Sat) skips Sunday and Victory Day (Mon 9 May).
    assert_eq!(from_of("2016-05-10"), (d("2016-05-07"), "defender-day"));
    assert_eq!(from_of("2024-03-25"), (d("2024-03-23"), "nauryz"));
    // 16 Dec 2018 (Sun) skips 17 Dec (a holiday until 2021).
    assert_eq!(from_of("2018-12-18"), (d("2018-12-16"), "independence-day"));
}

fn moved_id(s: &str) -> qujat::engine::calendar::HolidayId {
    match kind(s) {
        DayKind::Moved { holiday, .. } => holiday,
        k => panic!("{s}: {k:?}"),
    }
}

#[test]
fn the_whole_of_2022_matches_python_holidays() {
    let c = calendar().unwrap();
    let want_off: Vec<NaiveDate> = [
        "01-03", "01-04", "01-07", "03-07", "03-08", "03-21", "03-22", "03-23", "05-02", "05-09",
        "05-10", "07-06", "08-29", "08-30", "10-24", "10-25", "12-16",
    ]
    .iter()
    .map(|md| d(&format!("2022-{md}")))
    .collect();
    let want_working_weekend: Vec<NaiveDate> =
        ["03-05", "08-27", "10-22"].iter().map(|md| d(&format!("2022-{md}"))).collect();
    let mut off = Vec::new();
    let mut working_weekend = Vec::new();
    let mut day = d("2022-01-01");
    while day.year() == 2022 {
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let working = c.is_working(day).unwrap();
        if !weekend && !working {
            off.push(day);
        }
        if weekend && working {
            working_weekend.push(day);
        }
        day = day.succ_opt().unwrap();
    }
    assert_eq!(off, want_off);
    assert_eq!(working_weekend, want_working_weekend);
    // The same via the O(1) helpers.
    let listed: Vec<NaiveDate> = c
        .non_working_weekdays_in(d("2022-01-01"), d("2022-12-31"))
        .unwrap()
        .iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(listed, want_off);
    // 2022: 365 days, 105 weekend days, 17 weekdays off, 3 working Saturdays.
    assert_eq!(
        c.working_days_between(d("2021-12-31"), d("2022-12-31")).unwrap(),
        365 - 105 - 17 + 3
    );
}

/// Decreed transfers: (day off, working weekend day).
const TRANSFERS: &[(&str, &str)] = &[
    ("2016-03-07", "2016-03-05"),
    ("2017-03-20", "2017-03-18"),
    ("2017-07-07", "2017-07-01"),
    ("2018-03-09", "2018-03-03"),
    ("2018-04-30", "2018-04-28"),
    ("2018-05-08", "2018-05-05"),
    ("2018-08-31", "2018-08-25"),
    ("2018-12-31", "2018-12-29"),
    ("2019-05-10", "2019-05-04"),
    ("2020-01-03", "2020-01-05"),
    ("2020-05-08", "2020-05-11"),
    ("2020-12-18", "2020-12-20"),
    ("2021-07-05", "2021-07-03"),
    ("2022-03-07", "2022-03-05"),
    ("2022-08-29", "2022-08-27"),
    ("2022-10-24", "2022-10-22"),
    ("2023-07-07", "2023-07-01"),
    ("2024-05-08", "2024-05-04"),
    ("2025-01-03", "2025-01-05"),
];

#[test]
fn decreed_transfers_swap_the_days() {
    for (off, work) in TRANSFERS {
        assert_eq!(kind(off), DayKind::TransferOff { from: d(work) }, "{off}");
        assert_eq!(kind(work), DayKind::TransferWorking { instead_of: d(off) }, "{work}");
        assert!(!calendar::is_working(d(off)).unwrap());
        assert!(calendar::is_working(d(work)).unwrap());
    }
    // 11.05.2020 (Mon) would have been Victory Day moved from Saturday 9 May;
    // the decree made it a working day instead of Friday 8 May.
    assert!(calendar::is_working(d("2020-05-11")).unwrap());
    assert!(!calendar::is_working(d("2020-05-08")).unwrap());
    assert_eq!(kind("2020-05-09"), DayKind::Holiday { holiday: holiday_id("victory-day") });
    // No transfers at all are recorded after 2025.
    let c = calendar().unwrap();
    assert!(
        c.holidays_in(d("2026-01-01"), d(LAST)).unwrap().iter().all(|s| !matches!(
            s.kind,
            DayKind::TransferOff { .. } | DayKind::TransferWorking { .. }
        ))
    );
}

fn holiday_id(slug: &str) -> qujat::engine::calendar::HolidayId {
    // Deserialising checks the id against the data.
    serde_json::from_str(&format!("{slug:?}")).unwrap()
}

#[test]
fn holiday_ids_round_trip_and_have_three_names() {
    let c = calendar().unwrap();
    assert_eq!(c.holidays().len(), 13);
    for h in c.holidays() {
        assert!(h.names.is_complete(), "{}", h.id);
        let id = holiday_id(&h.id);
        assert_eq!(id.slug(), h.id);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("{:?}", h.id));
    }
    assert_eq!(c.holiday("nauryz").unwrap().names.en, "Nauryz");
    assert!(c.holiday("orthodox-christmas").unwrap().religious);
    assert!(!c.holiday("kurban-ait").unwrap().moved);
    assert!(serde_json::from_str::<qujat::engine::calendar::HolidayId>("\"xmas\"").is_err());
}

#[test]
fn year_info_gives_status_and_provenance() {
    for year in 2016..=2025 {
        let y = calendar::year_info(year).unwrap();
        assert!(y.is_confirmed(), "{year}");
        assert!(y.decree.is_some(), "{year}");
        assert!(y.sources.iter().any(|s| s.contains("c382fdec")), "{year}");
        assert!(y.sources.iter().any(|s| s.contains(y.decree.as_deref().unwrap())), "{year}");
    }
    assert_eq!(calendar::year_info(2024).unwrap().decree.as_deref(), Some("G24G0000109"));
    for year in 2026..=2030 {
        let y = calendar::year_info(year).unwrap();
        assert!(!y.is_confirmed());
        assert!(y.status.contains(&YearStatus::TransfersUnknown));
        assert!(y.status.contains(&YearStatus::HolidaysUncertain));
        assert!(y.status.contains(&YearStatus::KurbanAitEstimated));
        assert_eq!(y.transfers_status.as_deref(), Some("transfers_not_decreed_or_unknown"));
    }
    assert!(matches!(calendar::year_info(2015), Err(CalendarError::OutOfRange { .. })));
    assert!(calendar::year_info(2031).is_err());
    let src = calendar().unwrap().source();
    assert!(src.law.contains("Z010000267"));
    assert!(src.summary.contains("c382fdec"));
}

// ---------------------------------------------------------------------------
// Arithmetic

#[test]
fn add_working_days_examples() {
    let a = |s: &str, n| calendar::add_working_days(d(s), n).unwrap();
    // Thu 20 Mar 2025 + 1: Nauryz 21–25 Mar (with the weekend) is skipped.
    assert_eq!(a("2025-03-20", 1), d("2025-03-26"));
    assert_eq!(a("2025-03-26", 15), d("2025-04-16"));
    // A working Saturday counts: Fri 3 May 2024 + 1 = Sat 4 May (transfer).
    assert_eq!(a("2024-05-03", 1), d("2024-05-04"));
    assert_eq!(a("2024-05-04", 1), d("2024-05-06"));
    // n = 0: the first working day on or after the date.
    assert_eq!(a("2025-03-20", 0), d("2025-03-20"));
    assert_eq!(a("2025-03-21", 0), d("2025-03-26"));
    assert_eq!(calendar::next_working_day_after(d("2025-12-31")).unwrap(), d("2026-01-05"));
    let c = calendar().unwrap();
    assert_eq!(c.previous_working_day_before(d("2025-03-26")).unwrap(), d("2025-03-20"));
    assert_eq!(c.previous_working_day_before(d("2025-03-27")).unwrap(), d("2025-03-26"));
}

#[test]
fn add_calendar_days_examples() {
    let a = |s: &str, n| calendar::add_calendar_days(d(s), n).unwrap();
    assert_eq!(a("2025-03-01", 20), d("2025-03-26")); // 21 Mar Nauryz -> 26 Mar
    assert_eq!(a("2025-03-03", 20), d("2025-03-24") + TimeDelta::days(2));
    assert_eq!(a("2025-04-01", 20), d("2025-04-21")); // Monday, working
    assert_eq!(a("2025-04-01", 0), d("2025-04-01"));
    assert_eq!(a("2025-04-05", 0), d("2025-04-07")); // Saturday -> Monday
}

#[test]
fn working_days_between_counts_the_half_open_range() {
    let w = |a: &str, b: &str| calendar::working_days_between(d(a), d(b)).unwrap();
    assert_eq!(w("2025-03-20", "2025-03-26"), 1);
    assert_eq!(w("2025-03-26", "2025-03-20"), -1);
    assert_eq!(w("2025-03-20", "2025-03-20"), 0);
    assert_eq!(w("2025-03-26", "2025-04-16"), 15);
}

#[test]
fn holidays_in_and_plain_weekends_for_explanations() {
    let c = calendar().unwrap();
    let s = c.holidays_in(d("2025-03-20"), d("2025-03-26")).unwrap();
    let codes: Vec<String> = s.iter().map(|x| format!("{} {}", x.date, x.kind.code())).collect();
    assert_eq!(
        codes,
        [
            "2025-03-21 holiday:nauryz",
            "2025-03-22 holiday:nauryz",
            "2025-03-23 holiday:nauryz",
            "2025-03-24 moved:nauryz:2025-03-22",
            "2025-03-25 moved:nauryz:2025-03-23",
        ]
    );
    // The Nauryz weekend is holidays, not plain weekend days.
    assert_eq!(c.plain_weekends_in(d("2025-03-20"), d("2025-03-26")).unwrap(), 0);
    assert_eq!(c.plain_weekends_in(d("2025-03-27"), d("2025-04-16")).unwrap(), 6);
    assert_eq!(c.plain_weekends_in(d("2025-04-16"), d("2025-03-27")).unwrap(), 0);
    assert!(c.holidays_in(d("2025-04-16"), d("2025-03-27")).unwrap().is_empty());
    assert_eq!(kind("2024-05-04").code(), "transfer-working:2024-05-08");
    assert_eq!(kind("2024-05-08").code(), "transfer-off:2024-05-04");
    assert_eq!(kind("2024-03-25").code(), "moved:nauryz:2024-03-23");
}

#[test]
fn dates_outside_the_table_are_errors() {
    let c = calendar().unwrap();
    for s in ["2015-12-31", "2031-01-01", "1900-01-01"] {
        let x = d(s);
        let oor = |r: Result<(), CalendarError>| {
            assert!(matches!(r, Err(CalendarError::OutOfRange { date, .. }) if date == x), "{s}")
        };
        oor(c.day(x).map(|_| ()));
        oor(c.is_working(x).map(|_| ()));
        oor(c.add_working_days(x, 1).map(|_| ()));
        oor(c.add_calendar_days(x, 1).map(|_| ()));
        oor(c.working_days_between(x, d("2020-01-01")).map(|_| ()));
        oor(c.working_days_between(d("2020-01-01"), x).map(|_| ()));
        oor(c.holidays_in(x, d("2020-01-01")).map(|_| ()));
        oor(c.plain_weekends_in(d("2020-01-01"), x).map(|_| ()));
        oor(c.next_working_day_after(x).map(|_| ()));
    }
    // In range, but the answer is not.
    assert!(matches!(
        c.add_working_days(d("2030-12-20"), 30),
        Err(CalendarError::ResultOutOfRange { .. })
    ));
    assert!(matches!(
        c.add_calendar_days(d("2030-12-20"), 30),
        Err(CalendarError::ResultOutOfRange { .. })
    ));
    assert!(c.add_working_days(d(LAST), u32::MAX).is_err());
    assert!(c.add_calendar_days(d(FIRST), u32::MAX).is_err());
    assert!(c.previous_working_day_before(d(FIRST)).is_err());
    // Errors read well.
    let e = c.day(d("2031-01-01")).unwrap_err().to_string();
    assert!(e.contains("2031-01-01") && e.contains("2030-12-31"), "{e}");
}

fn brute_is_working(x: NaiveDate) -> bool {
    calendar::day(x).unwrap().is_working()
}

fn arb_date(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (0..=(to - from).num_days()).prop_map(move |k| from + TimeDelta::days(k))
}

/// Two dates in the calendar's range, the earlier first.
fn ordered_dates() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    let date = || arb_date(d(FIRST), d("2030-10-31"));
    (date(), date()).prop_map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn add_working_days_lands_on_a_working_day_after_exactly_n(
        x in arb_date(d(FIRST), d("2030-09-30")), n in 1u32..=60,
    ) {
        let due = calendar::add_working_days(x, n).unwrap();
        prop_assert!(due > x);
        prop_assert!(brute_is_working(due));
        prop_assert_eq!(calendar::working_days_between(x, due).unwrap(), i64::from(n));
        // Brute force: walk day by day.
        let (mut day, mut left) = (x, n);
        while left > 0 {
            day = day.succ_opt().unwrap();
            if brute_is_working(day) { left -= 1; }
        }
        prop_assert_eq!(day, due);
    }

    #[test]
    fn add_working_days_is_monotone((a, b) in ordered_dates(), n in 0u32..=40) {
        prop_assert!(calendar::add_working_days(a, n).unwrap() <= calendar::add_working_days(b, n).unwrap());
    }

    #[test]
    fn add_calendar_days_is_the_first_working_day_on_or_after_d_plus_n(
        x in arb_date(d(FIRST), d("2030-10-31")), n in 0u32..=40,
    ) {
        let due = calendar::add_calendar_days(x, n).unwrap();
        let raw = x + TimeDelta::days(i64::from(n));
        prop_assert!(due >= raw);
        prop_assert!(brute_is_working(due));
        let mut day = raw;
        while day < due {
            prop_assert!(!brute_is_working(day));
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn add_calendar_days_is_monotone((a, b) in ordered_dates(), n in 0u32..=40) {
        prop_assert!(calendar::add_calendar_days(a, n).unwrap() <= calendar::add_calendar_days(b, n).unwrap());
    }

    #[test]
    fn working_days_between_matches_brute_force(
        a in arb_date(d(FIRST), d(LAST)), k in 0i64..=120,
    ) {
        let b = (a + TimeDelta::days(k)).min(d(LAST));
        let mut count = 0;
        let mut day = a;
        while day < b { day = day.succ_opt().unwrap(); if brute_is_working(day) { count += 1; } }
        prop_assert_eq!(calendar::working_days_between(a, b).unwrap(), count);
        prop_assert_eq!(calendar::working_days_between(b, a).unwrap(), -count);
        let c = calendar().unwrap();
        let weekends = (0..=(b - a).num_days())
            .map(|i| a + TimeDelta::days(i))
            .filter(|x| c.day(*x).unwrap().kind == DayKind::Weekend)
            .count() as u32;
        prop_assert_eq!(c.plain_weekends_in(a, b).unwrap(), weekends);
    }
}

// ---------------------------------------------------------------------------
// Kazakhstan local time

fn ndt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

#[test]
fn utc_to_local_across_the_2024_switch() {
    let l = kztime::to_local(utc("2024-02-29T17:59:59Z")).unwrap();
    assert_eq!(l.local, ndt("2024-02-29T23:59:59"));
    assert_eq!(l.offset, UTC_PLUS_6);
    assert_eq!(l.offset_hours(), 6);
    let l = kztime::to_local(utc("2024-02-29T18:00:00Z")).unwrap();
    assert_eq!(l.local, ndt("2024-02-29T23:00:00"));
    assert_eq!(l.offset, UTC_PLUS_5);
    // The local date: 19:30 UTC on 1 Jan 2020 is already 2 Jan in Almaty.
    assert_eq!(kztime::local_date(utc("2020-01-01T19:30:00Z")).unwrap(), d("2020-01-02"));
    assert_eq!(kztime::local_date(utc("2025-01-01T19:30:00Z")).unwrap(), d("2025-01-02"));
    assert_eq!(kztime::local_date(utc("2025-01-01T18:30:00Z")).unwrap(), d("2025-01-01"));
}

#[test]
fn local_to_utc_picks_the_earlier_instant_in_the_repeated_hour() {
    let u = kztime::local_to_utc(ndt("2024-02-29T23:30:00")).unwrap();
    assert_eq!(u, utc("2024-02-29T17:30:00Z"));
    assert_eq!(
        kztime::local_to_utc_all(ndt("2024-02-29T23:30:00")).unwrap(),
        LocalInstants::Ambiguous {
            earlier: utc("2024-02-29T17:30:00Z"),
            later: utc("2024-02-29T18:30:00Z"),
        }
    );
    assert_eq!(
        kztime::local_to_utc_all(ndt("2024-02-29T22:59:59")).unwrap(),
        LocalInstants::Single(utc("2024-02-29T16:59:59Z"))
    );
    assert_eq!(
        kztime::local_to_utc(ndt("2024-03-01T00:00:00")).unwrap(),
        utc("2024-02-29T19:00:00Z")
    );
    assert_eq!(
        kztime::local_to_utc(ndt("2023-06-01T09:00:00")).unwrap(),
        utc("2023-06-01T03:00:00Z")
    );
    assert_eq!(
        kztime::local_to_utc(ndt("2025-06-01T09:00:00")).unwrap(),
        utc("2025-06-01T04:00:00Z")
    );
}

#[test]
fn parse_instant_accepts_any_offset_and_rejects_junk() {
    let want = utc("2025-03-20T14:30:00Z");
    for s in [
        "2025-03-20T19:30:00+05:00",
        "2025-03-20T14:30:00Z",
        "2025-03-20T07:30:00-07:00",
        " 2025-03-20T20:30:00+06:00 ",
    ] {
        assert_eq!(kztime::parse_instant(s).unwrap(), want, "{s}");
    }
    for s in ["2025-03-20T19:30:00", "2025-03-20", "yesterday", "", "2025-13-01T00:00:00Z"] {
        let e = kztime::parse_instant(s).unwrap_err();
        assert!(matches!(e, KzTimeError::Parse { .. }), "{s}");
        assert!(e.to_string().contains("RFC 3339"));
    }
}

proptest! {
    #[test]
    fn local_round_trips_and_is_monotone(secs in 1_420_070_400i64..1_924_992_000, step in 0i64..200_000) {
        let a = DateTime::from_timestamp(secs, 0).unwrap();
        let b = DateTime::from_timestamp(secs + step, 0).unwrap();
        let la = kztime::to_local(a).unwrap();
        let back = kztime::local_to_utc_all(la.local).unwrap();
        match back {
            LocalInstants::Single(u) => prop_assert_eq!(u, a),
            LocalInstants::Ambiguous { earlier, later } => prop_assert!(earlier == a || later == a),
        }
        // The local date never goes backwards as time goes on.
        prop_assert!(kztime::local_date(a).unwrap() <= kztime::local_date(b).unwrap());
    }
}

// ---------------------------------------------------------------------------
// Working time

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

fn provider_hours() -> Hours {
    Hours { open: t("09:00"), close: t("18:00"), breaks: vec![[t("13:00"), t("14:00")]] }
}

/// Local Kazakhstan time "YYYY-MM-DDTHH:MM" -> UTC instant.
fn kz(s: &str) -> DateTime<Utc> {
    kztime::local_to_utc(ndt(&format!("{s}:00"))).unwrap()
}

#[test]
fn working_minutes_skip_breaks_nights_and_holidays() {
    let h = provider_hours();
    let add = |s: &str, m| calendar::add_working_time(kz(s), WorkDuration::Minutes(m), &h).unwrap();
    assert_eq!(add("2025-04-01T10:00", 15), kz("2025-04-01T10:15"));
    assert_eq!(add("2025-04-01T12:50", 10), kz("2025-04-01T13:00")); // ends at the break
    assert_eq!(add("2025-04-01T12:50", 15), kz("2025-04-01T14:05"));
    assert_eq!(add("2025-04-01T13:30", 15), kz("2025-04-01T14:15")); // starts after the break
    assert_eq!(add("2025-04-01T09:00", 480), kz("2025-04-01T18:00"));
    assert_eq!(add("2025-04-01T09:00", 481), kz("2025-04-02T09:01"));
    assert_eq!(add("2025-04-01T07:00", 120), kz("2025-04-01T11:00")); // before opening
    // Friday evening -> Monday; Thursday 20 Mar 2025 17:50 -> Nauryz -> 26 Mar.
    assert_eq!(add("2025-04-04T17:50", 15), kz("2025-04-07T09:05"));
    assert_eq!(add("2025-03-20T17:50", 15), kz("2025-03-26T09:05"));
    assert_eq!(add("2025-03-20T19:00", 0), kz("2025-03-26T09:00"));
    // Two hours from 17:00 on the last UTC+6 day end at 10:00 UTC+5.
    assert_eq!(add("2024-02-29T17:00", 120), utc("2024-03-01T05:00:00Z"));
    // 12 working days of 8 hours.
    assert_eq!(add("2025-04-01T10:00", 12 * 480), kz("2025-04-17T10:00"));
}

#[test]
fn working_days_keep_the_time_of_day_inside_hours() {
    let h = provider_hours();
    let add =
        |s: &str, n| calendar::add_working_time(kz(s), WorkDuration::WorkingDays(n), &h).unwrap();
    assert_eq!(add("2025-04-01T10:30", 12), kz("2025-04-17T10:30"));
    assert_eq!(add("2025-04-04T20:00", 1), kz("2025-04-08T09:00")); // Fri night -> Mon 9:00 -> Tue
    assert_eq!(add("2025-04-01T13:20", 1), kz("2025-04-02T14:00")); // in the break
    assert_eq!(add("2025-03-20T10:00", 1), kz("2025-03-26T10:00"));
    assert_eq!(add("2025-04-01T10:30", 0), kz("2025-04-01T10:30"));
}

#[test]
fn is_open_and_bad_hours() {
    let h = provider_hours();
    assert!(calendar::is_open(kz("2025-04-01T10:00"), &h).unwrap());
    assert!(!calendar::is_open(kz("2025-04-01T13:30"), &h).unwrap());
    assert!(!calendar::is_open(kz("2025-04-01T18:00"), &h).unwrap());
    assert!(!calendar::is_open(kz("2025-03-21T10:00"), &h).unwrap()); // Nauryz
    assert!(calendar::is_open(kz("2024-05-04T10:00"), &h).unwrap()); // working Saturday
    let bad = Hours { open: t("18:00"), close: t("09:00"), breaks: vec![] };
    assert!(matches!(
        calendar::add_working_time(kz("2025-04-01T10:00"), WorkDuration::Minutes(5), &bad),
        Err(CalendarError::BadHours(_))
    ));
    assert!(calendar::is_open(kz("2025-04-01T10:00"), &bad).is_err());
    assert!(matches!(
        calendar::add_working_time(kz("2030-12-31T10:00"), WorkDuration::WorkingDays(3), &h),
        Err(CalendarError::ResultOutOfRange { .. })
    ));
    assert!(matches!(
        calendar::add_working_time(kz("2015-06-01T10:00"), WorkDuration::Minutes(3), &h),
        Err(CalendarError::OutOfRange { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn working_minutes_are_additive_and_monotone(
        secs in 1_451_606_400i64..1_893_456_000, a in 1u32..3000, b in 1u32..3000, gap in 0i64..100_000,
    ) {
        let h = provider_hours();
        let s = DateTime::from_timestamp(secs, 0).unwrap();
        let m = |x, n| calendar::add_working_time(x, WorkDuration::Minutes(n), &h).unwrap();
        prop_assert_eq!(m(m(s, a), b), m(s, a + b));
        let later = DateTime::from_timestamp(secs + gap, 0).unwrap();
        prop_assert!(m(s, a) <= m(later, a));
        // The end is inside opening hours, or exactly at a break or at closing time.
        let end = m(s, a);
        let l = kztime::to_local(end).unwrap().local;
        let hm = l.format("%H:%M").to_string();
        prop_assert!(
            calendar::is_open(end, &h).unwrap() || hm == "13:00" || hm == "18:00",
            "{}", l
        );
    }
}
