//! The Leptos app: a thin layer over [`crate::engine`]. `main.rs` calls
//! [`mount`]; everything else is components that read shared state from
//! context.

pub mod clock;
mod components;
pub mod db;
mod focus;
mod format;
mod law;
pub mod otp;
mod pages;
mod prefs;
pub mod session;
mod shell;
pub mod store;
mod text;
mod why;

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
    let notices = store::StoreNotices(RwSignal::new(Vec::new()));
    provide_context(notices);
    provide_context(clock::Clock::start(notices));
    provide_context(db::Db::open(notices));
    provide_context(session::Session::open(notices));
    view! {
        <Router>
            <focus::RouteFocus />
            <shell::SkipLink />
            <shell::Header />
            <main id="main" tabindex="-1">
                <shell::StorageNotices />
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Home />
                    <Route path=path!("/services/:id") view=pages::PassportPage />
                    <Route path=path!("/signin") view=pages::SignIn />
                    <Route path=path!("/cabinet") view=pages::CabinetPage />
                    <Route path=path!("/apply/S2") view=pages::ApplyStart />
                    <Route path=path!("/apply/S2/:draft/sign") view=pages::SignPage />
                    <Route path=path!("/apply/S2/:draft/:step") view=pages::WizardPage />
                    <Route path=path!("/applications/:reference") view=pages::ApplicationPage />
                </Routes>
            </main>
            <otp::PhonePanel />
            <shell::Footer />
        </Router>
    }
}
