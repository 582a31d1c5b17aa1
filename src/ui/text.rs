//! Messages in the language the view is rendered in (see
//! `prefs::CurrentLang`).

use leptos::prelude::*;

use super::prefs::use_lang;
use crate::engine::source::Lang;

/// The message `f` in the current language.
pub fn t(f: fn(Lang) -> &'static str) -> &'static str {
    f(use_lang())
}

/// The message `f` as a signal, for component props that take one.
pub fn ts(f: fn(Lang) -> &'static str) -> Signal<String> {
    Signal::stored(f(use_lang()).to_string())
}
