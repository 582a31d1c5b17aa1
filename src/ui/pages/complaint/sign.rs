//! `/cabinet/complaint/sign`: "Check your answers" (a Change link on each
//! answer the complaint asks) and signing, like an application (EDS or SMS
//! code).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::steps::{self, Question};
use crate::engine::complaint::ComplaintError;
use crate::engine::identity::registry::Person;
use crate::engine::signing::Signed;
use crate::i18n::tr;
use crate::ui::labels::{t, ts};
use crate::ui::paths;
use crate::ui::state::complaints::{FileFailure, file, pending_drafts};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::back_link::BackLink;
use crate::ui::widgets::complaint_summary::{ComplaintSummary, Part};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::signer::{Signer, refusal_field};

/// `/cabinet/complaint/sign` for the signed-in `person` (the route asks for
/// one).
pub fn complaint_sign_page(person: &'static Person) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let navigate = use_navigate();
    let pending = pending_drafts();
    let iin = StoredValue::new(person.iin.clone());
    let p = Memo::new(move |_| pending.with(|m| m.get(&iin.get_value()).cloned()));
    let ready = Memo::new(move |_| p.get().is_some_and(|p| p.problems().is_empty()));
    let errors = RwSignal::new(Vec::<ErrorItem>::new());

    let document = Callback::new(move |()| {
        pending
            .with_untracked(|m| m.get(&iin.get_value()).cloned())
            .map(|p| p.signing_document(&iin.get_value()))
    });
    // Files the complaint; if it could not be stored, the draft is kept and
    // the page stays (the shell says it was not saved).
    let filed = Callback::new(move |record: Signed| {
        let field = refusal_field(&record);
        let message = match file(db, pending, &iin.get_value(), record, clock.now_untracked()) {
            Ok(id) => {
                navigate(&paths::complaint_filed(&id), Default::default());
                return;
            }
            Err(FileFailure::NoDraft | FileFailure::NotSaved) => return,
            Err(FileFailure::NotGenuine) => tr::sign_error_sign_tampered(lang),
            Err(FileFailure::Rejected(ComplaintError::Escalation(_))) => {
                tr::complaint_error_escalation(lang)
            }
            Err(FileFailure::Rejected(_)) => tr::complaint_error_filing(lang),
        };
        errors.set(vec![ErrorItem::new(field, message)]);
    });

    // Each answer's Change link goes to its question, if this complaint
    // asks it (an escalation's service and addressee are fixed).
    let change = Callback::new(move |part: Part| {
        let asked = p.with_untracked(|p| p.as_ref().map(steps::asked).unwrap_or_default());
        let q = match part {
            Part::Service | Part::Application => Question::About,
            Part::Addressee => Question::Addressee,
            Part::Subject => Question::Subject,
            Part::Text => Question::Text,
            _ => Question::Contact,
        };
        asked.contains(&q).then(|| paths::complaint_question(q.slug(), true))
    });
    let back = Signal::derive(move || {
        let last = p.with(|p| p.as_ref().and_then(|p| steps::asked(p).last().copied()));
        last.map(|q| paths::complaint_question(q.slug(), false))
            .unwrap_or_else(|| paths::CABINET.to_string())
    });

    let summary = move || {
        p.get().and_then(|p| p.draft()).map(|draft| {
            let parts = vec![
                Part::Service,
                Part::Application,
                Part::Addressee,
                Part::Subject,
                Part::Text,
                Part::You,
                Part::Address,
                Part::Phone,
            ];
            view! { <ComplaintSummary draft=draft parts=parts class="complaint-summary" change=change /> }
        })
    };

    view! {
        <div class="page page--narrow">
            <BackLink href=back />
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::complaint_sign_title) />
            <Show
                when=move || ready.get()
                fallback=move || view! {
                    <p>{t(tr::complaint_error_no_draft)}</p>
                    <p><A href=paths::COMPLAINT_FORM>{t(tr::complaint_form_title)}</A></p>
                }
            >
                <p>{t(tr::complaint_sign_lead)}</p>
                <h2>{t(tr::complaint_sign_check_heading)}</h2>
                {summary}
                <Signer person=person
                    flow=format!("complaint:{}", p.get_untracked().map(|p| p.id).unwrap_or_default())
                    document=document on_signed=filed errors=errors />
            </Show>
        </div>
    }
}
