//! A form's submit button while the form's work runs (GOV.UK "prevent
//! double click"): deriving a key, sealing or opening a data file, reading
//! a receipt's QR code from a picture.
//!
//! Accessibility acceptance criteria:
//! - a real `<button type="submit">`, named by its text, so Enter in any
//!   field of the form presses it;
//! - while busy it says `aria-disabled="true"` and is never `disabled`:
//!   it keeps its place in the tab order and keeps focus if it has it, and
//!   a screen reader says it is unavailable;
//! - once the work is over the attribute goes, not `"false"`;
//! - the form's handler, not the button, refuses a second submission while
//!   busy (a click on an `aria-disabled` button still submits): wrap it in
//!   [`unless_busy`]; the form says what is happening in its own live
//!   region.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::button::Look;

/// The submit handler of a form with a [`BusyButton`]: stops the browser's
/// own submission (the page must not reload) and runs `submit` only when
/// the form is not `busy`, so a second press while the work runs does
/// nothing. `submit` sets `busy` when it starts work that takes a while.
pub fn unless_busy(
    busy: RwSignal<bool>, submit: impl Fn() + Copy + 'static,
) -> impl Fn(SubmitEvent) + Copy + 'static {
    move |ev: SubmitEvent| {
        ev.prevent_default();
        if !busy.get_untracked() {
            submit();
        }
    }
}

#[component]
pub fn BusyButton(
    #[prop(into)] busy: Signal<bool>,
    /// How much the form weighs on its page: [`Look::Main`] unless said.
    #[prop(optional)]
    look: Look,
    children: Children,
) -> impl IntoView {
    view! {
        <button type="submit" class=look.class() aria-disabled=move || busy.get().then_some("true")>
            {children()}
        </button>
    }
}
