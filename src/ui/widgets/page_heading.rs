//! The page heading (GOV.UK "page heading") and the document title.
//!
//! Accessibility acceptance criteria:
//! - the heading is the page's one `<h1>`, focusable (`tabindex="-1"`), so
//!   that a navigation can move focus to it and a screen reader announces
//!   the new page;
//! - the document title becomes `"<heading> – Qujat"` in the page's language,
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
    #[prop(into)] text: Signal<String>, #[prop(optional, into)] caption: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <DocTitle text=text />
        {caption.map(|c| view! { <span class="caption">{move || c.get()}</span> })}
        <h1 tabindex="-1">{move || text.get()}</h1>
    }
}

/// Focuses the page's `<h1>` (or `<main>`), as after a navigation: a
/// screen reader announces the new page.
pub fn focus_page_heading() {
    focus_first("main h1");
}

/// Focuses the first element `selector` finds in the document, or `<main>`.
pub fn focus_first(selector: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .query_selector(selector)
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
}

/// For a view that replaces what had focus without a navigation (a lock
/// screen that opens, a step of a visit that follows the last): each time
/// `key` changes — not on the first render — focus moves, after the next
/// paint, to the first element `selector(key)` finds (its heading), so
/// focus is never lost to the page's body.
pub fn focus_on_change<T: PartialEq + Clone + Send + Sync + 'static>(
    key: Memo<T>, selector: fn(&T) -> &'static str,
) {
    Effect::new(move |previous: Option<T>| {
        let now = key.get();
        if previous.is_some_and(|p| p != now) {
            let target = selector(&now);
            request_animation_frame(move || focus_first(target));
        }
        now
    });
}

/// For a view rebuilt whenever what it shows changes (a record changed by
/// the user's own action, or by another tab): each time `key` changes —
/// not on the first render — if focus was inside what was replaced (it is
/// now on the body, or on an element no longer in the document), it moves,
/// after the next paint, to the page's `<h1>`. Focus elsewhere (a tool
/// outside the view, a field of another form) is left where it is.
pub fn refocus_if_lost<T: PartialEq + Clone + Send + Sync + 'static>(key: Memo<T>) {
    Effect::new(move |previous: Option<T>| {
        let now = key.get();
        if previous.is_some_and(|p| p != now) {
            request_animation_frame(|| {
                if focus_lost() {
                    focus_page_heading();
                }
            });
        }
        now
    });
}

/// After the next paint, if focus was lost (the pressed control was
/// removed with what it changed), moves it to the first element
/// `selector` finds; focus anywhere else is left where it is. (Not shared
/// with `refocus_if_lost`: taking a selector there costs the sign bundle
/// about 270 B of brotli, measured.)
pub fn refocus_later(selector: &'static str) {
    request_animation_frame(move || {
        if focus_lost() {
            focus_first(selector);
        }
    });
}

/// Whether nothing on the page has focus: the body has it, or an element
/// that has been removed.
fn focus_lost() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    doc.active_element().is_none_or(|el| !el.is_connected() || el.tag_name() == "BODY")
}
