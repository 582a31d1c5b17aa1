//! Details (GOV.UK "details"): more information, one click or key away.
//!
//! Accessibility acceptance criteria:
//! - a native `<details>` with its `<summary>`: closed by default,
//!   operable by keyboard, announced as expanded or collapsed;
//! - the summary says what is inside, in words.

use leptos::prelude::*;

#[component]
pub fn Details(
    #[prop(into)] summary: String, #[prop(default = None)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <details class=class>
            <summary>{summary}</summary>
            <div class="details__body">{children()}</div>
        </details>
    }
}
