//! An action button (GOV.UK "Button"): it does something on the page at
//! once and never submits a form. A form's own button is a submit button
//! ([`BusyButton`](super::busy_button::BusyButton) while its work runs).
//!
//! Accessibility acceptance criteria:
//! - a real `<button type="button">` named by its text: reached by Tab,
//!   pressed by Enter or Space, and pressing it inside a form does not
//!   submit the form;
//! - its look says its weight: the page's main action, a secondary one, or
//!   one that deletes or ends something (`button--warning`). The text says
//!   what it does, so the colour is never the only sign;
//! - one press runs its action once.

use leptos::prelude::*;

/// How much an action weighs on its page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Look {
    /// The page's main action.
    #[default]
    Main,
    Secondary,
    /// Deletes or ends something.
    Warning,
}

impl Look {
    pub fn class(self) -> &'static str {
        match self {
            Look::Main => "button",
            Look::Secondary => "button button--secondary",
            Look::Warning => "button button--warning",
        }
    }
}

/// Prints the page: a receipt's "Print" button
/// (`<Button look=Look::Secondary on_click=print_page>`).
pub fn print_page(_: ()) {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[component]
pub fn Button(
    #[prop(optional)] look: Look,
    /// What a press does.
    #[prop(into)]
    on_click: Callback<()>, children: Children,
) -> impl IntoView {
    view! {
        <button type="button" class=look.class() on:click=move |_| on_click.run(())>
            {children()}
        </button>
    }
}
