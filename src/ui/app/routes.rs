//! The routes of each bundle. To add a page: write it under `pages/<flow>/`,
//! add its route here (in the bundle that should carry it) and its address
//! to `paths`. A page that needs only the signed-in person is a function of
//! that person, and its route wraps it in `for_person`, which shows "sign
//! in to continue" when nobody is signed in (a page that needs one of the
//! person's drafts asks for it itself, through `draft_page::own_draft`).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::bundle::Bundle;
use super::frame::Frame;
use super::moved::{MovedOrNotFound, SigningMoved};
use super::shared::provide_shared;
use crate::ui::modes::kiosk::use_kiosk;
use crate::ui::pages::{apply, book, cabinet, complaint, portal, services, sign, staff, verify};
use crate::ui::state::db::Db;
use crate::ui::state::notify::Unread;
use crate::ui::state::operator::OperatorVault;
use crate::ui::state::prefs::{CurrentLang, Prefs};
use crate::ui::state::staff::StaffRole;
use crate::ui::state::store::StoreNotices;
use crate::ui::widgets::browser_notifier::BrowserNotifier;
use crate::ui::widgets::not_found::NotFound;
use crate::ui::widgets::sign_in_needed::for_person;

/// A bundle's app: rebuilt when the language changes (everything below
/// reads the language as a plain value, see `state::prefs::CurrentLang`),
/// its routes inside the frame.
fn app<R: IntoView + 'static>(
    prefs: Prefs, routes: impl Fn() -> R + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        provide_context(CurrentLang(prefs.lang.get()));
        view! { <Router><Frame>{routes()}</Frame></Router> }
    }
}

/// The browser's own notifications of the citizen's records (the signed-in
/// bundles). A kiosk never shows them: they would outlive the visitor's
/// session on the shared screen.
fn browser_notifier() -> impl IntoView {
    (!use_kiosk().enabled).then(|| view! { <BrowserNotifier /> })
}

/// The citizen portal (the `/` bundle).
#[component]
pub fn App() -> impl IntoView {
    let prefs = provide_shared(Bundle::Portal, Unread::glance, Db::read_as_pages_use);
    app(prefs, || {
        view! {
            <Routes fallback=NotFound>
                <Route path=path!("/") view=portal::Home />
                <Route path=path!("/signin") view=portal::SignIn />
            </Routes>
        }
    })
}

/// The service passports (the `/services/` bundle): what to do, then the
/// whole passport. Their own bundle, so that the home page's first load
/// does not carry them.
#[component]
pub fn ServicesApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Services, Unread::glance, Db::read_as_pages_use);
    app(prefs, || {
        view! {
            <Routes fallback=NotFound>
                <Route path=path!("/services/:id") view=services::PassportPage />
            </Routes>
        }
    })
}

/// Applying: starting or resuming, the wizard's questions and "check your
/// answers" (the `/apply/` bundle). Signing is the next bundle's, and what
/// follows an application (the cabinet, the trackers, complaints, booking,
/// checking a receipt) the cabinet's, so that the wizard loads neither. The
/// signing page's old address (`/apply/S2/<draft>/sign`) leads to its new
/// one.
#[component]
pub fn ApplyApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Apply, Unread::from_records, Db::read_wizard);
    app(prefs, || {
        view! {
            {browser_notifier()}
            <Routes fallback=MovedOrNotFound>
                <Route path=path!("/apply/S2") view=apply::ApplyStart />
                <Route path=path!("/apply/S2/:draft/sign") view=SigningMoved />
                <Route path=path!("/apply/S2/:draft/:step") view=apply::WizardPage />
            </Routes>
        }
    })
}

/// Signing and submitting an application, its receipt, and the EDS keys
/// (the `/sign/` bundle): the keys' and codes' cryptography, the
/// submission's record and the receipt's QR code load when the citizen
/// comes to sign, not with the wizard.
#[component]
pub fn SignApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Sign, Unread::from_records, Db::read_applying);
    app(prefs, || {
        view! {
            {browser_notifier()}
            <Routes fallback=NotFound>
                <Route path=path!("/sign/S2/:draft") view=sign::SignPage />
                <Route path=path!("/sign/receipt/:reference") view=sign::ReceiptPage />
                <Route path=path!("/sign/keys") view=|| for_person(sign::keys_page) />
            </Routes>
        }
    })
}

/// Following what one has filed: the cabinet, the trackers, notifications,
/// one's data, signing out, complaints, booking the queue and checking a
/// receipt (the `/cabinet/` bundle).
#[component]
pub fn CabinetApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Cabinet, Unread::from_records, Db::read_citizen);
    app(prefs, || {
        view! {
            {browser_notifier()}
            <Routes fallback=NotFound>
                <Route path=path!("/cabinet") view=|| for_person(cabinet::cabinet_page) />
                <Route path=path!("/cabinet/applications/:reference") view=cabinet::TrackerPage />
                <Route path=path!("/cabinet/notifications") view=cabinet::NotificationsPage />
                <Route path=path!("/cabinet/data") view=|| for_person(cabinet::data_page) />
                <Route path=path!("/cabinet/signout") view=|| for_person(cabinet::sign_out_page) />
                <Route path=path!("/cabinet/complaint") view=|| for_person(complaint::complaint_form_page) />
                <Route path=path!("/cabinet/complaint/sign") view=|| for_person(complaint::complaint_sign_page) />
                <Route path=path!("/cabinet/complaint/:step") view=|| for_person(complaint::complaint_question_page) />
                <Route path=path!("/cabinet/complaint/filed/:id") view=complaint::ComplaintFiledPage />
                <Route path=path!("/cabinet/complaints/:id") view=complaint::ComplaintTrackerPage />
                <Route path=path!("/cabinet/verify") view=verify::VerifyPage />
                <Route path=path!("/cabinet/book") view=|| for_person(book::book_page) />
                <Route path=path!("/cabinet/tickets/:reference") view=book::TicketPage />
            </Routes>
        }
    })
}

/// The provider's back office and complaint desk (the `/staff/` bundle).
#[component]
pub fn StaffApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Staff, Unread::from_records, Db::read_provider);
    provide_context(StaffRole::open(expect_context::<StoreNotices>()));
    app(prefs, || {
        view! {
            <Routes fallback=MovedOrNotFound>
                <Route path=path!("/staff") view=staff::BackOfficePage />
                <Route path=path!("/staff/applications/:reference") view=staff::BackOfficeApplication />
                <Route path=path!("/staff/complaints") view=staff::ComplaintDeskList />
                <Route path=path!("/staff/complaints/:id") view=staff::ComplaintDeskPage />
            </Routes>
        }
    })
}

/// The State Corporation's side: the hall's queue, the counter and the
/// operator's home visits (the `/corporation/` bundle).
#[component]
pub fn CorporationApp() -> impl IntoView {
    let prefs = provide_shared(Bundle::Corporation, Unread::from_records, Db::read_corporation);
    provide_context(OperatorVault::start(expect_context::<StoreNotices>()));
    app(prefs, || {
        view! {
            <Routes fallback=NotFound>
                <Route path=path!("/corporation/hall") view=staff::HallPage />
                <Route path=path!("/corporation/operator") view=staff::OperatorPage />
                <Route path=path!("/corporation/operator/visits/:id") view=staff::OperatorVisitPage />
                <Route path=path!("/corporation/counter") view=staff::CounterPage />
                <Route path=path!("/corporation/counter/visits/:id") view=staff::CounterVisitPage />
            </Routes>
        }
    })
}
