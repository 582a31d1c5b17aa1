//! Small building blocks following the GOV.UK Design System patterns: a page
//! heading that takes focus and sets the title, an error summary that takes
//! focus and links to each field, radios, text inputs, a back link and tags.
//! All text arrives as already-translated strings; user input is rendered as
//! text nodes only, never as markup.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use super::prefs::use_lang;
use crate::i18n::tr;
use crate::ui::text::t;

/// Sets the document title to "<text> – Qujat" in the current language.
#[component]
pub fn DocTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| {
        let title = tr::common_page_title(lang, &text.get());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}

/// The page's `<h1>` (focusable, so that a navigation can move focus to it)
/// and the document title.
#[component]
pub fn PageHeading(
    #[prop(into)] text: Signal<String>,
    #[prop(optional, into)] caption: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <DocTitle text=text />
        {caption.map(|c| view! { <span class="caption">{move || c.get()}</span> })}
        <h1 tabindex="-1">{move || text.get()}</h1>
    }
}

/// One entry of an error summary: the id of the field and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorItem {
    pub field_id: String,
    pub message: String,
}

/// A polite live region that outlives the views around it: pages rebuilt on
/// every change to their record show the outcome of an action visibly in
/// place, and announce it from here (a region created with its text already
/// in it is not announced).
#[component]
pub fn Announcer(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="visually-hidden" role="status" aria-live="polite">{move || text.get()}</p> }
}

/// The error summary: shown above the form when a submit fails. It takes
/// focus so that the problem is announced, and each message links to its
/// field.
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<ErrorItem>>) -> impl IntoView {
    let div: NodeRef<html::Div> = NodeRef::new();
    Effect::new(move |_| {
        if !errors.get().is_empty()
            && let Some(el) = div.get_untracked()
        {
            request_animation_frame(move || {
                let _ = el.focus();
            });
        }
    });
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" node_ref=div>
                <h2 id="error-summary-title">{t(tr::common_there_is_a_problem)}</h2>
                <ul>
                    <For each=move || errors.get() key=|e| (e.field_id.clone(), e.message.clone()) let(e)>
                        <li>
                            <a
                                href=format!("#{}", e.field_id)
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_by_id(&e.field_id);
                                }
                            >
                                {e.message.clone()}
                            </a>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// Focuses the element with this id and scrolls it into view (the error
/// summary's links do this instead of changing the URL hash, which the
/// router would treat as a navigation).
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The message shown above a field in error, with a visually hidden
/// "Error:" prefix for screen readers.
#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        {move || {
            message
                .get()
                .map(|m| {
                    view! {
                        <p class="error-message" id=id.clone()>
                            <span class="visually-hidden">{tr::common_error_prefix(lang)} " "</span>
                            {m}
                        </p>
                    }
                })
        }}
    }
}

/// One radio option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

/// A set of radios as one question (a fieldset whose legend is the page
/// heading when `as_heading`). The first radio has the id `name`, so the
/// error summary can link to it.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    #[prop(into)] selected: Signal<Option<String>>,
    on_select: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] as_heading: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let err_id = format!("{name}-error");
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let legend_view = move || {
        if as_heading {
            view! {
                <legend class="legend--page">
                    <DocTitle text=legend />
                    <h1 class="legend__heading" tabindex="-1">{move || legend.get()}</h1>
                </legend>
            }
            .into_any()
        } else {
            view! { <legend>{move || legend.get()}</legend> }.into_any()
        }
    };
    let group = name.clone();
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <fieldset aria-describedby=described>
                {legend_view}
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
                <FieldError id=err_id.clone() message=error />
                <div class="choices">
                    <For
                        each=move || enumerate(choices.get())
                        key=|(i, c)| (*i, c.value.clone(), c.label.clone())
                        children=move |(i, c)| {
                            let id = if i == 0 { group.clone() } else { format!("{group}-{i}") };
                            let value = c.value.clone();
                            let v2 = value.clone();
                            let hint_id = format!("{id}-item-hint");
                            let has_hint = c.hint.is_some();
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name=group.clone()
                                        value=value.clone()
                                        prop:checked=move || selected.get().as_deref() == Some(v2.as_str())
                                        aria-describedby=has_hint.then(|| hint_id.clone())
                                        on:change=move |_| on_select.run(value.clone())
                                    />
                                    // The hint is outside the label: it describes the
                                    // choice (aria-describedby), it is not its name.
                                    <div class="choice__text">
                                        <label for=id.clone()>{c.label.clone()}</label>
                                        {c.hint.clone().map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
                                    </div>
                                </div>
                            }
                        }
                    />
                </div>
            </fieldset>
        </div>
    }
}

/// A labelled text input. The value is bound with `prop:value`; every
/// keystroke goes to `on_input` (the caller saves it at once).
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] as_heading: bool,
    #[prop(optional, into)] input_mode: Option<String>,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional)] short: bool,
    /// Run on Enter instead of submitting an enclosing form.
    #[prop(optional)]
    on_enter: Option<Callback<()>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
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
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            {label_view}
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <FieldError id=err_id.clone() message=error />
            <input
                class="input"
                class:input--short=short
                type="text"
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

/// "Back" to the previous page of a journey.
#[component]
pub fn BackLink(#[prop(into)] href: Signal<String>) -> impl IntoView {
    view! {
        <A href=move || href.get() attr:class="back-link">{t(tr::common_back)}</A>
    }
}

fn enumerate<T>(items: Vec<T>) -> Vec<(usize, T)> {
    items.into_iter().enumerate().collect()
}
