//! Offline use. The service worker `/sw.js` (written by `.ci/precache.mjs`
//! after the four trunk builds) keeps every file of the release on the
//! device, so after one visit the whole app works without a network. This
//! module registers it, says when the device is offline, and offers to
//! reload when a new release has been downloaded and is waiting.
//!
//! The page state lives outside the component (in thread-local signals):
//! switching language rebuilds the whole view, and the worker must be
//! registered and the window listeners added once per page, not once per
//! render.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::widgets::button::Button;

/// The worker's address: the root, so that its scope covers every bundle
/// (`/`, `/services/`, `/apply/`, `/cabinet/`, `/staff/`, `/corporation/`).
const WORKER: &str = "/sw.js";

/// The mark `.ci/precache.mjs` puts in every page it wrote a worker for.
/// Pages without it (trunk serve, wasm-bindgen-test) register nothing.
const MARK: &str = "meta[name='qujat-sw']";

#[derive(Clone)]
struct State {
    /// The device has no network (`navigator.onLine`, `offline`/`online`).
    offline: ArcRwSignal<bool>,
    /// A new release is installed and waits for this page to let it take over.
    update_ready: ArcRwSignal<bool>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOADING: Cell<bool> = const { Cell::new(false) };
}

/// The page's state, set up on first use: listens for `online`/`offline`
/// and registers the service worker.
fn state() -> State {
    if let Some(s) = STATE.with(|s| s.borrow().clone()) {
        return s;
    }
    let window = web_sys::window();
    let offline = window.as_ref().is_some_and(|w| !w.navigator().on_line());
    let state = State { offline: ArcRwSignal::new(offline), update_ready: ArcRwSignal::new(false) };
    STATE.with(|s| *s.borrow_mut() = Some(state.clone()));
    if let Some(w) = window {
        for (event, is_offline) in [("offline", true), ("online", false)] {
            let flag = state.offline.clone();
            listen(&w, event, move || {
                flag.set(is_offline);
                if !is_offline {
                    check_for_update();
                }
            });
        }
        if let Some(doc) = w.document() {
            let d = doc.clone();
            listen(&doc, "visibilitychange", move || {
                if d.visibility_state() == web_sys::VisibilityState::Visible {
                    check_for_update();
                }
            });
        }
        register(&w);
    }
    state
}

/// Adds a listener that lives as long as the page.
fn listen(target: &web_sys::EventTarget, event: &str, f: impl Fn() + 'static) {
    let cb = Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Calls `then` with the value of `promise`; a rejection is ignored (so it
/// is never reported as unhandled).
fn on_resolve(promise: &js_sys::Promise, then: impl FnOnce(JsValue) + 'static) {
    let ok = Closure::once(then);
    let err = Closure::once(|_: JsValue| {});
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// Registers the worker on a page built with one, served over http(s).
fn register(window: &web_sys::Window) {
    let location = window.location();
    let web = matches!(location.protocol().as_deref(), Ok("http:" | "https:"));
    let marked = window.document().and_then(|d| d.query_selector(MARK).ok().flatten()).is_some();
    let navigator = window.navigator();
    // Absent outside secure contexts and in some private modes.
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !(web && marked && supported) {
        return;
    }
    let promise = navigator.service_worker().register(WORKER);
    on_resolve(&promise, |value| {
        if let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() {
            watch(registration);
        }
    });
}

/// Follows the registration: a worker that is waiting now, one that is
/// installing now, and any later one (`updatefound`).
fn watch(registration: ServiceWorkerRegistration) {
    REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));
    if let Some(worker) = registration.installing() {
        follow(worker);
    }
    show_if_waiting();
    let reg = registration.clone();
    listen(&registration, "updatefound", move || {
        if let Some(worker) = reg.installing() {
            follow(worker);
        }
    });
}

/// Shows the prompt once an installing worker has finished installing.
fn follow(worker: ServiceWorker) {
    let w = worker.clone();
    listen(&worker, "statechange", move || {
        if w.state() == ServiceWorkerState::Installed {
            show_if_waiting();
        }
    });
}

/// A waiting worker while another controls the page is a new release (the
/// first install has no controller and does not wait).
fn show_if_waiting() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()).is_some());
    let controlled =
        web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
    if waiting
        && controlled
        && let Some(s) = STATE.with(|s| s.borrow().clone())
    {
        s.update_ready.set(true);
    }
}

/// Asks the browser to look for a new release (when back online, and when
/// the page is shown again); nothing happens when none is registered.
fn check_for_update() {
    let registration = REGISTRATION.with(|r| r.borrow().clone());
    if let Some(promise) = registration.and_then(|r| r.update().ok()) {
        on_resolve(&promise, |_| {});
    }
}

/// Lets the waiting release take over, then reloads the page under it (a
/// plain reload when no release is waiting).
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(worker) = waiting else {
        // Another tab already switched: a reload is enough.
        let _ = window.location().reload();
        return;
    };
    let container = window.navigator().service_worker();
    listen(&container, "controllerchange", move || {
        if !RELOADING.replace(true)
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().reload();
        }
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    let _ = worker.post_message(&message);
}

/// The offline banner and the update prompt, in one polite live region
/// that is always in the page, so that screen readers announce both when
/// they appear.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let State { offline, update_ready } = state();
    view! {
        <div class="offline-status" role="status">
            <Show when=move || offline.get()>
                <p class="notice offline-status__offline">{t(tr::offline_banner)}</p>
            </Show>
            <Show when=move || update_ready.get()>
                <div class="notice offline-status__update">
                    <p>
                        <strong>{t(tr::offline_update_available)}</strong>
                        " "
                        {t(tr::offline_update_hint)}
                    </p>
                    <Button on_click=move |_| apply_update()>{t(tr::offline_update_reload)}</Button>
                </div>
            </Show>
        </div>
    }
}
