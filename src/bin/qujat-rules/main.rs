//! `qujat-rules`: the rules engine on the command line, for checking dates
//! by hand, for scripts (CSV/JSON out), and for the numpy benchmark.
//!
//! Arguments are parsed by hand to keep the dependency list small. Every
//! failure is a one-line message on stderr and exit code 2 (exit 1 is kept
//! for "the IIN is invalid"); nothing here may panic.

mod render;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};

use qujat::engine::calendar::{self, Calendar};
use qujat::engine::catalog;
use qujat::engine::deadline;
use qujat::engine::identity::iin;
use qujat::engine::kztime;
use qujat::engine::service::ServiceId;
use qujat::engine::term::{Channel, Location};

const USAGE: &str = "\
qujat-rules: the Qujat rules and deadline engine on the command line

USAGE:
  qujat-rules calendar --from YYYY-MM-DD --to YYYY-MM-DD
      CSV `date,is_working,reason`, one row per day.
  qujat-rules add-working-days YYYY-MM-DD N
      The N-th working day strictly after the date (N = 0: the first working
      day on or after it).
  qujat-rules add-calendar-days YYYY-MM-DD N
      The date N days later, moved to the next working day if it is not one.
  qujat-rules deadline --service S1|S2|S3 --channel portal|state-corporation|provider
                       --submitted <RFC 3339 instant> [--location same|other]
      The legal deadline with its explanation, as JSON.
  qujat-rules iin <12 digits>
      Validate an IIN (exit 0 valid, 1 invalid).
  qujat-rules bench --queries N
      Time N pseudo-random add-working-days queries.
  qujat-rules fuzz [--inputs N] [--seed S]
      Feed N generated inputs (default 1000000) to every stored
      collection's decoder and what the app does with it, and to every
      parser of typed or imported input; print the count per target and
      in total, and the panics (exit 1 if any).
  qujat-rules --help

Dates are Kazakhstan calendar dates; the calendar covers 2016-01-01..2030-12-31.
Errors: one line on stderr, exit code 2.";

/// A failure to report: a message for stderr, exit code 2. `Quiet` is a
/// closed stdout (`qujat-rules calendar … | head`): not an error worth a line.
enum Fail {
    Msg(String),
    Quiet,
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fail::Quiet
        } else {
            Fail::Msg(e.to_string())
        }
    }
}

macro_rules! fail_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Fail {
            fn from(e: $t) -> Self {
                Fail::Msg(e.to_string())
            }
        }
    )*};
}

fail_from!(
    calendar::CalendarError,
    deadline::DeadlineError,
    kztime::KzTimeError,
    serde_json::Error
);

fn fail<T>(msg: impl Into<String>) -> Result<T, Fail> {
    Err(Fail::Msg(msg.into()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Fail::Msg(msg)) => {
            let _ = writeln!(io::stderr(), "qujat-rules: {msg}");
            ExitCode::from(2)
        }
        Err(Fail::Quiet) => ExitCode::SUCCESS,
    }
}

fn run(args: &[String]) -> Result<u8, Fail> {
    let Some((cmd, rest)) = args.split_first() else {
        return fail("no command given; try `qujat-rules --help`");
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let code = match cmd.as_str() {
        "--help" | "-h" | "help" => {
            writeln!(out, "{USAGE}")?;
            0
        }
        "calendar" => cmd_calendar(rest, &mut out)?,
        "add-working-days" => cmd_add(rest, &mut out, true)?,
        "add-calendar-days" => cmd_add(rest, &mut out, false)?,
        "deadline" => cmd_deadline(rest, &mut out)?,
        "iin" => cmd_iin(rest, &mut out)?,
        "bench" => cmd_bench(rest, &mut out)?,
        "fuzz" => cmd_fuzz(rest, &mut out)?,
        other => {
            return fail(format!(
                "unknown command {other:?}; try `qujat-rules --help`"
            ));
        }
    };
    out.flush()?;
    Ok(code)
}

/// Parses `--key value` / `--key=value` pairs, allowing only `allowed` keys.
fn options<'a>(args: &'a [String], allowed: &[&str]) -> Result<BTreeMap<&'a str, &'a str>, Fail> {
    let mut map = BTreeMap::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let Some(body) = arg.strip_prefix("--") else {
            return fail(format!("unexpected argument {arg:?}"));
        };
        let (key, value) = match body.split_once('=') {
            Some((k, v)) => (k, v),
            None => match it.next() {
                Some(v) => (body, v.as_str()),
                None => return fail(format!("--{body} needs a value")),
            },
        };
        if !allowed.contains(&key) {
            return fail(format!(
                "unknown option --{key} (expected one of: {})",
                allowed
                    .iter()
                    .map(|k| format!("--{k}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if map.insert(key, value).is_some() {
            return fail(format!("--{key} given twice"));
        }
    }
    Ok(map)
}

fn required<'a>(opts: &BTreeMap<&str, &'a str>, key: &str) -> Result<&'a str, Fail> {
    opts.get(key)
        .copied()
        .ok_or_else(|| Fail::Msg(format!("--{key} is required")))
}

fn parse_date(s: &str) -> Result<NaiveDate, Fail> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if ok => Ok(d),
        _ => fail(format!("{s:?} is not a date YYYY-MM-DD")),
    }
}

fn parse_count(s: &str) -> Result<u32, Fail> {
    s.parse::<u32>().map_err(|_| {
        Fail::Msg(format!(
            "{s:?} is not a whole number of days (0..=4294967295)"
        ))
    })
}

fn cal() -> Result<&'static Calendar, Fail> {
    Ok(calendar::calendar()?)
}

fn cmd_fuzz(args: &[String], out: &mut impl Write) -> Result<u8, Fail> {
    let opts = options(args, &["inputs", "seed"])?;
    let inputs = match opts.get("inputs") {
        Some(s) => s
            .parse::<u64>()
            .map_err(|_| Fail::Msg(format!("{s:?} is not a whole number of inputs")))?,
        None => 1_000_000,
    };
    let seed = match opts.get("seed") {
        Some(s) => {
            let hex = s.trim_start_matches("0x");
            u64::from_str_radix(hex, 16)
                .map_err(|_| Fail::Msg(format!("{s:?} is not a seed (hex)")))?
        }
        None => 0x5155_4A41_5400_0012,
    };
    let report = qujat::fuzz::run(inputs, seed);
    for t in &report.targets {
        writeln!(
            out,
            "{:>9} inputs {:>9} decoded {:>3} panics  {}",
            t.inputs, t.decoded, t.panics, t.name
        )?;
    }
    writeln!(
        out,
        "fuzz: {} inputs, {} panics, {:.1} s (seed {:#x})",
        report.inputs(),
        report.panics(),
        report.elapsed.as_secs_f64(),
        report.seed
    )?;
    if let Some(first) = &report.first_panic {
        writeln!(out, "first panic: {first}")?;
    }
    Ok(if report.panics() == 0 { 0 } else { 1 })
}

fn cmd_calendar(args: &[String], out: &mut impl Write) -> Result<u8, Fail> {
    let opts = options(args, &["from", "to"])?;
    let from = parse_date(required(&opts, "from")?)?;
    let to = parse_date(required(&opts, "to")?)?;
    if to < from {
        return fail(format!("--to {to} is before --from {from}"));
    }
    let cal = cal()?;
    // Check both ends first so that no partial CSV is written.
    cal.day(from)?;
    cal.day(to)?;
    writeln!(out, "date,is_working,reason")?;
    for date in from.iter_days().take_while(|d| *d <= to) {
        let day = cal.day(date)?;
        writeln!(out, "{date},{},{}", day.is_working(), day.kind.code())?;
    }
    Ok(0)
}

fn cmd_add(args: &[String], out: &mut impl Write, working: bool) -> Result<u8, Fail> {
    let [date, n] = args else {
        return fail("expected a date YYYY-MM-DD and a number of days");
    };
    let (date, n) = (parse_date(date)?, parse_count(n)?);
    let cal = cal()?;
    let res = if working {
        cal.add_working_days(date, n)?
    } else {
        cal.add_calendar_days(date, n)?
    };
    writeln!(out, "{res}")?;
    Ok(0)
}

fn cmd_deadline(args: &[String], out: &mut impl Write) -> Result<u8, Fail> {
    let opts = options(args, &["service", "channel", "submitted", "location"])?;
    let service_id = required(&opts, "service")?;
    let Ok(id) = ServiceId::parse(service_id) else {
        return fail(format!(
            "unknown service {service_id:?} (expected S1, S2 or S3)"
        ));
    };
    let channel_s = required(&opts, "channel")?;
    let channel = Channel::from_slug(channel_s).ok_or_else(|| {
        Fail::Msg(format!(
            "unknown channel {channel_s:?} (expected portal, state-corporation or provider)"
        ))
    })?;
    let submitted = kztime::parse_instant(required(&opts, "submitted")?)?;
    let location = match opts.get("location").copied() {
        None => None,
        Some("same") => Some(Location::Same),
        Some("other") => Some(Location::Other),
        Some(l) => return fail(format!("unknown location {l:?} (expected same or other)")),
    };
    let service = catalog::service(id);
    let for_channel: Vec<_> = service
        .terms
        .iter()
        .filter(|t| t.channel == channel)
        .collect();
    if for_channel.is_empty() {
        return fail(format!(
            "service {service_id} cannot be applied for via {channel_s} (its channels: {})",
            channels_of(&service.terms)
        ));
    }
    let by_location = for_channel.iter().any(|t| t.location.is_some());
    if location.is_some() && !by_location {
        return fail(format!(
            "--location does not apply to {service_id} via {channel_s}"
        ));
    }
    let dl = deadline::deadline_for(&service.terms, channel, location, submitted, cal()?)?;
    let used_location = by_location.then(|| location.unwrap_or(Location::Other));
    let json = serde_json::json!({
        "service": service_id,
        "channel": channel.slug(),
        "location": used_location,
        "submitted": submitted.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        "accepted_on": dl.accepted_on,
        "due": dl.due,
        "explanation": {
            "steps": dl.explanation.steps,
            "assumptions": dl.explanation.assumptions,
            "text": render::english_lines(&dl.explanation),
        },
    });
    writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    Ok(0)
}

fn channels_of(terms: &[qujat::engine::term::Term]) -> String {
    let mut v: Vec<&str> = terms.iter().map(|t| t.channel.slug()).collect();
    v.sort_unstable();
    v.dedup();
    v.join(", ")
}

fn cmd_iin(args: &[String], out: &mut impl Write) -> Result<u8, Fail> {
    let [input] = args else {
        return fail("expected one IIN (12 digits)");
    };
    match iin::validate(input) {
        Ok(info) => {
            writeln!(out, "valid: born {}, {}", info.birth_date, info.sex.code())?;
            Ok(0)
        }
        Err(e) => {
            writeln!(out, "invalid: {e}")?;
            Ok(1)
        }
    }
}

/// xorshift64*: small, fast, deterministic; the numpy script uses the same.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn cmd_bench(args: &[String], out: &mut impl Write) -> Result<u8, Fail> {
    let opts = options(args, &["queries"])?;
    let n: usize = required(&opts, "queries")?
        .parse()
        .ok()
        .filter(|&n| n > 0 && n <= 100_000_000)
        .ok_or_else(|| Fail::Msg("--queries must be a whole number in 1..=100000000".into()))?;
    let cal = cal()?;
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).ok_or_else(|| Fail::Msg("date".into()))?;
    let last = NaiveDate::from_ymd_opt(2029, 12, 31).ok_or_else(|| Fail::Msg("date".into()))?;
    let span = (last - first).num_days() as u64 + 1;
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut queries = Vec::with_capacity(n);
    for _ in 0..n {
        let day = first + chrono::Days::new(rng.next() % span);
        let k = (rng.next() % 30) as u32 + 1;
        queries.push((day, k));
    }
    let start = Instant::now();
    let mut checksum: i64 = 0;
    let mut errors = 0usize;
    for &(day, k) in &queries {
        match cal.add_working_days(black_box(day), black_box(k)) {
            Ok(r) => checksum += i64::from(r.num_days_from_ce()),
            Err(_) => errors += 1,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    black_box(checksum);
    writeln!(out, "checksum {checksum}, errors {errors}")?;
    writeln!(
        out,
        "{n} queries in {secs:.6} s: {:.2} ns/query",
        secs * 1e9 / n as f64
    )?;
    Ok(0)
}
