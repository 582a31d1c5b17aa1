//! Checking the package on a home visit: the catalogue's State
//! Corporation list for the service and the citizen's situation, each
//! document a checkbox saved as it is ticked; then the receipt.
//!
//! The list is a fieldset with a legend; each checkbox has its label (the
//! document) and its legal basis.

use leptos::prelude::*;

use super::stale_message;
use crate::engine::catalog::{self, DocumentRule};
use crate::engine::service::ServiceId;
use crate::engine::visit::{self, Visit};
use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::desk::{Desk, use_desk};
use crate::ui::state::store::Refused;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::Button;
use crate::ui::widgets::details::Details;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::field_error::FieldError;
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::record_page::Outcome;

/// A document of the service's catalogue entry by its id.
fn doc_text(service: ServiceId, id: &str) -> Option<DocumentRule> {
    catalog::service(service).documents.iter().find(|d| d.id == id).cloned()
}

pub fn doc_item(service: ServiceId, id: &str) -> AnyView {
    match doc_text(service, id) {
        Some(d) => {
            view! { <li><LawText text=d.text /> <LegalBasis provenance=d.provenance /></li> }
                .into_any()
        }
        None => view! { <li>{id.to_string()}</li> }.into_any(),
    }
}

fn check_rows(v: &Visit, vault: Desk) -> Vec<AnyView> {
    v.required()
        .into_iter()
        .map(|d| {
            let input_id = format!("doc-{}", d.id);
            let checked = v.checked.contains(&d.id);
            let doc_id = StoredValue::new(d.id.clone());
            let visit_id = StoredValue::new(v.id.clone());
            view! {
                <div class="checkboxes__item">
                    <input
                        class="checkboxes__input"
                        type="checkbox"
                        id=input_id.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let _ = vault.update_visit(&visit_id.get_value(), |v| v.set_checked(&doc_id.get_value(), on));
                        }
                    />
                    <label class="checkboxes__label" for=input_id><LawText text=d.text.clone() /></label>
                    <LegalBasis provenance=d.provenance.clone() />
                </div>
            }
            .into_any()
        })
        .collect()
}

fn notes(v: &Visit) -> Vec<AnyView> {
    visit::channel_notes(v.service, &v.situations)
        .into_iter()
        .map(|d| view! { <li><LawText text=d.text.clone() /> <LegalBasis provenance=d.provenance.clone() /></li> }.into_any())
        .collect()
}

#[component]
pub fn PackageStep(id: String, rev: u64, said: Outcome) -> impl IntoView {
    let Ui { lang, clock, db, .. } = use_ui();
    let vault = use_desk();
    let id = StoredValue::new(id);
    let error = RwSignal::new(Vec::<ErrorItem>::new());
    let failed = message_for(error, "package");
    // Rendered once: each checkbox keeps its own state and saves on change.
    let v = vault.with_untracked(|d| d.visit(&id.get_value()).cloned()).flatten();
    let rows = v.as_ref().map(|v| check_rows(v, vault)).unwrap_or_default();
    let note_items = v.as_ref().map(notes).unwrap_or_default();
    let finish = move |_| {
        let now = clock.now_untracked();
        match vault.change_visit_at_rev(&id.get_value(), rev, |v| v.finish(now).map(|_| ())) {
            Err(Refused::Rule(_)) => {
                error.set(vec![ErrorItem::new("package", tr::operator_receipt_failed(lang))])
            }
            Ok(()) => {
                // At a counter the package is filed as an application now.
                vault.after_finish(db, now);
            }
            other => said.set(stale_message(lang, other)),
        }
    };
    view! {
        <section aria-labelledby="step-heading">
            <ErrorSummary errors=error />
            <h2 id="step-heading" tabindex="-1">{t(tr::operator_package_heading)}</h2>
            // Focusable, so the error summary's link lands on the list;
            // its error is said inline and read with it.
            <fieldset class="fieldset" id="package" tabindex="-1" aria-describedby=move || {
                if failed.with(Option::is_some) { "package-hint package-error" } else { "package-hint" }
            }>
                <legend class="fieldset__legend">{t(tr::operator_package_legend)}</legend>
                <p class="hint" id="package-hint">{t(tr::operator_package_hint)}</p>
                <FieldError id="package-error" message=failed />
                <div class="checkboxes">{rows}</div>
            </fieldset>
            <Details summary=t(tr::operator_notes)><ul>{note_items}</ul></Details>
            <Button on_click=finish>{t(tr::operator_issue_receipt)}</Button>
        </section>
    }
}
