//! Starting a bundle: mounting its app after the static shell has painted.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::pack;
use crate::ui::state::prefs::{html_root, stored_lang};
use crate::ui::state::texts;

use super::bundle::{Bundle, follow_cross_bundle_links};
use super::routes::{App, ApplyApp, CabinetApp, CorporationApp, ServicesApp, SignApp, StaffApp};
use super::warm;
use crate::ui::widgets::later::MOUNTING;

/// Replaces the static loading shell of the page with the bundle's app,
/// after the browser has painted the shell at least once: on a fast or
/// cached load the wasm may be ready before the first paint, and the
/// shell's heading and lead (index.html) should be what paints first.
// The match is here, inlined into each binary's `main` with a constant
// bundle, so that each wasm links only its own app (a match inside the
// callbacks would keep all seven apps in every bundle).
//
// Natively (a host build of the binaries, `cargo build`) there is nothing
// to mount: it says so and exits with status 2.
#[inline(always)]
pub fn mount(bundle: Bundle) {
    if !cfg!(target_arch = "wasm32") {
        eprintln!(
            "The {bundle:?} bundle is part of the Qujat web app: serve it with `./.ci/serve`; the native CLI is `qujat-rules`."
        );
        std::process::exit(2);
    }
    // A panic aborts the wasm, which traps; public/boot.js then replaces
    // the page with a notice in the user's language. The console keeps
    // what panicked, and where.
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
    }));
    match bundle {
        Bundle::Portal => after_first_paint(bundle, &[], || leptos::mount::mount_to_body(App)),
        Bundle::Services => {
            after_first_paint(bundle, WARM_PASSPORT, || leptos::mount::mount_to_body(ServicesApp))
        }
        Bundle::Apply => after_first_paint(bundle, &[], || leptos::mount::mount_to_body(ApplyApp)),
        Bundle::Sign => after_first_paint(bundle, &[], || leptos::mount::mount_to_body(SignApp)),
        Bundle::Cabinet => {
            after_first_paint(bundle, &[], || leptos::mount::mount_to_body(CabinetApp))
        }
        Bundle::Staff => after_first_paint(bundle, &[], || leptos::mount::mount_to_body(StaffApp)),
        Bundle::Corporation => {
            after_first_paint(bundle, &[], || leptos::mount::mount_to_body(CorporationApp))
        }
    }
}

/// The engine's data a passport's first screen reads: the service the
/// address names (its catalogue file) and the calendar (the guide's dates).
const WARM_PASSPORT: &[fn()] = &[warm::service_in_path, warm::calendar];

fn after_first_paint(bundle: Bundle, warm: &'static [fn()], mount_app: impl FnOnce() + 'static) {
    warm::in_turn(warm);
    if !pack::FETCHED {
        return paint_then_mount(bundle, mount_app);
    }
    // The bundle carries no texts: the reader's language first.
    texts::report_missing_texts();
    wasm_bindgen_futures::spawn_local(async move {
        match texts::ensure(stored_lang()).await {
            Ok(()) => paint_then_mount(bundle, mount_app),
            Err(e) => {
                leptos::logging::error!("texts: {e}");
                show_crashed_notice();
            }
        }
    });
}

/// The page's notice that the app stopped (index.html's `#app-crashed`,
/// in the three languages, with "Reload"), in place of everything else:
/// without its texts the app cannot start. `public/boot.js` shows it, as it
/// does when the wasm traps, so the page has one way to say so.
fn show_crashed_notice() {
    if let Some(window) = web_sys::window()
        && let Ok(event) = web_sys::Event::new("qujat-stopped")
    {
        let _ = window.dispatch_event(&event);
    }
}

/// Builds the app after the shell's first paint, out of sight under the
/// shell, and shows it in the shell's place a few tasks later: the parts
/// built in tasks of their own on a first load (`LaterOnFirstLoad`: the
/// frame's header and its footer, a passport's top) are built by then, as
/// their timers were set first, so the page never shows without its
/// heading and the mount is several short tasks instead of one long one.
fn paint_then_mount(bundle: Bundle, mount_app: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Some(root) = html_root() {
                let _ = root.set_attribute(MOUNTING, "");
            }
            follow_cross_bundle_links(bundle);
            mount_app();
            set_timeout(show_app, Duration::ZERO);
        })
    });
}

/// The shell gives way to the app (see [`paint_then_mount`]).
fn show_app() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("static-shell"))
    {
        shell.remove();
    }
    if let Some(root) = html_root() {
        let _ = root.remove_attribute(MOUNTING);
    }
}
