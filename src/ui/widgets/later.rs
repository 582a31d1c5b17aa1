//! Later: a part of a long page built in a task of its own, just after the
//! part above it.
//!
//! Why: a page's start is one task of the browser's main thread, and on a
//! slow phone a long page (a passport: the guide, then fourteen sections)
//! makes it long enough to block input for a third of a second. Each
//! `Later` part is built in the next task instead (a zero timeout), so the
//! browser can answer a tap between the parts. What is above the parts —
//! the heading and the lead, which the static shell has already painted —
//! is built at once.
//!
//! Accessibility acceptance criteria:
//! - nothing is announced or moves focus: the part appears in the page's
//!   order, after what is above it, as if it had been built with it;
//! - the part is built once, soon (the next task), whatever the reader
//!   does meanwhile, and `then` runs in the frame after it is in the page
//!   (for work that needs it there, such as focusing a section a link
//!   named); parts inside a part come after it, in the page's order;
//! - a page that goes before its time has come builds nothing and runs
//!   nothing;
//! - until it is built, a hidden, empty `span.later-pending` holds its
//!   place (the browser tests wait for a page to have none).
//!
//! [`LaterOnFirstLoad`] is the same for what the static shell covers while
//! the app is first built out of sight (`app::mount`): the frame's header
//! and footer, a passport's top. Its acceptance criteria:
//! - while the app is first built, the part is built in a task of its own,
//!   once, before the app shows (its timer is set before the one that
//!   shows the app), so the page never shows without it;
//! - at any other time (a navigation, a change of language) it is built at
//!   once, with what is above it, so a heading in it is there when focus
//!   moves to it.

use std::time::Duration;

use leptos::either::Either;
use leptos::prelude::*;

use crate::ui::state::prefs::html_root;

/// The attribute `<html>` carries while the app is built out of sight,
/// before it takes the static shell's place (`app::mount`).
pub const MOUNTING: &str = "data-mounting";

/// Whether the app is being built for the first time, out of sight.
fn mounting() -> bool {
    html_root().is_some_and(|e| e.has_attribute(MOUNTING))
}

/// Builds `children` in the next task, then calls `then`.
#[component]
pub fn Later(
    children: ChildrenFn,
    /// Runs once, in the frame after the part is in the page, unless the
    /// part has gone by then.
    #[prop(default = None)]
    then: Option<Callback<()>>,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    // A timer, not an effect: nothing is written while rendering. If the
    // page has gone by then, the signal is gone too and nothing happens.
    let after = move || {
        if let Some(then) = then {
            request_animation_frame(move || {
                if ready.try_get_untracked().is_some() {
                    then.try_run(());
                }
            });
        }
    };
    set_timeout(
        move || {
            if ready.try_set(true).is_none() {
                after();
            }
        },
        Duration::ZERO,
    );
    move || {
        if ready.get() {
            Either::Left(children())
        } else {
            Either::Right(view! { <span class="later-pending" hidden></span> })
        }
    }
}

/// Builds `children` in a task of its own while the app is first built out
/// of sight under the static shell (`app::mount`), and at once at any
/// other time. It needs no placeholder: the app shows only after every such
/// part is built, as their timers were set before the one that shows it.
/// Leaner than [`Later`], as every bundle's frame carries it.
#[component]
pub fn LaterOnFirstLoad(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(!mounting());
    if !ready.get_untracked() {
        set_timeout(
            move || {
                ready.try_set(true);
            },
            Duration::ZERO,
        );
    }
    move || ready.get().then(|| children())
}
