//! The accessibility mode, for citizens and for operators on home visits:
//! one switch, remembered on the device. It marks `<html data-access>`, and
//! the stylesheet does the rest (text at 150%, high contrast, larger
//! targets, one column, secondary matter hidden). It also offers to read
//! the current question aloud with the browser's speech synthesis, in the
//! page's language when the device has a voice for it.
//!
//! The switch lives outside the view that a language change rebuilds, like
//! the language itself (see `state::prefs`).
//!
//! Accessibility acceptance criteria (the bar):
//! - the switch is a toggle button (`aria-pressed`) named in words;
//! - "Read the question aloud" is offered only where speech synthesis
//!   exists; what it does (reading, no voice for this language) is said in
//!   a `role="status"` region.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::keys;
use crate::ui::state::prefs::{html_root, page_lang};

/// The attribute on `<html>` that the stylesheet keys on.
const ATTR: &str = "data-access";

#[derive(Clone, Copy)]
pub struct Access {
    pub on: RwSignal<bool>,
}

impl Access {
    /// The stored choice (off when none, or when unreadable).
    pub fn load() -> Access {
        let on = LocalStorage::get::<bool>(keys::ACCESS).unwrap_or(false);
        mark(on);
        Access { on: RwSignal::new(on) }
    }

    pub fn set(&self, on: bool) {
        // Storage may be full or disabled: the mode then lasts this visit.
        let _ = LocalStorage::set(keys::ACCESS, on);
        mark(on);
        self.on.set(on);
    }
}

/// Whether the mode is on, for code outside the component tree (timers).
pub fn is_on() -> bool {
    html_root().is_some_and(|e| e.has_attribute(ATTR))
}

pub fn use_access() -> Access {
    expect_context::<Access>()
}

fn mark(on: bool) {
    if let Some(root) = html_root() {
        let _ = if on { root.set_attribute(ATTR, "") } else { root.remove_attribute(ATTR) };
    }
}

/// The switch, and in the mode the "read aloud" button, under the header.
#[component]
pub fn AccessBar() -> impl IntoView {
    let access = use_access();
    let spoken = RwSignal::new(None::<&'static str>);
    view! {
        <div class="access-bar">
            <div class="access-bar__inner">
                <button
                    type="button"
                    class="link-button access-bar__switch"
                    aria-pressed=move || access.on.get().to_string()
                    on:click=move |_| {
                        spoken.set(None);
                        access.set(!access.on.get_untracked());
                    }
                >
                    {t(tr::access_switch)}
                </button>
                <Show when=move || access.on.get() && speech().is_some()>
                    <button type="button" class="link-button" on:click=move |_| spoken.set(Some(read_aloud(page_lang())))>
                        {t(tr::access_read_aloud)}
                    </button>
                </Show>
                <p class="access-bar__status" role="status">{move || spoken.get()}</p>
            </div>
        </div>
    }
}

fn speech() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // Absent in some browsers: then the button is not offered at all.
    if !js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false) {
        return None;
    }
    window.speech_synthesis().ok()
}

/// What the current page asks: its heading, the hint under it, and the
/// choices offered, in reading order.
fn question_text() -> String {
    let Some(main) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main"))
    else {
        return String::new();
    };
    let mut parts = Vec::new();
    let selector = "h1, h1 ~ .hint, legend ~ .hint, .label-wrapper ~ .hint, .choices label";
    if let Ok(nodes) = main.query_selector_all(selector) {
        for i in 0..nodes.length() {
            if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let text = el.inner_text();
                let text = text.trim();
                if !text.is_empty() {
                    parts.push(text.to_string());
                }
            }
        }
    }
    parts.join(". ")
}

/// Speaks the current question in `lang` and returns what to tell the user:
/// reading, or that the device has no voice for the language (the text
/// stays on screen; nothing else changes).
fn read_aloud(lang: crate::engine::source::Lang) -> &'static str {
    let Some(synth) = speech() else {
        return tr::access_no_speech(lang);
    };
    let code = lang.code();
    let voices = synth.get_voices();
    let voice = (0..voices.length())
        .filter_map(|i| voices.get(i).dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.lang().to_ascii_lowercase().starts_with(code));
    // A browser that lists voices but none in this language would read with
    // a foreign voice: better to say so. One that lists none (not loaded
    // yet, or a platform default only) is tried with the language set.
    if voice.is_none() && voices.length() > 0 {
        return tr::access_no_voice(lang);
    }
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&question_text()) else {
        return tr::access_no_speech(lang);
    };
    utterance.set_lang(code);
    if let Some(v) = &voice {
        utterance.set_voice(Some(v));
    }
    synth.cancel();
    synth.speak(&utterance);
    tr::access_reading(lang)
}
