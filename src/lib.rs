//! Qujat: a browser-only e-government portal for three Kazakhstan state
//! services about education documents.
//!
//! - [`engine`]: the law as data and the rules and deadline engine. Pure Rust,
//!   with no web-sys or Leptos, so `cargo test` runs it natively and the
//!   `qujat-rules` CLI shares it.
//! - [`i18n`]: compile-time-checked messages in kk, ru and en.
//! - `ui` (wasm32 only): the Leptos app, a thin layer over the engine.

pub mod engine;
pub mod i18n;

/// The fuzz harness: `qujat-rules fuzz`, `tests/fuzz.rs` (native; nothing
/// in the app uses it, so no bundle carries it).
#[doc(hidden)]
pub mod fuzz;

#[cfg(target_arch = "wasm32")]
pub mod ui;
