//! A fuzz harness for everything the app reads from storage or from a
//! user (issue 12, item 10): every stored collection's decoder, followed by
//! what the app then does with the data, and every parser of typed or
//! imported input (receipt codes and pictures of QR codes among them). Inputs are generated from a seed (reproducible), mostly
//! by mutating real stored examples (`tests/fixtures/stored`) so that they
//! get past the first checks, and counted; a panic is caught, counted and
//! its first message kept.
//!
//! `qujat-rules fuzz --inputs N [--seed S]` runs it (the `fuzz` stage of
//! `.ci/test` with a million inputs, built in the `fuzz` profile, which
//! unwinds on panic and checks arithmetic overflow); `tests/fuzz.rs` runs a
//! small number in every `cargo test`.

mod collections;
mod inputs;
mod queue;
mod random;
mod receipts;

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use crate::engine::store::{self, Format, formats};

use collections::collection_target;
pub use collections::stored_examples;
use inputs::typed_input_targets;
pub use random::Gen;

// ---------------------------------------------------------------------------
// Targets

/// One thing fuzzed: a name, a share of the inputs, and how to make and run
/// one input.
pub struct Target {
    pub name: String,
    pub weight: u64,
    /// Makes and runs one input; true if it got past the first parser
    /// (decoded), so the report shows the inputs reach the code behind it.
    pub run: Box<dyn FnMut(&mut Gen) -> bool>,
}

fn targets() -> Vec<Target> {
    let mut all: Vec<Target> =
        formats::ALL.iter().map(|(name, format)| collection_target(name, *format)).collect();
    all.extend(typed_input_targets());
    all.extend(receipts::receipt_targets());
    all
}

// ---------------------------------------------------------------------------
// Running

/// What one target saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetReport {
    pub name: String,
    pub inputs: u64,
    /// Inputs that got past the first parser.
    pub decoded: u64,
    pub panics: u64,
}

/// The outcome of a run.
#[derive(Clone, Debug)]
pub struct Report {
    pub seed: u64,
    pub targets: Vec<TargetReport>,
    pub elapsed: Duration,
    /// The first panic's target and message, to reproduce it.
    pub first_panic: Option<String>,
}

impl Report {
    pub fn inputs(&self) -> u64 {
        self.targets.iter().map(|t| t.inputs).sum()
    }

    pub fn panics(&self) -> u64 {
        self.targets.iter().map(|t| t.panics).sum()
    }
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `total` generated inputs, shared among the targets by weight,
/// from `seed`. Panics are caught and counted (in a build that unwinds).
pub fn run(total: u64, seed: u64) -> Report {
    run_targets(targets(), total, seed)
}

/// [`run`] on the given targets.
pub fn run_targets(mut all: Vec<Target>, total: u64, seed: u64) -> Report {
    let weights: u64 = all.iter().map(|t| t.weight).sum();
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let at =
            info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
    let start = Instant::now();
    let mut g = Gen::new(seed);
    let mut reports = Vec::new();
    let mut first_panic = None;
    let mut given = 0;
    let count = all.len();
    for (i, t) in all.iter_mut().enumerate() {
        let n =
            if i + 1 == count { total.saturating_sub(given) } else { total * t.weight / weights };
        given += n;
        let (mut panics, mut decoded) = (0, 0);
        for k in 0..n {
            let input_seed = g.next_u64();
            let mut local = Gen::new(input_seed);
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| (t.run)(&mut local)));
            if matches!(outcome, Ok(true)) {
                decoded += 1;
            }
            if outcome.is_err() {
                panics += 1;
                if first_panic.is_none() {
                    let msg = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
                    first_panic =
                        Some(format!("{}: input {k} (input seed {input_seed:#x}): {msg}", t.name));
                }
            }
        }
        reports.push(TargetReport { name: t.name.clone(), inputs: n, decoded, panics });
    }
    panic::set_hook(previous_hook);
    Report { seed, targets: reports, elapsed: start.elapsed(), first_panic }
}

/// `raw` read as a stored `T` of `format`, if it reads.
fn decode<T: DeserializeOwned>(raw: &str, format: &Format) -> Option<T> {
    store::decode::<T>(raw, format).ok().map(|e| e.data)
}
