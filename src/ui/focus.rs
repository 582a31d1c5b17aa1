//! Focus after a client-side navigation. A single-page app does not reload,
//! so a screen reader would not notice the new page: after each route
//! change (not the first load) focus moves to the page's `<h1>`.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            request_animation_frame(focus_heading);
        }
        path
    });
}

/// Focuses the first `<h1>` in `<main>` (or `<main>` itself).
pub fn focus_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
}
