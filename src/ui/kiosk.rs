//! Kiosk mode, for the offline demonstration kiosks: started by `?kiosk=1`
//! on any address (and ended by `?kiosk=0`), remembered on the device.
//!
//! - Privacy: after [`IDLE_SECS`] without a touch or a key, a timeout
//!   warning counts down (announced to screen readers; "Continue" extends
//!   it); at zero every trace of the visitor is wiped (localStorage but the
//!   kiosk switch itself, sessionStorage, IndexedDB) and the kiosk returns to
//!   the start screen in the default language. The accessibility mode gives
//!   the visitor three times as long to answer the warning.
//! - Input without a physical keyboard: an on-screen keyboard with the
//!   Kazakh, Russian and Latin letters and a digit pad, shown while a text
//!   field has focus (the digit pad first for numeric fields).
//!
//! The timer and the listeners are set up once per page, outside the views
//! that a language change rebuilds.

use std::cell::RefCell;
use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::engine::caret::{backspace_utf16, splice_utf16};
use crate::i18n::tr;
use crate::ui::access::Access;
use crate::ui::prefs::use_lang;
use crate::ui::text::t;

const KEY: &str = "qujat.kiosk";
/// Seconds without any input before the warning.
pub const IDLE_SECS: f64 = 120.0;
/// Seconds the warning gives (three times this in the accessibility mode).
pub const WARN_SECS: f64 = 60.0;

#[derive(Clone, Copy)]
pub struct Kiosk {
    pub enabled: bool,
    /// Seconds left before the wipe, while the warning is shown.
    pub left: RwSignal<Option<u32>>,
    /// The on-screen keyboard: shown, and its layout.
    pub keyboard: RwSignal<Option<Layout>>,
}

thread_local! {
    /// Time of the last input (ms since the epoch), and the warning's end.
    static TIMES: RefCell<(f64, Option<f64>)> = const { RefCell::new((0.0, None)) };
    /// The text field the on-screen keyboard types into.
    static TARGET: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Kiosk {
    /// Reads `?kiosk=` and the stored switch; in kiosk mode starts the idle
    /// timer and the keyboard's focus tracking.
    pub fn start(access: Access) -> Kiosk {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let param = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix("kiosk="));
        match param {
            Some("1") => {
                let _ = LocalStorage::set(KEY, true);
            }
            Some("0") => LocalStorage::delete(KEY),
            _ => {}
        }
        let enabled = LocalStorage::get::<bool>(KEY).unwrap_or(false);
        let kiosk = Kiosk {
            enabled,
            left: RwSignal::new(None),
            keyboard: RwSignal::new(None),
        };
        if enabled {
            mark();
            kiosk.watch_activity();
            kiosk.watch_focus();
            let k = kiosk;
            TIMES.with(|t| t.borrow_mut().0 = now_ms());
            let _ = set_interval_with_handle(move || k.tick(access), Duration::from_secs(1));
        }
        kiosk
    }

    fn tick(self, access: Access) {
        let now = now_ms();
        let (last, until) = TIMES.with(|t| *t.borrow());
        match until {
            None if now - last >= IDLE_SECS * 1000.0 => {
                let warn = if access.on.get_untracked() {
                    3.0 * WARN_SECS
                } else {
                    WARN_SECS
                };
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

    /// Any touch, click, key or typing counts as presence, except while the
    /// warning is up: then only "Continue" does, so that a stray touch
    /// cannot hide the warning unread.
    fn watch_activity(self) {
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

    /// Shows the keyboard while a text field has focus.
    fn watch_focus(self) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let keyboard = self.keyboard;
        let cb = Closure::<dyn Fn(web_sys::FocusEvent)>::new(move |ev: web_sys::FocusEvent| {
            let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            // Focus moving into the keyboard itself changes nothing.
            if el.closest(".osk").ok().flatten().is_some() {
                return;
            }
            match text_field_layout(&el) {
                Some(layout) => {
                    TARGET.with(|t| *t.borrow_mut() = Some(el));
                    if keyboard.get_untracked().is_none() {
                        keyboard.set(Some(layout));
                    }
                }
                None => {
                    TARGET.with(|t| *t.borrow_mut() = None);
                    keyboard.set(None);
                }
            }
        });
        let _ = doc.add_event_listener_with_callback("focusin", cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

pub fn use_kiosk() -> Kiosk {
    expect_context::<Kiosk>()
}

fn mark() {
    if let Some(root) = crate::ui::prefs::html_root() {
        let _ = root.set_attribute("data-kiosk", "");
    }
}

/// For a field one types text into, the layout to start with.
fn text_field_layout(el: &web_sys::HtmlElement) -> Option<Layout> {
    let tag = el.tag_name().to_ascii_lowercase();
    let typ = el.get_attribute("type").unwrap_or_default();
    let text = tag == "textarea"
        || (tag == "input"
            && matches!(
                typ.as_str(),
                "" | "text" | "password" | "search" | "tel" | "email"
            ));
    if !text {
        return None;
    }
    let mode = el.get_attribute("inputmode").unwrap_or_default();
    Some(
        if matches!(mode.as_str(), "numeric" | "tel" | "decimal") || typ == "tel" {
            Layout::Digits
        } else {
            match crate::ui::prefs::page_lang() {
                crate::engine::source::Lang::Kk => Layout::Kazakh,
                crate::engine::source::Lang::Ru => Layout::Russian,
                crate::engine::source::Lang::En => Layout::Latin,
            }
        },
    )
}

/// Wipes every trace of the visitor and starts again at the home page in
/// the default language. Only the kiosk switch survives.
pub fn wipe() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for k in keys.iter().filter(|k| k.as_str() != KEY) {
            let _ = storage.remove_item(k);
        }
    }
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.clear();
    }
    let go_home = move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace("/");
        }
    };
    // The app keeps nothing in IndexedDB, but a kiosk must not keep what
    // anything else may have put there: delete every database, then leave.
    let databases = js_sys::Reflect::get(&window, &"indexedDB".into())
        .ok()
        .filter(|f| !f.is_undefined() && !f.is_null())
        .and_then(|factory| {
            let list = js_sys::Reflect::get(&factory, &"databases".into()).ok()?;
            let list = list.dyn_into::<js_sys::Function>().ok()?;
            let promise = list
                .call0(&factory)
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()?;
            Some((factory, promise))
        });
    let Some((factory, promise)) = databases else {
        go_home();
        return;
    };
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
        go_home();
    });
    let failed = Closure::once(move |_: wasm_bindgen::JsValue| go_home());
    let _ = promise.then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// The timeout warning: a modal dialog (focus trapped by the browser),
/// the countdown announced every 15 seconds rather than every second.
#[component]
pub fn TimeoutWarning() -> impl IntoView {
    let kiosk = use_kiosk();
    let lang = use_lang();
    let dialog: NodeRef<leptos::html::Dialog> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get()
            && !d.open()
        {
            let _ = d.show_modal();
        }
    });
    let announced = move || {
        kiosk
            .left
            .get()
            .map(|s| tr::kiosk_timeout_announce(lang, &(s.div_ceil(15) * 15).to_string()))
    };
    view! {
        <Show when=move || kiosk.left.get().is_some()>
            <dialog
                class="timeout"
                node_ref=dialog
                aria-labelledby="timeout-title"
                aria-describedby="timeout-text"
                on:cancel=move |ev: web_sys::Event| {
                    // Escape means "continue", like the button.
                    ev.prevent_default();
                    kiosk.extend();
                }
            >
                <h2 id="timeout-title">{t(tr::kiosk_timeout_title)}</h2>
                <p id="timeout-text">
                    {move || tr::kiosk_timeout_text(lang, &kiosk.left.get().unwrap_or(0).to_string())}
                </p>
                <p class="visually-hidden" aria-live="assertive">{announced}</p>
                <div class="button-group">
                    <button type="button" class="button" autofocus on:click=move |_| kiosk.extend()>
                        {t(tr::kiosk_timeout_continue)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| wipe()>
                        {t(tr::kiosk_timeout_finish)}
                    </button>
                </div>
            </dialog>
        </Show>
    }
}

/// The keyboard layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Kazakh,
    Russian,
    Latin,
    Digits,
}

impl Layout {
    fn rows(self) -> &'static [&'static str] {
        match self {
            Layout::Kazakh => &["әіңғүұқөһ", "йцукенгшщзх", "фывапролджэ", "ячсмитьбюъё"],
            Layout::Russian => &["йцукенгшщзх", "фывапролджэ", "ячсмитьбюъё"],
            Layout::Latin => &["qwertyuiop", "asdfghjkl", "zxcvbnm"],
            Layout::Digits => &["123", "456", "789", "0"],
        }
    }
    /// Punctuation that names, addresses and school names need.
    fn extra(self) -> &'static str {
        match self {
            Layout::Digits => "+-",
            _ => "-.,'№/",
        }
    }
}

/// Types `s` into the focused field at the caret, as if typed: the field's
/// `input` handlers run, so the app saves it like any keystroke.
fn type_into(edit: impl Fn(&str, usize, usize) -> (String, usize)) {
    let Some(el) = TARGET.with(|t| t.borrow().clone()) else {
        return;
    };
    let (value, start, end) = if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let v = i.value();
        let n = v.encode_utf16().count() as u32;
        let s = i.selection_start().ok().flatten().unwrap_or(n);
        let e = i.selection_end().ok().flatten().unwrap_or(n);
        (v, s as usize, e as usize)
    } else if let Some(a) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let v = a.value();
        let n = v.encode_utf16().count() as u32;
        let s = a.selection_start().ok().flatten().unwrap_or(n);
        let e = a.selection_end().ok().flatten().unwrap_or(n);
        (v, s as usize, e as usize)
    } else {
        return;
    };
    let (new, caret) = edit(&value, start, end);
    let caret = caret as u32;
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(&new);
        let _ = i.set_selection_range(caret, caret);
    } else if let Some(a) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        a.set_value(&new);
        let _ = a.set_selection_range(caret, caret);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = el.dispatch_event(&ev);
    }
}

/// The on-screen keyboard. Its keys do not take focus (the field keeps it
/// and its caret), so they are out of the Tab order; a physical keyboard
/// types directly anyway. It closes with its own button or when focus goes
/// to something that is not a text field.
#[component]
pub fn OnScreenKeyboard() -> impl IntoView {
    let kiosk = use_kiosk();
    let upper = RwSignal::new(false);
    let key = move |c: char| {
        let label = c.to_string();
        view! {
            <button
                type="button"
                class="osk__key"
                tabindex="-1"
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| {
                    let s: String = if upper.get_untracked() { c.to_uppercase().collect() } else { c.to_string() };
                    type_into(|v, a, b| splice_utf16(v, a, b, &s));
                }
            >
                {move || if upper.get() { c.to_uppercase().collect::<String>() } else { label.clone() }}
            </button>
        }
    };
    let tab = move |layout: Layout, name: fn(crate::engine::source::Lang) -> &'static str| {
        view! {
            <button
                type="button"
                class="osk__tab"
                tabindex="-1"
                aria-pressed=move || (kiosk.keyboard.get() == Some(layout)).to_string()
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| kiosk.keyboard.set(Some(layout))
            >
                {t(name)}
            </button>
        }
    };
    view! {
        <Show when=move || kiosk.keyboard.get().is_some()>
            <div class="osk no-print" role="group" aria-label=t(tr::kiosk_keyboard)>
                <div class="osk__tabs">
                    {tab(Layout::Kazakh, tr::kiosk_layout_kk)}
                    {tab(Layout::Russian, tr::kiosk_layout_ru)}
                    {tab(Layout::Latin, tr::kiosk_layout_latin)}
                    {tab(Layout::Digits, tr::kiosk_layout_digits)}
                    <button
                        type="button"
                        class="osk__tab osk__hide"
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| kiosk.keyboard.set(None)
                    >
                        {t(tr::kiosk_keyboard_hide)}
                    </button>
                </div>
                {move || {
                    let layout = kiosk.keyboard.get().unwrap_or(Layout::Latin);
                    let rows = layout
                        .rows()
                        .iter()
                        .chain(std::iter::once(&layout.extra()))
                        .map(|row| view! { <div class="osk__row">{row.chars().map(key).collect_view()}</div> })
                        .collect_view();
                    view! {
                        <div class="osk__keys" class:osk__keys--digits=layout == Layout::Digits>
                            {rows}
                            <div class="osk__row">
                                {(layout != Layout::Digits).then(|| view! {
                                    <button type="button" class="osk__key osk__key--wide" tabindex="-1"
                                        aria-pressed=move || upper.get().to_string()
                                        on:mousedown=|ev| ev.prevent_default()
                                        on:click=move |_| upper.update(|u| *u = !*u)>
                                        {t(tr::kiosk_key_shift)}
                                    </button>
                                    <button type="button" class="osk__key osk__key--space" tabindex="-1"
                                        on:mousedown=|ev| ev.prevent_default()
                                        on:click=move |_| type_into(|v, a, b| splice_utf16(v, a, b, " "))>
                                        {t(tr::kiosk_key_space)}
                                    </button>
                                })}
                                <button type="button" class="osk__key osk__key--wide" tabindex="-1"
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:click=move |_| type_into(backspace_utf16)>
                                    {t(tr::kiosk_key_backspace)}
                                </button>
                            </div>
                        </div>
                    }
                }}
            </div>
        </Show>
    }
}

/// The kiosk's start screen panel: a whole cycle to try with the demo
/// registry, and a button to go full screen.
#[component]
pub fn KioskStory() -> impl IntoView {
    let kiosk = use_kiosk();
    let full_screen = move |_| {
        if let Some(root) = crate::ui::prefs::html_root() {
            let _ = root.request_fullscreen();
        }
    };
    kiosk.enabled.then(|| {
        view! {
            <section class="kiosk-story" aria-labelledby="kiosk-story-title">
                <h2 id="kiosk-story-title">{t(tr::kiosk_story_title)}</h2>
                <ol class="how-steps">
                    <li><a href="/signin">{t(tr::kiosk_story_sign_in)}</a></li>
                    <li><a href="/services/S2">{t(tr::kiosk_story_apply)}</a></li>
                    <li>{t(tr::kiosk_story_sign)}</li>
                    <li>{t(tr::kiosk_story_watch)}</li>
                    <li>{t(tr::kiosk_story_complain)}</li>
                </ol>
                <p class="hint">{t(tr::kiosk_story_privacy)}</p>
                <button type="button" class="button button--secondary" on:click=full_screen>
                    {t(tr::kiosk_full_screen)}
                </button>
            </section>
        }
    })
}
