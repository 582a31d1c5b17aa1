//! Qujat: a browser-only e-government portal for three Kazakhstan state
//! services about education documents.
//!
//! - [`engine`]: the law as data and the rules and deadline engine. Pure Rust,
//!   with no web-sys or Leptos, so `cargo test` runs it natively and the
//!   `qujat-rules` CLI shares it.
//! - [`i18n`]: compile-time-checked messages in kk, ru and en.
//! - [`ui`]: the Leptos app, a thin layer over the engine. It compiles on
//!   every target (so the host's `cargo check` and clippy see it) and runs
//!   in the browser.

pub mod engine;
pub mod i18n;

/// The fuzz harness: `qujat-rules fuzz`, `tests/fuzz.rs` (native; nothing
/// in the app uses it, so no bundle carries it).
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub mod fuzz;

// Not in the library's own unit-test build: the UI has no native unit
// tests (its tests run in a browser, `tests/web_*.rs`), and leaving it out
// keeps `cargo test` about as fast as before the UI compiled natively.
// Every other build, `cargo clippy --all-targets` included, has it.
#[cfg(not(test))]
pub mod ui;
