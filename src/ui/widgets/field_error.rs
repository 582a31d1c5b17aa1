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
    #[prop(into)] id: String,
    #[prop(into)] message: Signal<Option<String>>,
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

/// The ids a field is described by: its hint (if any), then its error
/// message (while there is one); `None` when there are none.
pub fn described_by(
    hint_id: Option<String>,
    err_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if let Some(h) = &hint_id {
            ids.push(h.clone());
        }
        if error.get().is_some() {
            ids.push(err_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}
