//! A file input (GOV.UK "file upload"): one file, read by the page when
//! its form is submitted.
//!
//! Accessibility acceptance criteria:
//! - the native `<input type="file">` with a visible `<label>`, so the
//!   browser's own control is reached and opened by keyboard and announced
//!   with its name and the chosen file;
//! - the hint and, while there is one, the error message describe it
//!   (`aria-describedby`); in error it is `aria-invalid="true"` and the
//!   message starts with a visually hidden "Error:".

use leptos::html;
use leptos::prelude::*;

use super::field_error::{FieldError, field_ids};

#[component]
pub fn FileUpload(
    #[prop(into)] id: String, #[prop(into)] label: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    /// What the browser offers to choose, e.g. `.json,application/json`.
    accept: &'static str,
    node_ref: NodeRef<html::Input>, #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let (error, hint_id, err_id, described) = field_ids(&id, error, true);
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{move || label.get()}</label>
            <p class="hint" id=hint_id>{move || hint.get()}</p>
            <FieldError id=err_id message=error />
            <input
                class="input"
                type="file"
                id=id.clone()
                name=id
                accept=accept
                node_ref=node_ref
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
            />
        </div>
    }
}

/// The file chosen in the input `node_ref` points at, if any.
pub fn chosen(node_ref: NodeRef<html::Input>) -> Option<web_sys::File> {
    node_ref.get_untracked()?.files()?.get(0)
}
