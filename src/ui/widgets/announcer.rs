//! The announcer: a polite live region for the outcome of an action.
//!
//! Accessibility acceptance criteria:
//! - a visually hidden `role="status"` element with `aria-live="polite"`,
//!   present from the start and empty until there is something to say: a
//!   region created with its text already in it is not announced;
//! - it outlives the views around it: pages rebuilt on every change to
//!   their record show the outcome visibly in place, and announce it from
//!   here.

use leptos::prelude::*;

#[component]
pub fn Announcer(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="visually-hidden" role="status" aria-live="polite">{move || text.get()}</p> }
}
