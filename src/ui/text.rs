//! Messages as reactive text. Every message goes through the same two
//! functions, so the rendering code for "a text that follows the language"
//! exists once in the wasm instead of once per message (each distinct
//! closure would be compiled separately).

use leptos::prelude::*;

use super::prefs::use_lang;
use crate::engine::source::Lang;

/// The message `f` as a text node that follows the current language.
pub fn t(f: fn(Lang) -> &'static str) -> impl IntoView + use<> {
    let lang = use_lang();
    move || f(lang.get())
}

/// The message `f` as a signal, for component props and attributes.
pub fn ts(f: fn(Lang) -> &'static str) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || f(lang.get()).to_string())
}
