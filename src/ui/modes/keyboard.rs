//! The kiosk's on-screen keyboard: the Kazakh, Russian and Latin letters
//! and a digit pad, shown while a text field has focus (the digit pad first
//! for numeric fields).
//!
//! Accessibility acceptance criteria:
//! - a group (`role="group"`) named "On-screen keyboard";
//! - its keys do not take focus (`tabindex="-1"`, no focus on press), so
//!   the field keeps focus and its caret, and a physical keyboard types
//!   directly; typing goes through the field's own `input` event, so it is
//!   saved like any keystroke;
//! - the layout tabs and Shift are toggle buttons (`aria-pressed`);
//! - it closes with its own button or when focus goes to something that
//!   is not a text field.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::engine::caret::{backspace_utf16, splice_utf16};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::prefs::page_lang;

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

/// Whether the keyboard is shown, and with which layout.
#[derive(Clone, Copy)]
pub struct Keyboard {
    pub shown: RwSignal<Option<Layout>>,
}

thread_local! {
    /// The text field the keyboard types into.
    static TARGET: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

impl Keyboard {
    pub fn new() -> Keyboard {
        Keyboard { shown: RwSignal::new(None) }
    }

    /// Shows the keyboard while a text field has focus.
    pub fn follow_focus(self) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let shown = self.shown;
        let cb = Closure::<dyn Fn(web_sys::FocusEvent)>::new(move |ev: web_sys::FocusEvent| {
            let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            // Focus moving into the keyboard itself changes nothing.
            if el.closest(".osk").ok().flatten().is_some() {
                return;
            }
            match text_field_layout(&el) {
                Some(layout) => {
                    // A kiosk's fields are typed by many visitors: the
                    // browser must neither offer nor remember their input.
                    let _ = el.set_attribute("autocomplete", "off");
                    TARGET.with(|t| *t.borrow_mut() = Some(el));
                    if shown.get_untracked().is_none() {
                        shown.set(Some(layout));
                    }
                }
                None => {
                    TARGET.with(|t| *t.borrow_mut() = None);
                    shown.set(None);
                }
            }
        });
        let _ = doc.add_event_listener_with_callback("focusin", cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

impl Default for Keyboard {
    fn default() -> Self {
        Keyboard::new()
    }
}

/// For a field one types text into, the layout to start with.
fn text_field_layout(el: &web_sys::HtmlElement) -> Option<Layout> {
    let tag = el.tag_name().to_ascii_lowercase();
    let typ = el.get_attribute("type").unwrap_or_default();
    let text = tag == "textarea"
        || (tag == "input"
            && matches!(typ.as_str(), "" | "text" | "password" | "search" | "tel" | "email"));
    if !text {
        return None;
    }
    let mode = el.get_attribute("inputmode").unwrap_or_default();
    Some(if matches!(mode.as_str(), "numeric" | "tel" | "decimal") || typ == "tel" {
        Layout::Digits
    } else {
        match page_lang() {
            Lang::Kk => Layout::Kazakh,
            Lang::Ru => Layout::Russian,
            Lang::En => Layout::Latin,
        }
    })
}

/// Types into the focused field at the caret, as if typed: the field's
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

#[component]
pub fn OnScreenKeyboard() -> impl IntoView {
    let keyboard = expect_context::<Keyboard>().shown;
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
    let tab = move |layout: Layout, name: fn(Lang) -> &'static str| {
        view! {
            <button
                type="button"
                class="osk__tab"
                tabindex="-1"
                aria-pressed=move || (keyboard.get() == Some(layout)).to_string()
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| keyboard.set(Some(layout))
            >
                {t(name)}
            </button>
        }
    };
    view! {
        <Show when=move || keyboard.get().is_some()>
            <div class="osk no-print" role="group" aria-label=t(tr::kiosk_keyboard)>
                <div class="osk__tabs">
                    {tab(Layout::Kazakh, tr::kiosk_layout_kk)}
                    {tab(Layout::Russian, tr::kiosk_layout_ru)}
                    {tab(Layout::Latin, tr::kiosk_layout_latin)}
                    {tab(Layout::Digits, tr::kiosk_layout_digits)}
                    <button
                        type="button"
                        class="osk__tab osk__hide"
                        tabindex="-1"
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| keyboard.set(None)
                    >
                        {t(tr::kiosk_keyboard_hide)}
                    </button>
                </div>
                {move || {
                    let layout = keyboard.get().unwrap_or(Layout::Latin);
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
