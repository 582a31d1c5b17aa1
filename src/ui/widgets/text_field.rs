//! A text input (GOV.UK "text input"), also for passwords, PINs and codes.
//!
//! Accessibility acceptance criteria:
//! - the input has a visible `<label for>`; asked as the page's question
//!   (`as_heading`), the label sits in the page's focusable `<h1>` and sets
//!   the document title;
//! - the input is described by its hint and, while there is one, by its
//!   error message (`aria-describedby`), and is `aria-invalid="true"` only
//!   while in error; the message starts with a hidden "Error:";
//! - the value follows the stored answer (`prop:value`) and every keystroke
//!   is passed on, so the caller saves it at once;
//! - `inputmode` and `autocomplete` say what is typed (digits for IINs and
//!   codes, one-time codes, new or current passwords);
//! - with `on_enter`, Enter runs it instead of submitting a surrounding form.

use leptos::prelude::*;

use super::field_error::{FieldError, field_ids};
use super::page_heading::DocTitle;

#[component]
pub fn TextField(
    #[prop(into)] id: String, #[prop(into)] label: Signal<String>,
    /// Takes a hint or an `Option` of one (a helper whose hint is optional).
    #[prop(optional_no_strip, into)]
    hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<String>, on_input: Callback<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] as_heading: bool,
    /// Takes a mode or an `Option` of one, as `hint`.
    #[prop(optional_no_strip, into)]
    input_mode: Option<&'static str>,
    #[prop(optional, into)] autocomplete: Option<String>, #[prop(optional)] short: bool,
    /// `password` for secrets (the default is `text`).
    #[prop(optional)]
    password: bool,
    /// Another class for the input (or an `Option` of one).
    #[prop(optional_no_strip, into)]
    class: Option<&'static str>,
    /// Run on Enter instead of submitting an enclosing form.
    #[prop(optional_no_strip)]
    on_enter: Option<Callback<()>>,
) -> impl IntoView {
    let (error, hint_id, err_id, described) = field_ids(&id, error, hint.is_some());
    let label_view = {
        let id = id.clone();
        move || {
            if as_heading {
                view! {
                    <DocTitle text=label />
                    <h1 class="label-wrapper" tabindex="-1">
                        <label class="label label--page" for=id.clone()>{move || label.get()}</label>
                    </h1>
                }
                .into_any()
            } else {
                view! { <label class="label" for=id.clone()>{move || label.get()}</label> }
                    .into_any()
            }
        }
    };
    let input_class = match class {
        Some(c) => format!("input {c}"),
        None => "input".to_string(),
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            {label_view}
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <FieldError id=err_id.clone() message=error />
            <input
                class=input_class
                class:input--short=short
                type=if password { "password" } else { "text" }
                id=id.clone()
                name=id.clone()
                spellcheck="false"
                inputmode=input_mode
                autocomplete=autocomplete
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if let Some(cb) = on_enter
                        && ev.key() == "Enter"
                    {
                        ev.prevent_default();
                        cb.run(());
                    }
                }
            />
        </div>
    }
}
