//! The fuzz harness (issue 12, item 10) in every `cargo test`: a small run
//! over every target with zero panics, and proof that the harness catches
//! the panics main had (`.ci/test` runs a million inputs in its `fuzz`
//! stage with `qujat-rules fuzz`).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeDelta, Utc};

use qujat::engine::demo_clock;
use qujat::engine::signing::otp;
use qujat::fuzz::{self, Gen, Target};

#[test]
fn a_small_run_over_every_target_finds_no_panic() {
    let report = fuzz::run(20_000, 0x7E57);
    assert_eq!(report.inputs(), 20_000);
    assert!(report.targets.len() >= 20, "{:?}", report.targets);
    assert!(report.targets.iter().all(|t| t.inputs > 0));
    // Mutated stored examples get past the decoders often enough to test
    // what the app does with the data.
    for t in report.targets.iter().filter(|t| t.name.starts_with("stored ")) {
        assert!(t.decoded * 20 > t.inputs, "{}: {} of {} decoded", t.name, t.decoded, t.inputs);
    }
    assert_eq!(report.panics(), 0, "{:?}", report.first_panic);
}

/// How main grouped an SMS code for screen readers: by bytes.
fn spaced_on_main(code: &str) -> String {
    if code.len() == 6 { format!("{} {}", &code[..3], &code[3..]) } else { code.to_string() }
}

/// How main moved real time by the stored demo-clock offset.
fn demo_now_on_main(real: DateTime<Utc>, offset_ms: i64) -> DateTime<Utc> {
    real + TimeDelta::milliseconds(offset_ms)
}

#[test]
fn the_harness_catches_the_panics_main_had_and_the_fixes_have_none() {
    let sms = |fixed: bool| Target {
        name: "sms code".into(),
        weight: 1,
        run: Box::new(move |g: &mut Gen| {
            let code = g.text(6);
            if fixed {
                otp::spaced(&code);
            } else {
                spaced_on_main(&code);
            }
            true
        }),
    };
    let clock = |fixed: bool| Target {
        name: "clock offset".into(),
        weight: 1,
        run: Box::new(move |g: &mut Gen| {
            let offset = g.number().as_i64().unwrap_or(i64::MAX);
            let real = g.instant();
            if fixed {
                demo_clock::demo_now(real, offset);
            } else {
                demo_now_on_main(real, offset);
            }
            true
        }),
    };
    let before = fuzz::run_targets(vec![sms(false), clock(false)], 4_000, 1);
    assert!(before.targets.iter().all(|t| t.panics > 0), "{:?}", before.targets);
    assert!(before.first_panic.is_some());
    let after = fuzz::run_targets(vec![sms(true), clock(true)], 4_000, 1);
    assert_eq!(after.panics(), 0, "{:?}", after.first_panic);
    // "ééaa" is six bytes and four characters: main sliced it mid-character.
    assert!(std::panic::catch_unwind(|| spaced_on_main("ééaa")).is_err());
    assert_eq!(otp::spaced("ééaa"), "ééaa");
}
