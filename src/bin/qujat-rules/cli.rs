//! The subcommands: each takes its parsed arguments ([`Command`])
//! and writes to stdout; a failure is a [`Fail`], which `main` turns into
//! one line on stderr and exit code 2.

use std::hint::black_box;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use clap::Parser;

use qujat::engine::calendar::{self, Calendar};
use qujat::engine::catalog;
use qujat::engine::deadline;
use qujat::engine::identity::iin;
use qujat::engine::lifecycle;
use qujat::engine::queue::{self, ProviderPlace, Purpose, SlotsAnswer};
use qujat::engine::service::ServiceId;
use qujat::engine::source::Lang;
use qujat::engine::term::{Channel, Location};

use crate::args::{Cli, Command, DaysArgs, SlotsQuery, one_line};
use crate::render;

/// A failure to report: a message for stderr, exit code 2. `Quiet` is a
/// closed stdout (`qujat-rules calendar … | head`): not an error worth a line.
enum Fail {
    Msg(String),
    Quiet,
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe { Fail::Quiet } else { Fail::Msg(e.to_string()) }
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

fail_from!(calendar::CalendarError, deadline::DeadlineError, queue::QueueError, serde_json::Error);

fn fail<T>(msg: impl Into<String>) -> Result<T, Fail> {
    Err(Fail::Msg(msg.into()))
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help (of the tool or of a subcommand): stdout, exit 0.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "qujat-rules: {}", one_line(&e));
            return ExitCode::from(2);
        }
    };
    match run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(Fail::Msg(msg)) => {
            let _ = writeln!(io::stderr(), "qujat-rules: {msg}");
            ExitCode::from(2)
        }
        Err(Fail::Quiet) => ExitCode::SUCCESS,
    }
}

fn run(command: Command) -> Result<u8, Fail> {
    let mut out = BufWriter::new(io::stdout().lock());
    let code = match command {
        Command::Calendar { from, to } => cmd_calendar(from, to, &mut out)?,
        Command::AddWorkingDays(days) => cmd_add(days, &mut out, true)?,
        Command::AddCalendarDays(days) => cmd_add(days, &mut out, false)?,
        Command::Deadline { service, channel, submitted, location, region } => {
            cmd_deadline(service, channel, submitted, location, region.as_deref(), &mut out)?
        }
        Command::Iin { iin } => cmd_iin(&iin, &mut out)?,
        Command::Bench { queries } => cmd_bench(queries, &mut out)?,
        Command::Slots(q) => cmd_slots(q, &mut out)?,
        Command::Offices => cmd_offices(&mut out)?,
        Command::Fuzz { inputs, seed } => cmd_fuzz(inputs, seed, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}

fn cal() -> Result<&'static Calendar, Fail> {
    Ok(calendar::calendar()?)
}

fn cmd_calendar(from: NaiveDate, to: NaiveDate, out: &mut impl Write) -> Result<u8, Fail> {
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

fn cmd_add(days: DaysArgs, out: &mut impl Write, working: bool) -> Result<u8, Fail> {
    let DaysArgs { date, n } = days;
    let cal = cal()?;
    let res =
        if working { cal.add_working_days(date, n)? } else { cal.add_calendar_days(date, n)? };
    writeln!(out, "{res}")?;
    Ok(0)
}

fn cmd_deadline(
    id: ServiceId, channel: Channel, submitted: DateTime<Utc>, location: Option<Location>,
    region_id: Option<&str>, out: &mut impl Write,
) -> Result<u8, Fail> {
    let service = catalog::service(id);
    let for_channel: Vec<_> = service.terms.iter().filter(|t| t.channel == channel).collect();
    let channel_s = channel.slug();
    if for_channel.is_empty() {
        return fail(format!(
            "service {id} cannot be applied for via {channel_s} (its channels: {})",
            channels_of(&service.terms)
        ));
    }
    let by_location = for_channel.iter().any(|t| t.location.is_some());
    if location.is_some() && !by_location {
        return fail(format!("--location does not apply to {id} via {channel_s}"));
    }
    let dl =
        deadline::deadline_for_in(&service.terms, channel, location, submitted, cal()?, region_id)?;
    let used_location = by_location.then(|| location.unwrap_or(Location::Other));
    let ctx = lifecycle::Ctx::embedded(id, channel)
        .map_err(|e| Fail::Msg(e.to_string()))?
        .in_region(region_id);
    let mut milestones = Vec::new();
    if lifecycle::delivers_to_state_corporation(&ctx) {
        let m = deadline::provider_delivery_due(dl.due, cal()?)?;
        milestones.push(serde_json::json!({
            "id": lifecycle::PROVIDER_DELIVERY,
            "date": m.date,
            "explanation": {
                "steps": m.explanation.steps,
                "assumptions": m.explanation.assumptions,
                "text": render::english_lines(&m.explanation),
            },
        }));
    }
    let json = serde_json::json!({
        "service": id,
        "channel": channel_s,
        "location": used_location,
        "region": region_id,
        "submitted": submitted.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        "accepted_on": dl.accepted_on,
        "due": dl.due,
        "explanation": {
            "steps": dl.explanation.steps,
            "assumptions": dl.explanation.assumptions,
            "text": render::english_lines(&dl.explanation),
        },
        "milestones": milestones,
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

fn cmd_iin(input: &str, out: &mut impl Write) -> Result<u8, Fail> {
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

fn cmd_slots(q: SlotsQuery, out: &mut impl Write) -> Result<u8, Fail> {
    let office = queue::office(&q.office).ok_or_else(|| {
        Fail::Msg(format!("unknown office {:?} (see `qujat-rules offices`)", q.office))
    })?;
    let provider = match &q.provider {
        None => None,
        Some(id) => Some(ProviderPlace::of_id(id).ok_or_else(|| {
            Fail::Msg(format!("unknown provider {id:?} (a registry organisation id)"))
        })?),
    };
    // Without --purpose: the one the seeds let this service book, if any.
    let purpose = q.purpose.unwrap_or_else(|| {
        queue::data()
            .booking
            .iter()
            .find(|b| b.service == q.service)
            .map_or(Purpose::HandIn, |b| b.purpose)
    });
    let answer = queue::day_slots(q.service, purpose, office, provider.as_ref(), q.date, &[])?;
    match answer {
        SlotsAnswer::NoBooking(no) => {
            if q.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&no)?)?;
            } else {
                writeln!(out, "{}", no.english())?;
            }
        }
        SlotsAnswer::Slots(day) if q.json => {
            writeln!(out, "{}", serde_json::to_string_pretty(&day)?)?;
        }
        SlotsAnswer::Slots(day) => {
            writeln!(out, "time,free")?;
            for slot in day.slots.iter().filter(|s| !s.is_full()) {
                writeln!(out, "{},{}", slot.start, slot.free())?;
            }
        }
    }
    Ok(0)
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn cmd_fuzz(inputs: u64, seed: u64, out: &mut impl Write) -> Result<u8, Fail> {
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

fn cmd_offices(out: &mut impl Write) -> Result<u8, Fail> {
    if let Some(e) = queue::office::load_error() {
        return fail(e.to_string());
    }
    writeln!(out, "id,settlement,region,duty,windows,name")?;
    for o in queue::offices() {
        writeln!(
            out,
            "{},{},{},{},{},{}",
            csv(&o.id),
            csv(&o.settlement),
            csv(o.region.as_deref().unwrap_or("")),
            o.duty,
            o.windows,
            csv(o.name.get(Lang::En)),
        )?;
    }
    Ok(0)
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

fn cmd_bench(n: usize, out: &mut impl Write) -> Result<u8, Fail> {
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
    writeln!(out, "{n} queries in {secs:.6} s: {:.2} ns/query", secs * 1e9 / n as f64)?;
    Ok(0)
}
