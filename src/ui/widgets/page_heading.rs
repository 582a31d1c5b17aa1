//! The page heading (GOV.UK "page heading") and the document title.
//!
//! Accessibility acceptance criteria:
//! - the heading is the page's one `<h1>`, focusable (`tabindex="-1"`), so
//!   that a navigation can move focus to it and a screen reader announces
//!   the new page;
//! - the document title becomes "<heading> – Qujat" in the page's language,
//!   so the tab and the window list name the page;
//! - a caption (the reference, the service) sits above the `<h1>`, outside
//!   it, in a `.caption`.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::state::prefs::{set_title, use_lang};

/// Sets the document title to "<text> – Qujat" in the current language.
#[component]
pub fn DocTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| set_title(&tr::common_page_title(lang, &text.get())));
}

/// The page's `<h1>` and the document title.
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
