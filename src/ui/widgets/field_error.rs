//! The message above a field in error (GOV.UK "error message").
//!
//! Accessibility acceptance criteria:
//! - nothing is rendered without a message;
//! - with one, a `p.error-message` with the given id (the field points at
//!   it with `aria-describedby`) starts with a visually hidden "Error:" in
//!   the page's language, so the message is not conveyed by colour alone.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::state::prefs::use_lang;

#[component]
pub fn FieldError(
    #[prop(into)] id: String, #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        message.get().map(|m| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">{tr::common_error_prefix(lang)} " "</span>
                    {m}
                </p>
            }
        })
    }
}

/// What every field works out the same way: its error (none if not
/// given), the ids of its hint and of its error message, and what it is
/// described by (`aria-describedby`): its hint (if it has one), then its
/// error message (while there is one).
pub fn field_ids(
    id: &str, error: Option<Signal<Option<String>>>, has_hint: bool,
) -> (
    Signal<Option<String>>,
    String,
    String,
    impl Fn() -> Option<String> + Send + Sync + 'static + use<>,
) {
    let error = error.unwrap_or_else(|| Signal::stored(None));
    let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-error"));
    let hint = has_hint.then(|| hint_id.clone());
    let err = err_id.clone();
    let described = move || {
        let mut ids: Vec<String> = hint.iter().cloned().collect();
        if error.get().is_some() {
            ids.push(err.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    (error, hint_id, err_id, described)
}
