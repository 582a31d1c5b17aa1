//! `qujat-rules`: the rules engine on the command line, for checking dates
//! and schedules by hand, for scripts (CSV/JSON out), and for the numpy
//! benchmark.
//!
//! Arguments are parsed with `clap` (derive): `--help` for the whole tool
//! and for each subcommand. Every failure is a one-line message on stderr
//! and exit code 2 (exit 1 is kept for "the IIN is invalid"); nothing here
//! may panic.
//!
//! The CLI is native only: clap is a native-only dependency, so nothing of
//! it reaches the wasm. Built for wasm32 (as `cargo clippy --target
//! wasm32-unknown-unknown --all-targets` does), this binary is a stub.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod render;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
