//! The error summary (GOV.UK "error summary"): shown above a form when a
//! submit fails.
//!
//! Accessibility acceptance criteria:
//! - nothing is rendered while there are no errors;
//! - with errors, a `div.error-summary` with `role="alert"`, named by its
//!   heading (`aria-labelledby` → "There is a problem"), and focusable
//!   (`tabindex="-1"`) takes focus, so the problem is announced at once;
//! - a summary inside a widget that can share a page with another (the
//!   key tools' forms, the SMS code) names its heading by its own id, so
//!   no id repeats;
//! - each message is a link to `#<field id>`; following it moves focus to
//!   that field (not a change of the URL, which the router would treat as a
//!   navigation).

use leptos::html;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::t;

/// One entry of an error summary: the id of the field and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorItem {
    pub field_id: String,
    pub message: String,
}

impl ErrorItem {
    pub fn new(field_id: impl Into<String>, message: impl Into<String>) -> ErrorItem {
        ErrorItem { field_id: field_id.into(), message: message.into() }
    }
}

/// The message of the field `id` among `errors`, for its inline error.
pub fn message_for(errors: RwSignal<Vec<ErrorItem>>, id: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errors.get().into_iter().find(|e| e.field_id == id).map(|e| e.message))
}

/// Takes the summary away once what it reports no longer stands (its field
/// answered, or hidden): cleared whole, because a summary whose list
/// changes but stays non-empty takes focus again, which must not happen
/// while the user is answering. Nothing changes while no item is `stale`.
pub fn clear_if_any(errors: RwSignal<Vec<ErrorItem>>, stale: impl Fn(&ErrorItem) -> bool) {
    if errors.with(|e| e.iter().any(stale)) {
        errors.set(Vec::new());
    }
}

#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<ErrorItem>>,
    /// The heading's id, for a widget's summary (the page's is
    /// `error-summary-title`).
    #[prop(optional)]
    title: Option<&'static str>,
) -> impl IntoView {
    let div: NodeRef<html::Div> = NodeRef::new();
    let title = title.unwrap_or("error-summary-title");
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
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby=title node_ref=div>
                <h2 id=title>{t(tr::common_there_is_a_problem)}</h2>
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

/// Focuses the element with this id and scrolls it into view.
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
