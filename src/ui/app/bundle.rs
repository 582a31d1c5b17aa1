//! The seven bundles and moving between them.

use leptos::prelude::*;

/// The app ships as seven bundles, each a separate wasm loaded by its own
/// page, so that a citizen's first load carries only what browsing needs,
/// and each flow only what its pages use:
/// - `Portal` (`/`): the catalogue and sign-in;
/// - `Services` (`/services/…`): the service passports, each opening with
///   "what to do" for the reader's situation (the guide, its deadline
///   arithmetic and the queue's booking rules are not in the first load);
/// - `Apply` (`/apply/…`): applying: starting or resuming, the wizard's
///   questions and "check your answers";
/// - `Sign` (`/sign/…`): signing and submitting (an EDS key or an SMS
///   code), the receipt, and the EDS keys: their cryptography, the
///   submission's record and the QR code are not in the wizard's load;
/// - `Cabinet` (`/cabinet/…`): following what one has filed: the personal
///   cabinet, the trackers, notifications, one's data, signing out,
///   complaints, booking the State Corporation's queue, and checking a
///   receipt (the QR reader);
/// - `Staff` (`/staff/…`): the provider's back office and complaint desk;
/// - `Corporation` (`/corporation/…`): the State Corporation's side: the
///   hall's queue, the counter and the operator's home visits.
///
/// They share the engine, the state, the widgets and the browser storage; a
/// link from one bundle to another is an ordinary page load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Portal,
    Services,
    Apply,
    Sign,
    Cabinet,
    Staff,
    Corporation,
}

impl Bundle {
    /// The bundle that serves a path.
    pub fn of(path: &str) -> Bundle {
        let first = path.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or("");
        match first {
            "services" => Bundle::Services,
            "apply" => Bundle::Apply,
            "sign" => Bundle::Sign,
            "cabinet" => Bundle::Cabinet,
            "staff" => Bundle::Staff,
            "corporation" => Bundle::Corporation,
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
pub fn follow_cross_bundle_links(bundle: Bundle) {
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
