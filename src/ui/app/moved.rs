//! The fallback route of the bundles that pages moved out of (applying,
//! the back office): a page that moved to a bundle of its own is loaded
//! from its new address (so a receipt's printed check link and a bookmark
//! keep working); any other address is "page not found". And signing's
//! old address, the one with a part in the middle, as a route of its own.

use leptos::prelude::*;

use leptos_router::hooks::use_params_map;

use crate::ui::paths::{moved, signing_moved};
use crate::ui::widgets::not_found::NotFound;

/// Loads the page `to` names for the browser's location in its place, or
/// says "page not found" when it names none (or there is no window).
/// `replace`: the old address does not stay in the history, so "back"
/// does not bounce here again.
fn load_instead(to: impl FnOnce(&web_sys::Location) -> Option<String>) -> AnyView {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return view! { <NotFound /> }.into_any();
    };
    match to(&location) {
        Some(to) => {
            let _ = location.replace(&to);
            ().into_any()
        }
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
pub fn MovedOrNotFound() -> impl IntoView {
    // The browser's own address, with its `?` and `#` (the router's
    // `search` leaves the `?` out).
    load_instead(|location| {
        moved(&format!(
            "{}{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        ))
    })
}

/// `/apply/S2/:draft/sign`: signing before it had a bundle of its own
/// (`/sign/`); loads its new address, or says "page not found".
#[component]
pub fn SigningMoved() -> impl IntoView {
    let draft = use_params_map().read_untracked().get("draft").unwrap_or_default();
    load_instead(|location| {
        let rest = format!(
            "{}{}",
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        signing_moved(&draft, &rest)
    })
}
