//! The `qujat-rules` binary, run as a user would: outputs, exit codes, and
//! one-line errors (never a panic).
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

use qujat::engine::catalog;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qujat-rules")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A usage error: exit 2, nothing on stdout, exactly one line on stderr
/// naming the problem, and no panic message.
fn assert_usage_error(args: &[&str], needle: &str) {
    let o = run(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(stdout(&o).is_empty(), "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
}

#[test]
fn help_prints_usage() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for cmd in [
        "calendar",
        "add-working-days",
        "add-calendar-days",
        "deadline",
        "iin",
        "bench",
        "slots",
        "offices",
    ] {
        assert!(out.contains(cmd), "{cmd}");
    }
    assert!(out.contains("exit code 2"), "{out}");
    assert!(stderr(&o).is_empty());
    // `help` and `-h` say the same.
    for args in [&["help"][..], &["-h"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).contains("offices"), "{args:?}");
    }
}

/// Each subcommand has its own `--help` (and `help <cmd>`): exit 0, on
/// stdout, naming its options.
#[test]
fn every_subcommand_has_its_own_help() {
    for (cmd, needles) in [
        ("calendar", &["--from <YYYY-MM-DD>", "--to <YYYY-MM-DD>"][..]),
        ("add-working-days", &["<DATE>", "<N>"]),
        ("add-calendar-days", &["<DATE>", "<N>"]),
        ("deadline", &["--service", "--channel", "--submitted", "--location"]),
        ("iin", &["<IIN>"]),
        ("bench", &["--queries <N>"]),
        (
            "slots",
            &[
                "--service",
                "--office <ID>",
                "--date",
                "--purpose",
                "--provider",
                "--json",
                "time,free",
            ],
        ),
        ("offices", &["id,settlement,region"]),
    ] {
        for args in [vec![cmd, "--help"], vec!["help", cmd]] {
            let o = run(&args);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(out.contains(&format!("qujat-rules {cmd}")), "{args:?}: {out}");
            for n in needles {
                assert!(out.contains(n), "{args:?} lacks {n:?}: {out}");
            }
        }
    }
}

#[test]
fn calendar_csv() {
    let o = run(&["calendar", "--from", "2024-03-20", "--to", "2024-05-09"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "date,is_working,reason");
    assert_eq!(lines.len(), 1 + 51);
    for row in [
        "2024-03-20,true,working",
        "2024-03-21,false,holiday:nauryz",
        "2024-03-23,false,holiday:nauryz",
        "2024-03-24,false,weekend",
        "2024-03-25,false,moved:nauryz:2024-03-23",
        "2024-05-04,true,transfer-working:2024-05-08",
        "2024-05-08,false,transfer-off:2024-05-04",
        "2024-05-09,false,holiday:victory-day",
    ] {
        assert!(lines.contains(&row), "{row}");
    }
    // The --key=value form works too.
    let o = run(&["calendar", "--from=2016-01-01", "--to=2030-12-31"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().count(), 1 + 5479);
}

#[test]
fn add_working_and_calendar_days() {
    let one = |args: &[&str]| {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o).trim().to_string()
    };
    assert_eq!(one(&["add-working-days", "2025-03-20", "1"]), "2025-03-26");
    assert_eq!(one(&["add-working-days", "2025-03-26", "15"]), "2025-04-16");
    assert_eq!(one(&["add-working-days", "2025-03-21", "0"]), "2025-03-26");
    assert_eq!(one(&["add-calendar-days", "2025-03-01", "20"]), "2025-03-26");
    assert_eq!(one(&["add-calendar-days", "2025-04-01", "20"]), "2025-04-21");
}

#[test]
fn bad_arguments_are_one_line_errors_with_exit_2() {
    assert_usage_error(&[], "no command");
    assert_usage_error(&["frobnicate"], "unknown command");
    // clap names the missing positional and the usage (was "expected a date
    // YYYY-MM-DD and a number of days").
    assert_usage_error(&["add-working-days", "2025-03-20"], "<N> is required");
    assert_usage_error(
        &["add-working-days", "2025-03-20"],
        "usage: qujat-rules add-working-days <DATE> <N>",
    );
    assert_usage_error(&["add-working-days", "20.03.2025", "1"], "not a date");
    assert_usage_error(&["add-working-days", "2025-02-30", "1"], "not a date");
    assert_usage_error(&["add-working-days", "2025-03-20", "-1"], "whole number");
    assert_usage_error(&["add-working-days", "2025-03-20", "x"], "whole number");
    assert_usage_error(
        &["add-working-days", "2031-01-01", "1"],
        "outside the working-day calendar",
    );
    assert_usage_error(&["add-working-days", "2030-12-30", "10"], "past the end");
    assert_usage_error(&["add-calendar-days", "2015-12-31", "1"], "outside");
    assert_usage_error(&["add-calendar-days", "2025-01-01", "4294967295"], "past the end");
    assert_usage_error(&["calendar", "--from", "2025-01-01"], "--to is required");
    assert_usage_error(&["calendar", "--from", "2025-01-02", "--to", "2025-01-01"], "before");
    assert_usage_error(&["calendar", "--from", "2015-01-01", "--to", "2025-01-01"], "outside");
    assert_usage_error(&["calendar", "--from", "2025-01-01", "--to"], "needs a value");
    assert_usage_error(&["calendar", "--since", "2025-01-01"], "unknown option --since");
    assert_usage_error(
        &["calendar", "--from", "2025-01-01", "--from", "2025-01-02"],
        "given twice",
    );
    assert_usage_error(&["calendar", "2025-01-01"], "unexpected argument");
    assert_usage_error(&["bench", "--queries", "0"], "--queries");
    assert_usage_error(&["bench"], "--queries is required");
    fn dl<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut v = vec!["deadline"];
        v.extend_from_slice(extra);
        v
    }
    assert_usage_error(
        &dl(&["--service", "S9", "--channel", "portal", "--submitted", "2025-03-20T10:00:00Z"]),
        "unknown service",
    );
    assert_usage_error(
        &dl(&["--service", "S2", "--channel", "post", "--submitted", "2025-03-20T10:00:00Z"]),
        "unknown channel",
    );
    assert_usage_error(
        &dl(&["--service", "S2", "--channel", "portal", "--submitted", "2025-03-20 19:30"]),
        "RFC 3339",
    );
    assert_usage_error(
        &dl(&[
            "--service",
            "S3",
            "--channel",
            "state-corporation",
            "--submitted",
            "2025-03-20T10:00:00Z",
            "--location",
            "near",
        ]),
        "unknown location",
    );
    assert_usage_error(&dl(&["--service", "S2", "--channel", "portal"]), "--submitted is required");
}

#[test]
fn bench_reports_ns_per_query_on_its_last_line() {
    let o = run(&["bench", "--queries", "20000"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let last = out.lines().last().unwrap();
    let (n, rest) = last.split_once(" queries in ").unwrap();
    assert_eq!(n, "20000");
    let (secs, rest) = rest.split_once(" s: ").unwrap();
    let ns = rest.strip_suffix(" ns/query").unwrap();
    let secs: f64 = secs.parse().unwrap();
    let ns: f64 = ns.parse().unwrap();
    assert!(secs > 0.0 && ns > 0.0);
    assert!((secs * 1e9 / 20000.0 - ns).abs() < 0.01 + ns * 0.01, "{last}");
    assert!(out.contains("errors 0"), "{out}");
}

#[test]
fn iin_subcommand() {
    // 900515301234: born 15 May 1990, century/sex digit 3 = male, check digit 4.
    let o = run(&["iin", "900515301234"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(stdout(&o).trim(), "valid: born 1990-05-15, male");
    let o = run(&["iin", "900515301235"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("invalid: ") && out.lines().count() == 1, "{out}");
    let o = run(&["iin", "12345"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("invalid: "));
    assert_usage_error(&["iin"], "IIN");
    assert_usage_error(&["iin", "900515301234", "x"], "IIN");
}

/// Runs `deadline` and returns the JSON, or, while the catalogue has no data
/// for the service, checks the clear error and returns `None`.
fn deadline(
    service: &str, channel: &str, submitted: &str, location: Option<&str>,
) -> Option<serde_json::Value> {
    let mut args =
        vec!["deadline", "--service", service, "--channel", channel, "--submitted", submitted];
    if let Some(l) = location {
        args.extend(["--location", l]);
    }
    if catalog::find(service).is_none() {
        assert_usage_error(&args, "not in the catalogue");
        return None;
    }
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    Some(serde_json::from_str(&stdout(&o)).unwrap())
}

fn dates(v: &serde_json::Value) -> (String, String) {
    (v["accepted_on"].as_str().unwrap().to_string(), v["due"].as_str().unwrap().to_string())
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn deadline_s2_portal() {
    // After the 18:00 cut-off on Thu 20 Mar 2025: 21-25 Mar are Nauryz, its
    // moved days and the weekend, so day 0 is Wed 26 Mar; +15 working days.
    if let Some(v) = deadline("S2", "portal", "2025-03-20T19:30:00+05:00", None) {
        assert_eq!(dates(&v), pair("2025-03-26", "2025-04-16"));
        assert_eq!(v["service"], "S2");
        assert_eq!(v["channel"], "portal");
        assert_eq!(v["submitted"], "2025-03-20T14:30:00Z");
        let steps = v["explanation"]["steps"].as_array().unwrap();
        assert!(steps.iter().any(|s| s["step"] == "after-hours"));
        assert!(steps.iter().any(|s| s["step"] == "skipped" && s["why"]["holiday"] == "nauryz"));
        let text = v["explanation"]["text"].as_array().unwrap();
        assert!(text.iter().any(|l| l.as_str().unwrap().contains("Nauryz")));
        assert!(v["explanation"]["assumptions"].is_array());
    }
    // 10:00 on a working day: day 0 is that day.
    if let Some(v) = deadline("S2", "portal", "2025-04-01T10:00:00+05:00", None) {
        assert_eq!(dates(&v), pair("2025-04-01", "2025-04-22"));
    }
}

#[test]
fn deadline_s1_twenty_calendar_days() {
    if let Some(v) = deadline("S1", "provider", "2025-03-01T11:00:00+05:00", None) {
        // Day 20 is Fri 21 Mar (Nauryz): the date stays (RULES.md §5.2),
        // and the explanation says the offices are closed that day.
        assert_eq!(dates(&v), pair("2025-03-01", "2025-03-21"));
        let steps = v["explanation"]["steps"].as_array().unwrap();
        assert!(steps.iter().any(|s| s["step"] == "due-on-day-off"), "{steps:?}");
        assert!(!steps.iter().any(|s| s["step"] == "moved-to-working-day"));
    }
    if let Some(v) = deadline("S1", "provider", "2025-04-01T11:00:00+05:00", None) {
        assert_eq!(dates(&v), pair("2025-04-01", "2025-04-21"));
    }
    if catalog::find("S1").is_some() {
        assert_usage_error(
            &[
                "deadline",
                "--service",
                "S1",
                "--channel",
                "portal",
                "--submitted",
                "2025-04-01T10:00:00Z",
            ],
            "cannot be applied for via portal",
        );
    }
}

#[test]
fn deadline_s3_by_channel_and_location() {
    let sub = "2025-03-19T11:00:00+05:00";
    if let Some(v) = deadline("S3", "provider", sub, None) {
        assert_eq!(dates(&v), pair("2025-03-19", "2025-03-27"));
    }
    if let Some(v) = deadline("S3", "state-corporation", sub, Some("same")) {
        assert_eq!(dates(&v).1, "2025-03-27");
        assert_eq!(v["location"], "same");
    }
    if let Some(v) = deadline("S3", "state-corporation", sub, Some("other")) {
        assert_eq!(dates(&v).1, "2025-04-03");
    }
    // No location: 8 working days, and the output says so (C-24).
    if let Some(v) = deadline("S3", "state-corporation", sub, None) {
        assert_eq!(dates(&v).1, "2025-04-03");
        assert_eq!(v["location"], "other");
        let steps = v["explanation"]["steps"].as_array().unwrap();
        assert!(steps.iter().any(|s| s["step"] == "location-assumed"));
        let assumptions = v["explanation"]["assumptions"].as_array().unwrap();
        assert!(assumptions.iter().any(|a| a["rule"] == "C-24"));
    }
    if catalog::find("S3").is_some() {
        assert_usage_error(
            &["deadline", "--service", "S3", "--channel", "portal", "--submitted", sub],
            "cannot be applied for via portal",
        );
        assert_usage_error(
            &[
                "deadline",
                "--service",
                "S3",
                "--channel",
                "provider",
                "--submitted",
                sub,
                "--location",
                "same",
            ],
            "--location does not apply",
        );
    }
}

/// Issue 11, item 8: S3 at the State Corporation prints the provider's
/// delivery of the result to the State Corporation (F003 L14, C-26) with
/// its citation; other services and channels have no such milestone.
#[test]
fn deadline_s3_prints_the_provider_delivery_milestone() {
    let sub = "2025-03-19T11:00:00+05:00";
    let Some(v) = deadline("S3", "state-corporation", sub, Some("same")) else {
        return;
    };
    assert_eq!(dates(&v).1, "2025-03-27");
    let m = &v["milestones"][0];
    assert_eq!(m["id"], "provider-delivery");
    // The working day before Thursday 27 March.
    assert_eq!(m["date"], "2025-03-26");
    let text: Vec<&str> =
        m["explanation"]["text"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(
        text.iter().any(|l| l.contains("delivers the result to the State Corporation")
            && l.contains("F003 item 3 1) KZ, L14")
            && l.contains("C-26")),
        "{text:?}"
    );
    assert_eq!(m["explanation"]["assumptions"][0]["rule"], "C-26");
    for (s, ch) in [("S3", "provider"), ("S1", "state-corporation"), ("S2", "portal")] {
        if let Some(v) = deadline(s, ch, sub, None) {
            assert_eq!(v["milestones"], serde_json::json!([]), "{s} {ch}");
        }
    }
}

/// Item 14: `--region` reads the hand-in on that region's clock.
#[test]
fn deadline_reads_the_regions_clock() {
    let args = |region: &'static str| {
        vec![
            "deadline",
            "--service",
            "S2",
            "--channel",
            "portal",
            "--submitted",
            "2023-02-14T17:30:00+05:00",
            "--region",
            region,
        ]
    };
    let o = run(&args("aktobe"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["accepted_on"], "2023-02-14");
    assert_eq!(v["region"], "aktobe");
    let o = run(&args("almaty-city"));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["accepted_on"], "2023-02-15");
    assert_usage_error(&args("atlantis"), "unknown region");
}

fn csv_rows(args: &[&str]) -> Vec<String> {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    stdout(&o).lines().map(str::to_string).collect()
}

#[test]
fn offices_csv_lists_every_demo_office() {
    let rows = csv_rows(&["offices"]);
    assert_eq!(rows[0], "id,settlement,region,duty,windows,name");
    assert_eq!(rows.len(), 1 + qujat::engine::queue::offices().len());
    // A field with a comma is quoted; the region column is empty while the
    // registry records no region for the settlement.
    let bostandyk = rows.iter().find(|r| r.starts_with("almaty-bostandyk,")).unwrap();
    assert!(
        bostandyk.ends_with(",true,3,\"Public Service Centre, Bostandyk District, Almaty\""),
        "{bostandyk}"
    );
    // The offices the scenarios need: the provider's settlement and another
    // for S3; East Kazakhstan (Oskemen, Semey) for S2 collection.
    for id in ["almaty-medeu", "kaskelen-karasai", "oskemen-city", "semey-city"] {
        assert!(rows.iter().any(|r| r.starts_with(&format!("{id},"))), "{id}");
    }
    // The region column is the registry's: filled exactly when it records one.
    for o in qujat::engine::queue::offices() {
        let row = rows.iter().find(|r| r.starts_with(&format!("{},", o.id))).unwrap();
        let cols: Vec<&str> = row.splitn(4, ',').collect();
        assert_eq!(cols[1], o.settlement);
        assert_eq!(cols[2], o.region.as_deref().unwrap_or(""));
    }
}

/// `slots --service <service> --office <office> --date <date>`, then `extra`.
fn slots_args<'a>(
    service: &'a str, office: &'a str, date: &'a str, extra: &[&'a str],
) -> Vec<&'a str> {
    let mut v = vec!["slots", "--service", service, "--office", office, "--date", date];
    v.extend_from_slice(extra);
    v
}

#[test]
fn slots_csv_within_the_hours_of_the_service() {
    // Wednesday 19 March 2025, S3 at an ordinary office: 9.00–18.00 in
    // 15-minute slots, two windows each (queue.toml).
    let rows = csv_rows(&slots_args("S3", "almaty-medeu", "2025-03-19", &[]));
    assert_eq!(rows[0], "time,free");
    assert_eq!(rows.len(), 1 + 36);
    assert_eq!(rows[1], "09:00,2");
    assert_eq!(rows.last().unwrap(), "17:45,2");
    // Saturday: S3 only at a duty department, 9.00–13.00 (F003 item 7 2)).
    let duty = csv_rows(&slots_args("S3", "almaty-bostandyk", "2025-03-15", &[]));
    assert_eq!(duty.len(), 1 + 16);
    assert_eq!(duty.last().unwrap(), "12:45,3");
    let plain = csv_rows(&slots_args("S3", "almaty-medeu", "2025-03-15", &[]));
    assert_eq!(plain, vec!["time,free"]);
    // Nauryz (21 March 2025): closed, the header only.
    let holiday = csv_rows(&slots_args("S3", "almaty-bostandyk", "2025-03-21", &[]));
    assert_eq!(holiday, vec!["time,free"]);
    // Saturday 4 May 2024 was a decreed working day instead of Wednesday
    // 8 May: a Wednesday's hours, and 8 May closed.
    let worked = csv_rows(&slots_args("S3", "almaty-medeu", "2024-05-04", &[]));
    assert_eq!(worked.len(), 1 + 36);
    let off = csv_rows(&slots_args("S3", "almaty-medeu", "2024-05-08", &[]));
    assert_eq!(off, vec!["time,free"]);
}

#[test]
fn slots_json_explains_hours_length_and_capacity() {
    let o = run(&slots_args("S3", "almaty-bostandyk", "2025-03-15", &["--json"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["opening"]["state"], "open");
    assert_eq!(v["opening"]["schedule"]["id"], "state-corporation-duty-saturday");
    assert_eq!(v["length"]["minutes"], 15);
    assert_eq!(v["length_basis"]["status"], "assumption");
    assert_eq!(v["capacity_basis"]["status"], "assumption");
    assert_eq!(v["slots"].as_array().unwrap().len(), 16);
}

#[test]
fn slots_where_the_seeds_give_no_booking_say_so() {
    let one = |args: &[&str]| {
        let rows = csv_rows(args);
        assert_eq!(rows.len(), 1, "{rows:?}");
        rows[0].clone()
    };
    let s1 = one(&slots_args("S1", "almaty-medeu", "2025-03-19", &[]));
    assert!(s1.starts_with("no booking: the seeds give no booking for S1"), "{s1}");
    assert!(s1.contains("come without one"), "{s1}");
    assert!(s1.contains("legal maximum wait 15 min [F000"), "{s1}");
    assert!(s1.contains("L15"), "{s1}");
    let s3 = one(&slots_args("S3", "almaty-medeu", "2025-03-19", &["--purpose", "collect"]));
    assert!(s3.contains("no booking for S3 (collecting the result)"), "{s3}");
    // S2 outside East Kazakhstan: the booking is F002's, for that region.
    let s2 = one(&slots_args(
        "S2",
        "shymkent-abai",
        "2025-03-19",
        &["--provider", "shymkent-school-12"],
    ));
    assert!(s2.contains("only for a provider in east-kazakhstan"), "{s2}");
    assert!(s2.contains("applied to collecting as an interpretation"), "{s2}");
}

#[test]
fn slots_bad_arguments_are_one_line_errors_with_exit_2() {
    let base = ["slots", "--service", "S3", "--office", "almaty-medeu", "--date"];
    let with = |extra: &[&'static str]| {
        let mut v = base.to_vec();
        v.extend_from_slice(extra);
        v
    };
    assert_usage_error(&with(&["2025-03-19", "--office", "x"]), "--office given twice");
    assert_usage_error(&with(&["19.03.2025"]), "not a date");
    assert_usage_error(&with(&["2031-01-01"]), "outside");
    assert_usage_error(&with(&["2025-03-19", "--purpose", "lunch"]), "unknown purpose");
    assert_usage_error(&with(&["2025-03-19", "--provider", "nobody"]), "unknown provider");
    assert_usage_error(
        &slots_args("S3", "nowhere", "2025-03-19", &[]),
        "unknown office \"nowhere\"",
    );
    assert_usage_error(
        &["slots", "--service", "S3", "--date", "2025-03-19"],
        "--office is required",
    );
    assert_usage_error(&["offices", "--all"], "unknown option --all");
}
