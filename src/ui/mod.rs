//! The Leptos app: a thin layer over [`crate::engine`]. `main.rs` calls
//! [`mount`]; everything else is components that read shared state from
//! context.

pub(crate) mod access;
pub mod clock;
mod components;
pub mod db;
pub mod demo;
mod focus;
mod format;
mod kiosk;
mod law;
mod life;
pub mod notify;
mod offline;
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

/// The app ships as three bundles, each a separate wasm loaded by its own
/// page, so that a citizen's first load carries only what browsing needs:
/// - `Portal` (`/`): the catalogue, passports and sign-in;
/// - `Apply` (`/apply/…`): the signed-in citizen's part: the wizard, EDS
///   keys, SMS codes, submission, receipts, complaints, the personal cabinet,
///   the trackers and notifications;
/// - `Staff` (`/staff/…`): the provider's back office and the State
///   Corporation operator's mode.
///
/// They share the engine, the components and the browser storage; a link
/// from one bundle to another is an ordinary page load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Portal,
    Apply,
    Staff,
}

impl Bundle {
    /// The bundle that serves a path.
    pub fn of(path: &str) -> Bundle {
        let first = path
            .trim_start_matches('/')
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        match first {
            "apply" => Bundle::Apply,
            "staff" => Bundle::Staff,
            _ => Bundle::Portal,
        }
    }

    pub fn current() -> Bundle {
        use_context::<Bundle>().unwrap_or(Bundle::Portal)
    }
}

/// A function that goes to a path: inside this bundle through the router,
/// to another bundle by loading its page. Call it when building a component
/// (it reads the router from context), then use it in event handlers.
pub fn navigator() -> impl Fn(&str) + Clone + Send + Sync + 'static {
    let bundle = Bundle::current();
    let navigate = leptos_router::hooks::use_navigate();
    move |path: &str| {
        if Bundle::of(path) == bundle {
            navigate(path, Default::default());
        } else if let Some(w) = web_sys::window() {
            let _ = w.location().assign(path);
        }
    }
}

/// Lets the browser load links that belong to another bundle (the router
/// would otherwise look for them among its own routes). Runs before the
/// router's own click handler, which listens on `window`.
fn follow_cross_bundle_links(bundle: Bundle) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let anchor = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        if let Some(a) = anchor
            && let Some(href) = a.get_attribute("href")
            && href.starts_with('/')
            && !href.starts_with("//")
            && Bundle::of(&href) != bundle
        {
            ev.stop_propagation();
        }
    });
    let _ = doc.add_event_listener_with_callback("click", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Replaces the static loading shell of the page with the bundle's app,
/// after the browser has painted the shell at least once: on a fast or
/// cached load the wasm may be ready before the first paint, and the
/// shell's heading and lead (index.html) should be what paints first.
// The match is here, inlined into each binary's `main` with a constant
// bundle, so that each wasm links only its own app (a match inside the
// callbacks would keep all three apps in every bundle).
#[inline(always)]
pub fn mount(bundle: Bundle) {
    match bundle {
        Bundle::Portal => after_first_paint(bundle, || leptos::mount::mount_to_body(App)),
        Bundle::Apply => after_first_paint(bundle, || leptos::mount::mount_to_body(ApplyApp)),
        Bundle::Staff => after_first_paint(bundle, || leptos::mount::mount_to_body(StaffApp)),
    }
}

fn after_first_paint(bundle: Bundle, mount_app: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Some(shell) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("static-shell"))
            {
                shell.remove();
            }
            follow_cross_bundle_links(bundle);
            mount_app();
        })
    });
}

/// Shared state for every bundle: preferences, storage, clock, session.
fn provide_shared(bundle: Bundle) -> Prefs {
    provide_context(bundle);
    let prefs = Prefs::load();
    provide_context(prefs);
    let access = access::Access::load();
    provide_context(access);
    provide_context(kiosk::Kiosk::start(access));
    let notices = store::StoreNotices(RwSignal::new(Vec::new()));
    provide_context(notices);
    provide_context(clock::Clock::start(notices));
    provide_context(db::Db::open(notices));
    provide_context(session::Session::open(notices));
    provide_context(notify::Seen::open(notices));
    prefs
}

/// In kiosk mode: the timeout warning and the on-screen keyboard.
fn kiosk_layer() -> Option<impl IntoView> {
    kiosk::use_kiosk().enabled.then(|| {
        view! {
            <kiosk::TimeoutWarning />
            <kiosk::OnScreenKeyboard />
        }
    })
}

/// The frame around every page: skip link, header, main, phone, footer.
#[component]
fn Frame(children: Children) -> impl IntoView {
    view! {
        <focus::RouteFocus />
        <shell::SkipLink />
        <shell::Header />
        <main id="main" tabindex="-1">
            <offline::OfflineStatus />
            <shell::StorageNotices />
            {children()}
            {kiosk_layer()}
        </main>
        <otp::PhonePanel />
        <shell::Footer />
    }
}

/// The citizen portal (the `/` bundle). Rebuilt when the language changes;
/// everything below reads the language as a plain value (see
/// `prefs::CurrentLang`).
#[component]
pub fn App() -> impl IntoView {
    let prefs = provide_shared(Bundle::Portal);
    move || {
        provide_context(prefs::CurrentLang(prefs.lang.get()));
        view! {
            <Router>
                <Frame>
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/") view=pages::Home />
                        <Route path=path!("/services/:id") view=pages::PassportPage />
                        <Route path=path!("/signin") view=pages::SignIn />
                    </Routes>
                </Frame>
            </Router>
        }
    }
}

/// Applying, signing, complaints, and following them (the `/apply/` bundle).
#[component]
pub fn ApplyApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Apply);
    move || {
        provide_context(prefs::CurrentLang(prefs.lang.get()));
        view! {
            <Router>
                <notify::BrowserNotifier />
                <Frame>
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/apply/S2") view=pages::ApplyStart />
                        <Route path=path!("/apply/S2/:draft/sign") view=pages::SignPage />
                        <Route path=path!("/apply/S2/:draft/:step") view=pages::WizardPage />
                        <Route path=path!("/apply/receipt/:reference") view=pages::ApplicationPage />
                        <Route path=path!("/apply/keys") view=pages::KeysPage />
                        <Route path=path!("/apply/complaint") view=pages::ComplaintFormPage />
                        <Route path=path!("/apply/complaint/sign") view=pages::ComplaintSignPage />
                        <Route path=path!("/apply/complaint/filed/:id") view=pages::ComplaintFiledPage />
                        // The cabinet and following an application or a complaint: here
                        // rather than in the portal, so that the first load stays small.
                        <Route path=path!("/apply/cabinet") view=pages::CabinetPage />
                        <Route path=path!("/apply/applications/:reference") view=pages::TrackerPage />
                        <Route path=path!("/apply/complaints/:id") view=pages::ComplaintTrackerPage />
                        <Route path=path!("/apply/notifications") view=notify::NotificationsPage />
                    </Routes>
                </Frame>
            </Router>
        }
    }
}

/// The provider's back office and the operator's mode (the `/staff/` bundle).
#[component]
pub fn StaffApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Staff);
    provide_context(pages::StaffRole::open(
        expect_context::<store::StoreNotices>(),
    ));
    provide_context(pages::OperatorVault::start(expect_context::<
        store::StoreNotices,
    >()));
    move || {
        provide_context(prefs::CurrentLang(prefs.lang.get()));
        view! {
            <Router>
                <Frame>
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/staff") view=pages::BackOfficePage />
                        <Route path=path!("/staff/applications/:reference") view=pages::BackOfficeApplication />
                        <Route path=path!("/staff/complaints") view=pages::ComplaintDeskList />
                        <Route path=path!("/staff/complaints/:id") view=pages::ComplaintDeskPage />
                        <Route path=path!("/staff/operator") view=pages::OperatorPage />
                        <Route path=path!("/staff/operator/visits/:id") view=pages::OperatorVisitPage />
                    </Routes>
                </Frame>
            </Router>
        }
    }
}
