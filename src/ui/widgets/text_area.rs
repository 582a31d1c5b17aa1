//! A multi-line text box (GOV.UK "textarea"): a complaint, an answer, a
//! refusal's motivation, a pasted key file.
//!
//! Accessibility acceptance criteria:
//! - the textarea has a visible `<label for>`;
//! - it is described by its hint and, while there is one, by its error
//!   message (`aria-describedby`), and is `aria-invalid="true"` only while
//!   in error; the message starts with a hidden "Error:";
//! - the value follows the stored text (`prop:value`); what is typed is
//!   kept verbatim and shown as text, never as markup.

use leptos::prelude::*;

use super::field_error::{FieldError, field_ids};

#[component]
pub fn TextArea(
    #[prop(into)] id: String, #[prop(into)] value: Signal<String>, on_input: Callback<String>,
    #[prop(into)] label: Signal<String>, #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] rows: Option<u32>,
    /// For text that is not language (a key file): no spelling check.
    #[prop(optional)]
    verbatim: bool,
) -> impl IntoView {
    let (error, hint_id, err_id, described) = field_ids(&id, error, hint.is_some());
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <FieldError id=err_id.clone() message=error />
            <textarea
                class="textarea"
                id=id.clone()
                name=id.clone()
                rows=rows
                spellcheck=verbatim.then_some("false")
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
