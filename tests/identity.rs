//! IIN validation and the demo state registry.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use qujat::engine::identity::iin::{self, IinError, Sex};
use qujat::engine::identity::registry::{self, EducationKind, IdKind, OrganisationKind};
use qujat::engine::source::Lang;
use qujat::engine::term::Location;

mod common;
use common::d;
use common::people::SULTANOVA;

// ---------------------------------------------------------------------------
// IIN: known numbers

#[test]
fn hand_computed_iin_is_valid() {
    // 15 May 1990, male (digit 7 = 3: 1900s, odd), serial 0001:
    //   digits  9 0 0 5 1 5 3 0 0 0 1
    //   weights 1 2 3 4 5 6 7 8 9 10 11
    //   9·1 + 0·2 + 0·3 + 5·4 + 1·5 + 5·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11
    //   = 9 + 20 + 5 + 30 + 21 + 11 = 96;  96 mod 11 = 8  ->  check digit 8.
    let info = iin::validate("900515300018").unwrap();
    assert_eq!(info.iin, "900515300018");
    assert_eq!(info.birth_date, d("1990-05-15"));
    assert_eq!(info.sex, Sex::Male);
    assert_eq!(info.serial(), 1);
    assert_eq!(iin::make(d("1990-05-15"), Sex::Male, 1).as_deref(), Some("900515300018"));
}

#[test]
fn second_weighting_is_used_when_the_first_gives_ten() {
    // 9 0 0 5 1 5 3 0 0 9 0 with weights 1..11:
    //   9 + 20 + 5 + 30 + 21 + 9·10 = 175;  175 mod 11 = 10  -> second weighting.
    // weights 3 4 5 6 7 8 9 10 11 1 2:
    //   27 + 0 + 0 + 30 + 7 + 40 + 27 + 0 + 0 + 9 + 0 = 140;  140 mod 11 = 8.
    let info = iin::validate("900515300908").unwrap();
    assert_eq!(info.birth_date, d("1990-05-15"));
    assert_eq!(info.serial(), 90);
    assert_eq!(iin::make(d("1990-05-15"), Sex::Male, 90).as_deref(), Some("900515300908"));
}

#[test]
fn both_weightings_ten_is_check_digit_ten() {
    // 9 0 0 5 1 5 3 0 0 9 1: first sum 175 + 11 = 186 ≡ 10 (mod 11);
    // second 140 + 2 = 142 ≡ 10 (mod 11). No 12th digit can make it valid.
    for last in 0..=9 {
        assert_eq!(iin::validate(&format!("90051530091{last}")), Err(IinError::CheckDigitTen));
    }
    assert_eq!(iin::make(d("1990-05-15"), Sex::Male, 91), None);
}

#[test]
fn female_and_centuries() {
    let f = iin::make(d("1985-03-14"), Sex::Female, 101).unwrap();
    assert_eq!(&f[6..7], "4");
    let v = iin::validate(&f).unwrap();
    assert_eq!((v.birth_date, v.sex), (d("1985-03-14"), Sex::Female));

    let m2000 = iin::make(d("2011-09-02"), Sex::Male, 138).unwrap();
    assert_eq!(&m2000[6..7], "5");
    assert_eq!(iin::validate(&m2000).unwrap().birth_date, d("2011-09-02"));

    let f1800 = iin::make(d("1899-12-31"), Sex::Female, 5).unwrap();
    assert_eq!(&f1800[6..7], "2");
    assert_eq!(iin::validate(&f1800).unwrap().birth_date, d("1899-12-31"));

    assert_eq!(iin::make(d("1799-01-01"), Sex::Male, 1), None);
    assert_eq!(iin::make(d("2100-01-01"), Sex::Male, 1), None);
    assert_eq!(iin::make(d("2000-01-01"), Sex::Male, 10_000), None);
}

#[test]
fn spaces_are_accepted() {
    let want = iin::validate("900515300018").unwrap();
    for s in [
        "  900515300018\n",
        "900515 300018",
        "9005 1530 0018",
        "900 515 300 018",
        "\t900515\u{a0}300018 ",
    ] {
        assert_eq!(iin::validate(s).as_ref(), Ok(&want), "{s:?}");
    }
}

#[test]
fn each_error() {
    assert_eq!(iin::validate(""), Err(IinError::Empty));
    assert_eq!(iin::validate("   \t"), Err(IinError::Empty));
    assert_eq!(iin::validate("90051530001"), Err(IinError::WrongLength { len: 11 }));
    assert_eq!(iin::validate("9005153000181"), Err(IinError::WrongLength { len: 13 }));
    assert_eq!(iin::validate("900515-300018"), Err(IinError::NotDigits));
    assert_eq!(iin::validate("90051530001O"), Err(IinError::NotDigits));
    // Full-width and Arabic-Indic digits are not ASCII digits.
    assert_eq!(iin::validate("９００５１５３０００１８"), Err(IinError::NotDigits));
    assert_eq!(iin::validate("٩٠٠٥١٥٣٠٠٠١٨"), Err(IinError::NotDigits));
    for c in ['0', '7', '8', '9'] {
        let s = format!("900515{c}00018");
        assert_eq!(iin::validate(&s), Err(IinError::BadCentury), "{s}");
    }
    assert_eq!(iin::validate("901315300018"), Err(IinError::BadDate)); // month 13
    assert_eq!(iin::validate("900230300018"), Err(IinError::BadDate)); // 30 February
    assert_eq!(iin::validate("000229300018"), Err(IinError::BadDate)); // 1900 is not leap
    assert_eq!(iin::validate("900515300017"), Err(IinError::BadChecksum));
}

#[test]
fn leap_day_2000_is_a_date() {
    let s = iin::make(d("2000-02-29"), Sex::Female, 7).unwrap();
    assert_eq!(iin::validate(&s).unwrap().birth_date, d("2000-02-29"));
}

#[test]
fn error_codes_are_distinct_and_displayed() {
    let all = [
        IinError::Empty,
        IinError::WrongLength { len: 3 },
        IinError::NotDigits,
        IinError::BadCentury,
        IinError::BadDate,
        IinError::BadChecksum,
        IinError::CheckDigitTen,
    ];
    let codes: HashSet<_> = all.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), all.len());
    assert!(all.iter().all(|e| !e.to_string().is_empty()));
    assert!(codes.iter().all(|c| c.starts_with("iin-")));
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1800-01-01 ..= 2099-12-31
    (-62_091i64..=47_481).prop_map(|days| {
        NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::TimeDelta::days(days)
    })
}

fn any_sex() -> impl Strategy<Value = Sex> {
    prop_oneof![Just(Sex::Male), Just(Sex::Female)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn make_always_validates_and_round_trips(date in any_date(), sex in any_sex(), serial in 0u16..=9999) {
        prop_assume!(date.year() >= 1800 && date.year() <= 2099);
        if let Some(s) = iin::make(date, sex, serial) {
            let info = iin::validate(&s).unwrap();
            prop_assert_eq!(info.birth_date, date);
            prop_assert_eq!(info.sex, sex);
            prop_assert_eq!(info.serial(), serial);
            prop_assert_eq!(info.iin, s);
        } else {
            // Only when both weightings give 10: every check digit is then refused.
            let base = iin::make(date, sex, 0).unwrap_or_default();
            prop_assume!(!base.is_empty());
            let prefix = format!("{}{:04}", &base[..7], serial);
            prop_assert_eq!(iin::validate(&format!("{prefix}0")), Err(IinError::CheckDigitTen));
        }
    }

    #[test]
    fn single_digit_change_is_rejected_or_changes_the_data(
        date in any_date(), sex in any_sex(), serial in 0u16..=9999,
        pos in 0usize..12, delta in 1u8..=9,
    ) {
        prop_assume!(date.year() >= 1800 && date.year() <= 2099);
        let Some(s) = iin::make(date, sex, serial) else { return Ok(()) };
        let mut b = s.clone().into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(b).unwrap();
        if let Ok(info) = iin::validate(&changed) {
            prop_assert!(pos < 11, "a changed check digit must never validate");
            prop_assert!(
                (info.birth_date, info.sex, info.serial()) != (date, sex, serial),
                "{} and {} decode to the same data", s, changed
            );
        }
    }

    #[test]
    fn validate_never_panics(s in "\\PC{0,20}") {
        let _ = iin::validate(&s);
    }

    #[test]
    fn validate_never_panics_on_digit_strings(s in "[0-9 ]{0,16}") {
        let _ = iin::validate(&s);
    }
}

// ---------------------------------------------------------------------------
// The demo registry

#[test]
fn registry_loads() {
    assert_eq!(registry::load_error(), None);
    assert!(registry::people().len() >= 12);
    assert!(!registry::offices().is_empty());
    assert!(!registry::organisations().is_empty());
}

#[test]
fn every_iin_valid_and_consistent() {
    let mut seen = HashSet::new();
    for p in registry::people() {
        let info = iin::validate(&p.iin).unwrap_or_else(|e| panic!("{}: {e}", p.iin));
        assert_eq!(info.birth_date, p.birth_date, "{}", p.iin);
        assert_eq!(info.sex, p.sex, "{}", p.iin);
        assert!(seen.insert(p.iin.clone()), "duplicate {}", p.iin);
        assert_eq!(iin::make(p.birth_date, p.sex, info.serial()).as_deref(), Some(p.iin.as_str()));
    }
}

#[test]
fn family_links_are_symmetric() {
    for p in registry::people() {
        for c in &p.children {
            let child = registry::find(c).unwrap_or_else(|| panic!("{}: no child {c}", p.iin));
            assert!(child.parents.contains(&p.iin), "{c} does not list {}", p.iin);
            assert!(child.birth_date > p.birth_date);
        }
        for parent in &p.parents {
            let par = registry::find(parent).unwrap_or_else(|| panic!("{}: no parent", p.iin));
            assert!(par.children.contains(&p.iin), "{parent} does not list {}", p.iin);
        }
    }
    let kids = registry::children_of(SULTANOVA);
    assert_eq!(kids.len(), 1);
    assert_eq!(kids[0].iin, "110902501384");
    assert_eq!(registry::children_of("131021604719").len(), 0);
    assert_eq!(registry::children_of("000000000000").len(), 0);
}

#[test]
fn required_cases_are_present() {
    let today = d("2026-06-01");
    let people = registry::people();
    assert!(people.iter().any(|p| p.phone.is_none()), "someone without a phone");
    assert!(
        people.iter().filter(|p| p.phone.is_some()).count() > people.len() / 2,
        "most have a phone"
    );
    assert!(
        people.iter().any(|p| !p.id_document.is_valid_on(today) && !p.is_minor_on(today)),
        "an adult with an expired ID"
    );
    assert!(
        people.iter().flat_map(|p| &p.education).any(|e| e.in_digital_documents),
        "a document in the digital-documents service"
    );
    assert!(
        people
            .iter()
            .flat_map(|p| &p.education)
            .any(|e| e.organisation_liquidated && e.kind == EducationKind::TveDiploma),
        "a diploma from a liquidated college"
    );
    let minors: Vec<_> =
        people.iter().filter(|p| p.birth_date.year() >= 2010 && p.is_minor_on(today)).collect();
    assert!(minors.len() >= 2);
    assert!(minors.iter().all(|m| !m.parents.is_empty()));
    for kind in [
        EducationKind::BasicSecondaryCertificate,
        EducationKind::GeneralSecondaryAttestat,
        EducationKind::TveDiploma,
    ] {
        assert!(
            people.iter().flat_map(|p| &p.education).any(|e| e.kind == kind),
            "{}",
            kind.code()
        );
    }
    for kind in [IdKind::IdCard, IdKind::Passport, IdKind::BirthCertificate] {
        assert!(people.iter().any(|p| p.id_document.kind == kind));
    }
}

#[test]
fn kazakh_letters_are_present() {
    let all: String =
        registry::people().iter().map(|p| p.display_name(Lang::Kk).to_lowercase()).collect();
    for c in ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'] {
        assert!(all.contains(c), "no {c}");
    }
}

#[test]
fn phones_are_well_formed() {
    for p in registry::people() {
        if let Some(ph) = &p.phone {
            let b = ph.as_bytes();
            let shape = "+7 7XX XXX XX XX";
            assert_eq!(ph.len(), shape.len(), "{ph}");
            for (c, s) in b.iter().zip(shape.bytes()) {
                match s {
                    b'X' => assert!(c.is_ascii_digit(), "{ph}"),
                    _ => assert_eq!(*c, s, "{ph}"),
                }
            }
        }
    }
}

#[test]
fn people_data_is_complete_and_consistent() {
    for p in registry::people() {
        for lang in Lang::ALL {
            let n = p.display_name(lang);
            assert!(n.split(' ').count() >= 2, "{}: {n}", p.iin);
            assert!(p.address.get(lang).trim().len() > 3, "{}", p.iin);
        }
        assert!(p.display_name(Lang::En).is_ascii(), "{}", p.iin);
        let id = &p.id_document;
        assert!(id.issued >= p.birth_date);
        if let Some(until) = id.valid_until {
            assert!(until > id.issued);
        } else {
            assert_eq!(id.kind, IdKind::BirthCertificate);
        }
        for e in &p.education {
            let org = e.organisation().expect("organisation exists");
            assert_eq!(e.organisation_name, org.name);
            assert_eq!(e.settlement, org.settlement);
            assert_eq!(e.organisation_liquidated, org.liquidated);
            assert!(e.year > p.birth_date.year() + 13, "{}: {}", p.iin, e.number);
            let want = match e.kind {
                EducationKind::TveDiploma => OrganisationKind::College,
                _ => OrganisationKind::School,
            };
            assert_eq!(org.kind, want, "{}", e.number);
        }
    }
}

#[test]
fn places_are_consistent() {
    let ids: HashSet<_> = registry::settlements().iter().map(|s| &s.id).collect();
    for o in registry::offices() {
        assert!(ids.contains(&o.settlement), "{}", o.id);
        assert!(o.name.is_complete() && o.address.is_complete());
    }
    for o in registry::organisations() {
        assert!(ids.contains(&o.settlement), "{}", o.id);
        assert!(o.name.is_complete());
        assert_eq!(o.liquidated, o.archive.is_some(), "{}", o.id);
    }
    for s in registry::settlements() {
        assert!(s.name.is_complete());
    }
    let school = registry::organisation("almaty-gymnasium-25").unwrap();
    let medeu = registry::office("almaty-medeu").unwrap();
    let esil = registry::office("astana-esil").unwrap();
    assert_eq!(school.location_for(medeu), Location::Same);
    assert_eq!(school.location_for(esil), Location::Other);
    assert!(registry::settlement("oskemen").is_some());
}

#[test]
fn lookups() {
    let p = registry::find(" 850314 401018 ").unwrap();
    assert_eq!(p.display_name(Lang::Kk), "Сұлтанова Әйгерім Нұрланқызы");
    assert_eq!(p.display_name(Lang::Ru), "Султанова Айгерим Нурлановна");
    assert_eq!(p.display_name(Lang::En), "Sultanova Aigerim Nurlankyzy");
    assert!(registry::find("900515300018").is_none());
    assert!(registry::find("").is_none());
}

#[test]
fn minority_and_leap_day_birthdays() {
    let p = registry::find("080229505452").unwrap();
    assert_eq!(p.birth_date, d("2008-02-29"));
    assert!(p.is_minor_on(d("2026-02-28")));
    assert!(!p.is_minor_on(d("2026-03-01")));
    assert_eq!(p.age_on(d("2026-03-01")), 18);
    // A leap year: 29 February exists and is the birthday.
    assert_eq!(p.age_on(d("2028-02-28")), 19);
    assert_eq!(p.age_on(d("2028-02-29")), 20);

    let m = registry::find(SULTANOVA).unwrap();
    assert_eq!(m.age_on(d("2003-03-13")), 17);
    assert!(m.is_minor_on(d("2003-03-13")));
    assert!(!m.is_minor_on(d("2003-03-14")));
}

#[test]
fn id_validity_bounds() {
    let expired = registry::find("920705402126").unwrap();
    let id = &expired.id_document;
    assert!(id.is_valid_on(d("2024-08-19")), "the last day counts");
    assert!(!id.is_valid_on(d("2024-08-20")));
    assert!(!id.is_valid_on(d("2014-08-19")), "not before issue");
    let child = registry::find("131021604719").unwrap();
    assert!(child.id_document.is_valid_on(d("2030-01-01")));
}
