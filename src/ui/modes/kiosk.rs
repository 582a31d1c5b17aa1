//! Kiosk mode, for the offline demonstration kiosks: asked for by
//! `?kiosk=1` on any address, started only when someone at the device
//! confirms a screen that says what the wipes will delete (a link alone
//! never turns a citizen's browser into a kiosk: issue 12 item 1), ended by
//! `?kiosk=0`, remembered on the device.
//!
//! - Privacy: after [`IDLE_SECS`] without a touch or a key, a timeout
//!   warning counts down (see `timeout`; "Continue" extends it); at zero
//!   every trace of the visitor is wiped (localStorage but the kiosk switch
//!   itself, sessionStorage, IndexedDB) and the kiosk returns to the start
//!   screen in the default language. The accessibility mode gives the
//!   visitor three times as long to answer the warning.
//! - Input without a physical keyboard: the on-screen keyboard (see
//!   `keyboard`), shown while a text field has focus.
//!
//! The timer and the listeners are set up once per page, outside the views
//! that a language change rebuilds.

use std::cell::RefCell;
use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::access::Access;
use super::keyboard::Keyboard;
use crate::i18n::{Lang, tr};
use crate::ui::labels::t;
use crate::ui::paths;
use crate::ui::state::keys;
use crate::ui::state::prefs::html_root;
use crate::ui::widgets::button::{Button, Look};

/// Seconds without any input before the warning.
pub const IDLE_SECS: f64 = 120.0;
/// Seconds the warning gives (three times this in the accessibility mode).
pub const WARN_SECS: f64 = 60.0;

#[derive(Clone, Copy)]
pub struct Kiosk {
    pub enabled: bool,
    /// `?kiosk=1` on a device that is not a kiosk yet: the confirmation
    /// screen is shown.
    pub asked: bool,
    /// Seconds left before the wipe, while the warning is shown.
    pub left: RwSignal<Option<u32>>,
}

thread_local! {
    /// Time of the last input (ms since the epoch), and the warning's end.
    static TIMES: RefCell<(f64, Option<f64>)> = const { RefCell::new((0.0, None)) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Kiosk {
    /// Reads `?kiosk=` and the stored switch; in kiosk mode starts the idle
    /// timer and the on-screen keyboard.
    pub fn start(access: Access, keyboard: Keyboard) -> Kiosk {
        let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let param =
            query.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("kiosk="));
        if param == Some("0") {
            LocalStorage::delete(keys::KIOSK);
        }
        let enabled = LocalStorage::get::<bool>(keys::KIOSK).unwrap_or(false);
        let kiosk =
            Kiosk { enabled, asked: param == Some("1") && !enabled, left: RwSignal::new(None) };
        if enabled {
            if let Some(root) = html_root() {
                let _ = root.set_attribute("data-kiosk", "");
            }
            watch_activity();
            keyboard.follow_focus();
            TIMES.with(|t| t.borrow_mut().0 = now_ms());
            let _ = set_interval_with_handle(move || kiosk.tick(access), Duration::from_secs(1));
        }
        kiosk
    }

    fn tick(self, access: Access) {
        let now = now_ms();
        let (last, until) = TIMES.with(|t| *t.borrow());
        match until {
            None if now - last >= IDLE_SECS * 1000.0 => {
                let warn = if access.on.get_untracked() { 3.0 * WARN_SECS } else { WARN_SECS };
                let end = now + warn * 1000.0;
                TIMES.with(|t| t.borrow_mut().1 = Some(end));
                self.left.set(Some(warn as u32));
            }
            None => {}
            Some(end) if now >= end => wipe(),
            Some(end) => self.left.set(Some(((end - now) / 1000.0).ceil() as u32)),
        }
    }

    /// "Continue": the visitor is still here.
    pub fn extend(self) {
        TIMES.with(|t| *t.borrow_mut() = (now_ms(), None));
        self.left.set(None);
    }
}

/// Any touch, click, key or typing counts as presence, except while the
/// warning is up: then only "Continue" does, so that a stray touch cannot
/// hide the warning unread.
fn watch_activity() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(move || {
        TIMES.with(|t| {
            let mut t = t.borrow_mut();
            if t.1.is_none() {
                t.0 = now_ms();
            }
        });
    });
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let _ = doc.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    cb.forget();
}

pub fn use_kiosk() -> Kiosk {
    expect_context::<Kiosk>()
}

/// Whether this browser is a public kiosk, for a widget that hides what a
/// visitor must not leave behind. Every bundle provides the modes; a
/// widget mounted without them (its own test) is not on a kiosk.
pub fn on_kiosk() -> bool {
    use_context::<Kiosk>().is_some_and(|k| k.enabled)
}

/// How long the wipe waits for IndexedDB before it leaves anyway.
const IDB_WAIT: Duration = Duration::from_secs(2);

/// Wipes every trace of the visitor and starts again at the home page in
/// the default language. Only the kiosk switch survives.
pub fn wipe() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let all: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for k in all.iter().filter(|k| k.as_str() != keys::KIOSK) {
            let _ = storage.remove_item(k);
        }
    }
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.clear();
    }
    // Once only, whichever comes first: the databases deleted, or the
    // bound below (a browser whose IndexedDB never answers must not keep
    // the visitor's page on screen).
    let gone = std::rc::Rc::new(std::cell::Cell::new(false));
    let go_home = move || {
        if !gone.replace(true)
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().replace("/");
        }
    };
    {
        let go_home = go_home.clone();
        set_timeout(go_home, IDB_WAIT);
    }
    // The app keeps nothing in IndexedDB, but a kiosk must not keep what
    // anything else may have put there: delete every database, then leave.
    let databases = js_sys::Reflect::get(&window, &"indexedDB".into())
        .ok()
        .filter(|f| !f.is_undefined() && !f.is_null())
        .and_then(|factory| {
            let list = js_sys::Reflect::get(&factory, &"databases".into()).ok()?;
            let list = list.dyn_into::<js_sys::Function>().ok()?;
            let promise = list.call0(&factory).ok()?.dyn_into::<js_sys::Promise>().ok()?;
            Some((factory, promise))
        });
    let Some((factory, promise)) = databases else {
        go_home();
        return;
    };
    let home = go_home.clone();
    let done = Closure::once(move |list: wasm_bindgen::JsValue| {
        let delete = js_sys::Reflect::get(&factory, &"deleteDatabase".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let (Some(delete), Ok(list)) = (delete, list.dyn_into::<js_sys::Array>()) {
            for db in list.iter() {
                if let Ok(name) = js_sys::Reflect::get(&db, &"name".into()) {
                    let _ = delete.call1(&factory, &name);
                }
            }
        }
        home();
    });
    let failed = Closure::once(move |_: wasm_bindgen::JsValue| go_home());
    let _ = promise.then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// The page address without its query: where the confirmation screen
/// goes on, either way.
fn reload_plain() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_else(|_| "/".into());
        let _ = w.location().replace(&path);
    }
}

/// The confirmation screen `?kiosk=1` leads to. It says what every wipe
/// deletes and turns the mode on only when confirmed; "No" leaves the
/// device as it was.
///
/// Accessibility acceptance criteria:
/// - a region named by its heading, first in the page's main content;
/// - the consequence is written out in words before the buttons, and the
///   safe choice is a button of its own, not only the browser's Back.
#[component]
pub fn KioskConfirm() -> impl IntoView {
    let kiosk = use_kiosk();
    let turn_on = move |_| {
        if LocalStorage::set(keys::KIOSK, true).is_ok() {
            reload_plain();
        }
    };
    kiosk.asked.then(|| {
        view! {
            <section class="kiosk-confirm" aria-labelledby="kiosk-confirm-title">
                <h2 id="kiosk-confirm-title">{t(tr::kiosk_confirm_title)}</h2>
                <p>{t(tr::kiosk_confirm_text)}</p>
                <p><strong>{t(tr::kiosk_confirm_wipe)}</strong></p>
                <div class="button-group">
                    <Button look=Look::Warning on_click=turn_on>{t(tr::kiosk_confirm_yes)}</Button>
                    <Button look=Look::Secondary on_click=move |_| reload_plain()>
                        {t(tr::kiosk_confirm_no)}
                    </Button>
                </div>
            </section>
        }
    })
}

/// One step of a demonstration story: its text and, where the step starts
/// on a page of its own, that page.
type StoryStep = (Text, Option<&'static str>);

/// A message of the catalogue, in the language asked for.
type Text = fn(Lang) -> &'static str;

/// The stories on the kiosk's start screen: one path per service and
/// channel (S2 on the portal; S3 booked and served at the State
/// Corporation; S1 walked in, late and complained about; S2 refused at the
/// counter), each a title and its steps.
const STORIES: [(Text, &[StoryStep]); 4] = [
    (
        tr::kiosk_story_s2_title,
        &[
            (tr::kiosk_story_sign_in, Some(paths::SIGN_IN)),
            (tr::kiosk_story_apply, Some("/services/S2")),
            (tr::kiosk_story_sign, None),
            (tr::kiosk_story_watch, None),
            (tr::kiosk_story_complain, None),
        ],
    ),
    (
        tr::kiosk_story_s3_title,
        &[
            (tr::kiosk_story_s3_book, Some(paths::BOOK)),
            (tr::kiosk_story_s3_hall, Some(paths::HALL)),
            (tr::kiosk_story_s3_counter, Some(paths::COUNTER)),
            (tr::kiosk_story_s3_watch, Some(paths::CABINET)),
            (tr::kiosk_story_s3_collect, Some(paths::STAFF)),
        ],
    ),
    (
        tr::kiosk_story_s1_title,
        &[
            (tr::kiosk_story_s1_counter, Some(paths::COUNTER)),
            (tr::kiosk_story_s1_watch, Some(paths::CABINET)),
            (tr::kiosk_story_s1_complain, None),
        ],
    ),
    (tr::kiosk_story_s2sc_title, &[(tr::kiosk_story_s2sc_counter, Some(paths::COUNTER))]),
];

/// The kiosk's start screen panel: one whole path per service to try with
/// the demo registry, and a button to go full screen.
#[component]
pub fn KioskStory() -> impl IntoView {
    let kiosk = use_kiosk();
    let full_screen = move |_| {
        if let Some(root) = html_root() {
            let _ = root.request_fullscreen();
        }
    };
    kiosk.enabled.then(|| {
        let stories = STORIES
            .iter()
            .map(|(title, steps)| {
                let steps = steps
                    .iter()
                    .map(|(text, href)| match href {
                        Some(href) => view! { <li><a href=*href>{t(*text)}</a></li> }.into_any(),
                        None => view! { <li>{t(*text)}</li> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <h3>{t(*title)}</h3>
                    <ol class="how-steps">{steps}</ol>
                }
            })
            .collect_view();
        view! {
            <section class="kiosk-story" aria-labelledby="kiosk-story-title">
                <h2 id="kiosk-story-title">{t(tr::kiosk_story_title)}</h2>
                {stories}
                <p class="hint">{t(tr::kiosk_story_privacy)}</p>
                <Button look=Look::Secondary on_click=full_screen>
                    {t(tr::kiosk_full_screen)}
                </Button>
            </section>
        }
    })
}
