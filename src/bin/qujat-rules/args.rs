//! The command line, as types (clap derive), and clap's errors turned into
//! the tool's one-line messages.
//!
//! Values are parsed by the engine's own parsers (dates, instants, service
//! ids, channels), so a bad value gets the engine's wording, and a command
//! only ever sees well-typed arguments.

use chrono::{DateTime, NaiveDate, Utc};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, Parser, Subcommand};

use qujat::engine::kztime;
use qujat::engine::queue::Purpose;
use qujat::engine::region;
use qujat::engine::service::ServiceId;
use qujat::engine::term::{Channel, Location};

const AFTER_HELP: &str = "\
Dates are Kazakhstan calendar dates; the calendar covers 2016-01-01..2030-12-31.
Errors: one line on stderr, exit code 2 (`iin`: exit 1 for an invalid IIN).";

/// qujat-rules: the Qujat rules and deadline engine on the command line
#[derive(Debug, Parser)]
#[command(
    name = "qujat-rules",
    after_help = AFTER_HELP,
    subcommand_required = true,
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// CSV `date,is_working,reason`, one row per day.
    Calendar {
        /// First day.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: NaiveDate,
        /// Last day (inclusive).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: NaiveDate,
    },
    /// The N-th working day strictly after the date (N = 0: the first
    /// working day on or after it).
    AddWorkingDays(DaysArgs),
    /// The date N days later, moved to the next working day if it is not one.
    AddCalendarDays(DaysArgs),
    /// The legal deadline with its explanation, as JSON, and the milestones
    /// the law sets around it (S3 at the State Corporation: the provider's
    /// delivery of the result a working day before, F003 L14), each cited.
    Deadline {
        /// The service.
        #[arg(long, value_name = "S1|S2|S3", value_parser = parse_service)]
        service: ServiceId,
        /// Where the documents are handed in.
        #[arg(long, value_name = "portal|state-corporation|provider", value_parser = parse_channel)]
        channel: Channel,
        /// The moment of hand-in, e.g. 2025-03-20T19:30:00+05:00.
        #[arg(long, value_name = "RFC 3339 instant", value_parser = parse_instant)]
        submitted: DateTime<Utc>,
        /// S3 at the State Corporation: the office in the provider's
        /// settlement or not (C-24); without it, the longer term.
        #[arg(long, value_name = "same|other", value_parser = parse_location)]
        location: Option<Location>,
        /// The office's region (see `qujat-rules offices`): the hand-in is
        /// read on its clock [default: the national clock].
        #[arg(long, value_name = "REGION", value_parser = parse_region)]
        region: Option<String>,
    },
    /// Validate an IIN (exit 0 valid, 1 invalid).
    Iin {
        /// 12 digits.
        #[arg(value_name = "IIN")]
        iin: String,
    },
    /// Time N pseudo-random add-working-days queries.
    Bench {
        /// How many queries.
        #[arg(long, value_name = "N", value_parser = parse_queries)]
        queries: usize,
    },
    /// The electronic queue's free slots at a State Corporation office on a
    /// date, CSV `time,free`.
    ///
    /// Slots lie within the office's hours for that service (the
    /// catalogue's schedules, per service, C-33; holidays, decreed
    /// transfers and duty-department Saturdays from the calendar), one
    /// maximum service time long, each holding the office's windows (both
    /// assumptions, see `--json`). The command line has no bookings, so
    /// every slot is free. A day the office is closed for the service
    /// prints the header only. Where the seeds give no booking (S1; S3
    /// collection; S2 outside East Kazakhstan) it prints "no booking: …"
    /// with the legal maximum wait.
    Slots(SlotsQuery),
    /// Feed N generated inputs to every stored collection's decoder and
    /// what the app does with the data, and to every parser of typed or
    /// imported input; print the count per target and in total, and the
    /// panics (exit 1 if any).
    Fuzz {
        /// How many inputs in all.
        #[arg(long, value_name = "N", default_value_t = 1_000_000)]
        inputs: u64,
        /// Seed of the generator (hex), to reproduce a run.
        #[arg(long, value_name = "HEX", value_parser = parse_seed, default_value = "51554a4154000012")]
        seed: u64,
    },
    /// The demo State Corporation offices, CSV
    /// `id,settlement,region,duty,windows,name` (region empty while the
    /// registry records none).
    Offices,
}

#[derive(Debug, Args)]
pub struct DaysArgs {
    #[arg(value_name = "DATE", value_parser = parse_date)]
    pub date: NaiveDate,
    /// Number of days.
    #[arg(value_name = "N", value_parser = parse_count, allow_negative_numbers = true)]
    pub n: u32,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if ok => Ok(d),
        _ => Err(format!("{s:?} is not a date YYYY-MM-DD")),
    }
}

fn parse_count(s: &str) -> Result<u32, String> {
    s.parse::<u32>().map_err(|_| format!("{s:?} is not a whole number of days (0..=4294967295)"))
}

fn parse_queries(s: &str) -> Result<usize, String> {
    s.parse::<usize>()
        .ok()
        .filter(|&n| n > 0 && n <= 100_000_000)
        .ok_or_else(|| format!("{s:?} is not a whole number in 1..=100000000"))
}

fn parse_seed(s: &str) -> Result<u64, String> {
    u64::from_str_radix(s.trim_start_matches("0x"), 16)
        .map_err(|_| format!("{s:?} is not a seed (hex)"))
}

fn parse_service(s: &str) -> Result<ServiceId, String> {
    ServiceId::parse(s).map_err(|e| e.to_string())
}

fn parse_channel(s: &str) -> Result<Channel, String> {
    Channel::from_slug(s).ok_or_else(|| {
        format!("unknown channel {s:?} (expected portal, state-corporation or provider)")
    })
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    kztime::parse_instant(s).map_err(|e| e.to_string())
}

fn parse_location(s: &str) -> Result<Location, String> {
    match s {
        "same" => Ok(Location::Same),
        "other" => Ok(Location::Other),
        _ => Err(format!("unknown location {s:?} (expected same or other)")),
    }
}

fn parse_region(s: &str) -> Result<String, String> {
    match region::region(s) {
        Some(r) => Ok(r.id.clone()),
        None => Err(format!(
            "unknown region {s:?} (expected one of: {})",
            region::regions().iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ")
        )),
    }
}

fn parse_purpose(s: &str) -> Result<Purpose, String> {
    Purpose::from_slug(s)
        .ok_or_else(|| format!("unknown purpose {s:?} (expected hand-in or collect)"))
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

/// `--to <YYYY-MM-DD>` → `--to`; `<N>` stays `<N>`.
fn arg_name(spec: &str) -> String {
    if spec.starts_with('-') {
        spec.split_whitespace().next().unwrap_or(spec).to_string()
    } else {
        spec.to_string()
    }
}

/// A clap error as the tool's one line (no `error:` prefix, no blank
/// lines): what is wrong, in the words the tool has always used, and, for
/// a mistake in the shape of the command, its usage.
pub fn one_line(e: &clap::Error) -> String {
    let first = |k| strings(e, k).into_iter().next().unwrap_or_default();
    let usage = strings(e, ContextKind::Usage)
        .into_iter()
        .next()
        .map(|u| {
            let u = u.trim();
            format!("; usage: {}", u.strip_prefix("Usage: ").unwrap_or(u))
        })
        .unwrap_or_default();
    let help = "; try `qujat-rules --help`";
    match e.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("no command given{help}")
        }
        ErrorKind::InvalidSubcommand => {
            format!("unknown command {:?}{help}", first(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => {
            let names: Vec<String> =
                strings(e, ContextKind::InvalidArg).iter().map(|s| arg_name(s)).collect();
            let verb = if names.len() > 1 { "are" } else { "is" };
            format!("{} {verb} required{usage}", names.join(" and "))
        }
        ErrorKind::UnknownArgument => {
            let arg = first(ContextKind::InvalidArg);
            let what = if arg.starts_with('-') {
                format!("unknown option {arg}")
            } else {
                format!("unexpected argument {arg:?}")
            };
            let hint = strings(e, ContextKind::SuggestedArg)
                .into_iter()
                .next()
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            format!("{what}{hint}{usage}")
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg_name(&first(ContextKind::InvalidArg));
            let prior = arg_name(&first(ContextKind::PriorArg));
            if arg == prior || prior.is_empty() {
                format!("{arg} given twice{usage}")
            } else {
                format!("{arg} cannot be used with {prior}{usage}")
            }
        }
        ErrorKind::InvalidValue => {
            let arg = arg_name(&first(ContextKind::InvalidArg));
            let value = first(ContextKind::InvalidValue);
            if value.is_empty() {
                format!("{arg} needs a value{usage}")
            } else {
                format!("invalid value {value:?} for {arg}{usage}")
            }
        }
        ErrorKind::ValueValidation => {
            let arg = arg_name(&first(ContextKind::InvalidArg));
            match std::error::Error::source(e) {
                Some(why) => format!("{arg}: {why}"),
                None => format!("invalid value for {arg}{usage}"),
            }
        }
        _ => {
            let text = e.to_string();
            let line = text.lines().next().unwrap_or("invalid arguments");
            format!("{}{usage}", line.strip_prefix("error: ").unwrap_or(line))
        }
    }
}

/// What `slots` asks for.
#[derive(Debug, Args)]
pub struct SlotsQuery {
    /// The service.
    #[arg(long, value_name = "S1|S2|S3", value_parser = parse_service)]
    pub service: ServiceId,
    /// Office id (see `qujat-rules offices`).
    #[arg(long, value_name = "ID")]
    pub office: String,
    /// The day (Kazakhstan calendar).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: NaiveDate,
    /// Why the citizen comes [default: the purpose the seeds let the
    /// service book: S3 hand-in, S2 collect].
    #[arg(long, value_name = "hand-in|collect", value_parser = parse_purpose)]
    pub purpose: Option<Purpose>,
    /// The school or college (registry organisation id): S2's booking
    /// is only for a provider in East Kazakhstan (F002).
    #[arg(long, value_name = "ORG")]
    pub provider: Option<String>,
    /// Print the whole answer as JSON: hours and why, slot length and
    /// capacity with their basis, every slot.
    #[arg(long)]
    pub json: bool,
}
