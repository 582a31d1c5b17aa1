//! Every piece of text the app derives from a value, in one place, through
//! two traits: [`Label`] for the fixed name of a value (a status, a role, a
//! channel…) and [`Message`] for a sentence about one (an error with its
//! date, a term with its count). All text comes from `tr::…`, so it is in
//! the reader's language and checked at compile time; no view spells out
//! a user-facing string.

mod application;
mod catalog;
mod complaint;
mod deadline;
mod errors;
mod law;
mod life;
mod queue;
mod receipt;
mod transfer;
mod visit;

pub use catalog::{DayReason, DocumentsFor};
pub use transfer::record_kind;
pub use visit::VisitStatus;

use leptos::prelude::*;

use crate::engine::source::Lang;
use crate::ui::state::prefs::use_lang;

/// `impl Label` for types whose every value has one message:
/// `Type { Pattern => tr_function, … }`.
macro_rules! labels {
    ($($ty:ty { $($pat:pat => $f:ident),+ $(,)? })+) => {$(
        impl $crate::ui::labels::Label for $ty {
            fn label(&self, lang: $crate::engine::source::Lang) -> &'static str {
                match self { $($pat => $crate::i18n::tr::$f(lang)),+ }
            }
        }
    )+};
}
use labels;

/// The fixed name of a value in `lang`.
pub trait Label {
    fn label(&self, lang: Lang) -> &'static str;
}

/// A sentence about a value in `lang` (it may carry numbers or dates).
pub trait Message {
    fn message(&self, lang: Lang) -> String;
}

/// A value shown as a tag: its name and the tag's class (the colour says
/// nothing the words do not also say).
pub trait Tagged: Label {
    fn tag_class(&self) -> &'static str {
        "tag"
    }
}

/// The message `f` in the current language.
pub fn t(f: fn(Lang) -> &'static str) -> &'static str {
    f(use_lang())
}

/// The message `f` as a signal, for component props that take one.
pub fn ts(f: fn(Lang) -> &'static str) -> Signal<String> {
    Signal::stored(f(use_lang()).to_string())
}
