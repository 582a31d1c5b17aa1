//! What the browser tests share: storage, mounting a view in its own
//! container with the app's state in context, waiting for Leptos, finding
//! elements, and making the browser refuse to store.
#![allow(dead_code)]

use std::any::Any;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::Router;
use qujat::engine::source::Lang;
use qujat::ui::state::db::Db;
use qujat::ui::state::notify::Unread;
use qujat::ui::state::prefs::{CurrentLang, Prefs};
use qujat::ui::state::provide_records;
use qujat::ui::state::store::StoreNotices;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What every browser test file uses (not each uses all of it).
#[allow(unused_imports)]
pub mod prelude {
    pub use super::{Mounted, document, focused, frames, next_task, storage};
    pub use leptos::prelude::*;
    pub use qujat::engine::source::Lang;
    pub use qujat::i18n::tr;
    pub use wasm_bindgen::JsCast;
    pub use wasm_bindgen_test::*;

    /// The tests read the widgets in English.
    pub const EN: Lang = Lang::En;
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The app's state, as `app::mount` provides it, in English.
pub fn provide_state() -> StoreNotices {
    let prefs = Prefs::load();
    provide_context(prefs);
    provide_context(CurrentLang(Lang::En));
    provide_records(Db::read_citizen, Unread::from_records)
}

/// A view mounted in its own container (inside a router, with the app's
/// state); unmounted and removed on drop.
pub struct Mounted {
    pub container: HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Mounted {
    pub async fn new<V: IntoView + 'static>(view: impl FnOnce() -> V + Send + 'static) -> Mounted {
        let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&container).unwrap();
        let handle = mount_to(container.clone(), move || {
            provide_state();
            view! { <Router>{view()}</Router> }
        });
        let m = Mounted { container, handle: Some(Box::new(handle)) };
        m.settle().await;
        m
    }

    /// Mounts `view` over an empty storage, as on a first visit.
    pub async fn first_visit<V: IntoView + 'static>(
        view: impl FnOnce() -> V + Send + 'static,
    ) -> Mounted {
        storage().clear().unwrap();
        Mounted::new(view).await
    }

    /// Lets the reactive system run.
    pub async fn settle(&self) {
        for _ in 0..3 {
            leptos::task::tick().await;
        }
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.container.query_selector(selector).unwrap()
    }

    pub fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no element matches `{selector}`"))
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default().trim().to_string()
    }

    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.get(selector).get_attribute(name)
    }

    pub fn click(&self, selector: &str) {
        self.get(selector).unchecked_into::<HtmlElement>().click();
    }

    /// Types `value` into an input or textarea as a user would (an `input` event).
    pub fn type_into(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(value);
        } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value(value);
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        el.dispatch_event(&ev).unwrap();
    }

    /// Lets Leptos run until `cond` holds (one or two ticks are enough; the
    /// bound only keeps a broken view from hanging).
    pub async fn until(&self, what: &str, cond: impl Fn(&Self) -> bool) {
        for _ in 0..100 {
            leptos::task::tick().await;
            if cond(self) {
                return;
            }
        }
        panic!("gave up waiting for {what}");
    }

    /// The ids an element is described by.
    pub fn described_by(&self, selector: &str) -> Vec<String> {
        self.attr(selector, "aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.container.remove();
    }
}

/// The element focused now, if any.
pub fn focused() -> Option<Element> {
    document().active_element()
}

/// Waits until the browser calls back the function `schedule` hands it.
async fn called_back(schedule: impl FnOnce(&web_sys::Window, &js_sys::Function)) {
    let mut schedule = Some(schedule);
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(schedule) = schedule.take() {
            schedule(&web_sys::window().unwrap(), &resolve);
        }
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits for the next animation frames (focus moves happen there).
pub async fn frames() {
    for _ in 0..3 {
        called_back(|w, f| {
            w.request_animation_frame(f).unwrap();
        })
        .await;
        leptos::task::tick().await;
    }
}

/// Waits for the browser's next task (a zero timeout); `Mounted::until`
/// only lets microtasks run.
pub async fn next_task() {
    called_back(|w, f| {
        w.set_timeout_with_callback(f).unwrap();
    })
    .await;
}

/// Waits `ms` milliseconds of the browser's time (timers, such as the
/// clock's tick, run meanwhile).
pub async fn sleep(ms: i32) {
    called_back(move |w, f| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(f, ms).unwrap();
    })
    .await;
}

/// Makes the browser refuse to store `key` (as when storage is full)
/// until [`storage_works_again`]. Reading and other keys still work.
pub fn refuse_to_store(key: &str) {
    let code = format!(
        "if (!Storage.prototype.__qujatSetItem) Storage.prototype.__qujatSetItem = Storage.prototype.setItem;
         const orig = Storage.prototype.__qujatSetItem;
         Storage.prototype.setItem = function (k, v) {{
           if (k === {key:?}) throw new DOMException('full', 'QuotaExceededError');
           return orig.call(this, k, v);
         }};"
    );
    js_sys::eval(&code).unwrap();
}

pub fn storage_works_again() {
    js_sys::eval(
        "if (Storage.prototype.__qujatSetItem) Storage.prototype.setItem = Storage.prototype.__qujatSetItem;",
    )
    .unwrap();
}

/// Puts `path` in the address bar without loading it, for a view under a
/// router to read (`history.replaceState`).
pub fn go_to(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)).unwrap();
}

/// 20.03.2025 10:00 in Kazakhstan (a working Thursday).
pub fn sample_now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2025-03-20T10:00:00+05:00").unwrap().into()
}

/// A complete S2 draft of a registry adult without children.
pub fn sample_draft() -> qujat::engine::application::Draft {
    use qujat::engine::application::{Answers, DocKind, Draft, Reason, Step, Who};
    use qujat::engine::identity::registry;
    let person = registry::people()
        .iter()
        .find(|p| p.children.is_empty() && p.iin.as_bytes()[6] >= b'3')
        .unwrap();
    Draft {
        id: "d1".into(),
        service: qujat::engine::service::ServiceId::S2,
        applicant_iin: person.iin.clone(),
        answers: Answers {
            who: Some(Who::Myself),
            reason: Some(Reason::Damaged),
            document: Some(DocKind::BasicSecondaryCertificate),
            school: "Gymnasium No. 7, Oskemen".into(),
            year: "2008".into(),
            office: registry::offices().last().map(|o| o.id.clone()),
            ..Answers::default()
        },
        step: Step::Check,
        created_at: sample_now(),
        updated_at: sample_now(),
    }
}

/// An SMS-code signature over `draft`: the proof of a session verified
/// for its document's digest.
pub fn sample_signature(
    draft: &qujat::engine::application::Draft,
) -> qujat::engine::signing::Signed {
    use qujat::engine::signing::otp::{OtpSession, Policy, Purpose};
    use qujat::engine::submission;
    let digest = submission::digest_hex(&submission::document_of(draft));
    let mut s = OtpSession::new("+77010000000", Purpose::Signing, &digest, [9; 20], Policy::PORTAL);
    let sms = s.issue(sample_now()).unwrap();
    s.verify(&sms.code, sample_now()).unwrap();
    qujat::engine::signing::Signed::Otp(s.confirmation(&digest).unwrap())
}

/// `sample_draft` filed and accepted.
pub fn sample_submission() -> qujat::engine::submission::Submission {
    let d = sample_draft();
    qujat::engine::submission::submit(&d, sample_signature(&d), sample_now(), [1; 6]).unwrap()
}

/// A filed S2 complaint.
pub fn sample_complaint() -> qujat::engine::complaint::Complaint {
    use qujat::engine::complaint::{self, Addressee, ComplaintDraft, Subject};
    let draft = ComplaintDraft {
        service: qujat::engine::service::ServiceId::S2,
        application_ref: Some("S2-250320-ABCDEF".into()),
        addressee: Addressee::ProviderHead,
        subject: Subject::Inaction,
        text: "<b>Not ready</b> on the due date.".into(),
        surname: "Ахметова".into(),
        name: "Айгерім".into(),
        patronymic: Some("Болатқызы".into()),
        postal_address: "Өскемен қ., Абай даңғылы, 10-12".into(),
        phone: "+7 701 234 56 78".into(),
    };
    let sig = serde_json::json!({"method": "otp", "signer_iin": "900101300123"});
    complaint::file(draft, sig, sample_now(), [7; 8], None).unwrap()
}
