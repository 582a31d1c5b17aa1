//! Reading the engine's data before the app mounts, each part in a task of
//! its own.
//!
//! Why: the catalogue and the calendar are JSON built into the wasm and read
//! the first time they are asked for. Asked for while the first page is
//! being built, their reading (and the first run of its code, which the
//! browser compiles then) lengthens the one task that builds the page; on a
//! slow phone that task blocks a tap for a third of a second. Read here, in
//! zero-timeout tasks started as soon as the wasm runs, they are read while
//! the browser waits for the texts and for the first paint, in short tasks
//! the browser can answer input between, and the page's build finds them
//! read. Nothing else changes: each part is what the page would read anyway
//! (a `OnceLock`), and a part the page asks for first is read then, once.

use std::time::Duration;

use leptos::prelude::set_timeout;

use crate::engine::{calendar, catalog};

/// Runs `parts` one per task, in order, each in a zero-timeout task after
/// the one before.
pub fn in_turn(parts: &'static [fn()]) {
    if let Some((first, rest)) = parts.split_first() {
        set_timeout(
            move || {
                first();
                in_turn(rest);
            },
            Duration::ZERO,
        );
    }
}

/// The catalogue file of the service the address names (`/services/S2`),
/// if it names one.
pub fn service_in_path() {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let _ = path.split('/').find_map(catalog::find);
}

/// The working-day calendar (its data and its table).
pub fn calendar() {
    // An error is the page's to show, when it asks; nothing to do here.
    let _ = calendar::calendar();
}
