//! The Leptos app: a thin layer over [`crate::engine`]. `main.rs` calls
//! [`mount`]; everything else is components that read shared state from
//! context.

mod pages;
mod prefs;
mod shell;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use prefs::Prefs;

/// Replaces the static loading shell from `index.html` with the app.
pub fn mount() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("static-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::load();
    provide_context(prefs);
    view! {
        <Router>
            <shell::SkipLink />
            <shell::Header />
            <main id="main" tabindex="-1">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Home />
                </Routes>
            </main>
            <shell::Footer />
        </Router>
    }
}
