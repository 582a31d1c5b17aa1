//! Signing and submitting (F001 §8: EDS, or a one-time password with the
//! mobile number registered on the portal; C-11 accepts both), the
//! receipt that follows, and the citizen's EDS keys (the `/sign/` bundle).

mod hours;
mod keys;
mod receipt;

pub use keys::keys_page;
pub use receipt::ReceiptPage;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::engine::application::Step;
use crate::engine::catalog;
use crate::engine::identity::registry::Person;
use crate::engine::signing::Signed;
use crate::i18n::tr;
use crate::ui::labels::{Message, t, ts};
use crate::ui::paths;
use crate::ui::state::applications::{SERVICE, SubmitFailure, signing_document, submit};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::back_link::BackLink;
use crate::ui::widgets::draft_page::own_draft;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use crate::ui::widgets::legal_basis::Items;
use crate::ui::widgets::not_found::NotFound;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::signer::{Signer, refusal_field};
use hours::HoursWarningNotice;

/// `/sign/S2/:draft`.
#[component]
pub fn SignPage() -> impl IntoView {
    own_draft(
        |id, person| view! { <SignView draft_id=id person=person /> },
        || view! { <NotFound /> },
    )
}

#[component]
fn SignView(draft_id: String, person: &'static Person) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let navigate = use_navigate();
    let id = StoredValue::new(draft_id);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());

    // Files the application; on success opens its receipt. If it could not
    // be stored, the draft is kept and the page stays (the shell says it
    // was not saved).
    let file = Callback::new(move |record: Signed| {
        let now = clock.now_untracked();
        let field = refusal_field(&record);
        match submit(db, &id.get_value(), record, now) {
            Ok(reference) => navigate(&paths::receipt(&reference), Default::default()),
            Err(SubmitFailure::Rejected(e)) => {
                errors.set(vec![ErrorItem::new(field, e.message(lang))])
            }
            Err(SubmitFailure::NoDraft | SubmitFailure::NotSaved) => {}
        }
    });
    let document = Callback::new(move |()| signing_document(db, &id.get_value()));

    view! {
        <div class="page page--narrow">
            <BackLink href=Signal::derive(move || paths::step(&id.get_value(), Step::Check)) />
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::sign_title) />
            <p>{t(tr::sign_lead)}</p>
            <HoursWarningNotice draft_id=id.get_value() />
            <Items items=catalog::service(SERVICE).signing.clone() />
            <Signer person=person flow=format!("sign:{}", id.get_value()) document=document on_signed=file errors=errors />
        </div>
    }
}
