//! A password input of a page's form (GOV.UK "password input"): a
//! passphrase or a PIN, kept in its answer's signal, its error read from
//! the page's error summary. The data page (a file's passphrase) and the
//! operator's lock (the PIN) both ask for one.
//!
//! Accessibility acceptance criteria:
//! - it is a [`TextField`] of type `password`: a visible `<label for>`,
//!   described by its hint and, while there is one, by its error
//!   (`aria-describedby`), `aria-invalid="true"` only while in error;
//! - its error is the error summary's item with the input's id, so the
//!   summary's link lands on it and the message stands beside it;
//! - every keystroke is kept in the answer;
//! - `autocomplete` says what a password manager may do: offer to make and
//!   keep a new passphrase, or nothing, for a passphrase typed from memory
//!   and for a PIN (a shared tablet's PIN belongs to no password manager);
//! - a PIN asks for the digits keyboard (`inputmode="numeric"`) and is a
//!   short input, its digits spaced apart;
//! - with `on_enter`, Enter runs it instead of submitting a surrounding
//!   form.

use leptos::prelude::*;

use super::error_summary::{ErrorItem, message_for};
use super::text_field::TextField;
use crate::engine::source::Lang;
use crate::ui::labels::ts;

/// What the input holds, which decides how browsers may fill it and which
/// keyboard it asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secret {
    /// A passphrase chosen now (`autocomplete="new-password"`).
    NewPassphrase,
    /// A passphrase chosen earlier and typed from memory: a manager would
    /// file it under this site's sign-in, which it is not
    /// (`autocomplete="off"`).
    Passphrase,
    /// A PIN of digits (`autocomplete="off"`, digits keyboard, short).
    Pin,
}

#[component]
pub fn PasswordInput(
    id: &'static str, label: fn(Lang) -> &'static str,
    #[prop(optional)] hint: Option<fn(Lang) -> &'static str>,
    /// The answer: written on every keystroke.
    value: RwSignal<String>,
    /// The page's error summary: the item with this input's id is its error.
    errors: RwSignal<Vec<ErrorItem>>,
    secret: Secret, #[prop(optional)] on_enter: Option<Callback<()>>,
) -> impl IntoView {
    let pin = secret == Secret::Pin;
    let autocomplete = if secret == Secret::NewPassphrase { "new-password" } else { "off" };
    view! {
        <TextField id=id password=true label=ts(label) hint=hint.map(ts) value=value
            on_input=Callback::new(move |v| value.set(v)) error=message_for(errors, id)
            autocomplete=autocomplete short=pin class=pin.then_some("input--pin")
            input_mode=pin.then_some("numeric") on_enter=on_enter />
    }
}
