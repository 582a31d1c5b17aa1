//! The receipt of a home visit in large type, printable: acceptance
//! (Appendix 2) with the deadline and "why this date?", or refusal
//! (Appendix 4) with the missing documents; and whether the accepted
//! package has been delivered.

use leptos::prelude::*;

use crate::engine::receipt;
use crate::ui::widgets::button::{Button, Look, print_page};
use crate::ui::widgets::qr_code::SignedQr;
use leptos_router::components::A;

use super::package::doc_item;
use crate::engine::catalog::{AppendixOf, ReceiptKind};
use crate::engine::queue;
use crate::engine::service::ServiceId;
use crate::engine::source::Lang;
use crate::engine::visit::{self, Delivery, Visit};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{t, ts};
use crate::ui::state::desk::use_desk;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::complaint_summary::service_name;
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::why_this_date::WhyThisDate;

fn form_line(lang: Lang, service: ServiceId, kind: ReceiptKind) -> AnyView {
    match visit::receipt_rule(service, kind) {
        Some(r) => {
            let form = r.form.map(|f| {
                let n = f.appendix.to_string();
                match f.of {
                    AppendixOf::Standard => tr::operator_form_standard(lang, &n),
                    AppendixOf::Rules => tr::operator_form_rules(lang, &n),
                }
            });
            let text = r.text.clone();
            let prov = r.provenance.clone();
            view! {
                <div class="receipt__form">
                    <p>
                        {form.map(|f| view! { <strong>{f}</strong> ". " })}
                        <LawText text=text />
                    </p>
                    <LegalBasis provenance=prov />
                </div>
            }
            .into_any()
        }
        None => view! { <p class="receipt__form">{t(tr::operator_form_none)}</p> }.into_any(),
    }
}

/// A counter receipt signed by its office's key (`engine::receipt`), for
/// the QR code. A home visit's receipt has none: the sources name no
/// office for a visiting operator, and Qujat does not invent one.
fn signed_code(v: &Visit) -> Option<String> {
    let issuer = receipt::issuer::of_office(v.office.as_deref()?)?;
    let statement = receipt::from::visit(v).ok()?;
    receipt::issue(&statement, &issuer.id).ok().map(|r| r.code)
}

#[component]
pub fn ReceiptView(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_desk();
    let v = vault.with_untracked(|d| d.visit(&id).cloned()).flatten();
    let Some(v) = v else { return ().into_any() };
    let Some(r) = v.receipt.clone() else {
        return ().into_any();
    };
    let accepted = r.kind == ReceiptKind::Acceptance;
    let person = v.person();
    let delivery = Memo::new(move |_| {
        vault
            .with(|d| d.visit(&id).and_then(|v| v.receipt.as_ref().and_then(|r| r.delivery)))
            .flatten()
    });
    let explanation = v.deadline().map(|d| (d.deadline.explanation, d.recomputed));
    let docs: Vec<AnyView> = r.documents.iter().map(|d| doc_item(v.service, d)).collect();
    // At a counter: the office; on a home visit: the citizen's home.
    let (accepted_by, back) = match v.office.as_deref().and_then(queue::office) {
        Some(o) => (tr::counter_accepted_by_value(lang, o.name.get(lang)), tr::counter_back(lang)),
        None => (tr::operator_accepted_by_value(lang).to_string(), tr::operator_back_to_list(lang)),
    };
    let heading = if accepted {
        tr::operator_acceptance_title(lang)
    } else {
        tr::operator_refusal_title(lang)
    };
    let qr = signed_code(&v).map(|code| {
        let label = tr::confirm_qr_label(lang, &r.number);
        view! { <SignedQr code=code label=label /> }
    });
    view! {
        <section class=if accepted { "receipt operator__receipt" } else { "receipt operator__receipt operator__receipt--refused" } aria-labelledby="receipt-heading">
            <h2 id="receipt-heading" tabindex="-1">{heading}</h2>
            {form_line(lang, v.service, r.kind)}
            <SummaryList>
                {row(tr::operator_receipt_number(lang), r.number.clone())}
                {row(tr::operator_receipt_time(lang), format::date_time(r.issued_at))}
                {row(tr::operator_col_service(lang), service_name(lang, v.service))}
                {row(tr::operator_col_citizen(lang), person.map(|p| format!("{}, {}", p.display_name(lang), p.iin)))}
                {row(tr::operator_address(lang), person.map(|p| p.address.get(lang).to_string()))}
                {row(tr::operator_accepted_by(lang), accepted_by)}
            </SummaryList>
            {qr}
            <h3>{if accepted { t(tr::operator_documents_accepted) } else { t(tr::operator_documents_missing) }}</h3>
            <ul class="operator__docs">{docs}</ul>
            {r.due.map(|due| view! {
                <h3>{t(tr::operator_deadline)}</h3>
                <p class="deadline"><strong>{format::date(due)}</strong></p>
                {explanation.clone().map(|(e, recomputed)| view! { <WhyThisDate explanation=e recomputed=recomputed /> })}
            })}
            // S3 (F003 L14): the provider's own date, a working day before.
            {r.delivery_by.clone().map(|m| view! {
                <p class="receipt__delivery-by">{tr::operator_delivery_by(lang, &format::date(m.date))}</p>
                <WhyThisDate explanation=m.explanation label=ts(tr::operator_delivery_by_why) />
            })}
            {(!accepted).then(|| view! { <p>{t(tr::operator_refusal_next)}</p> })}
        </section>
        {accepted.then(|| view! {
            <p class="operator__delivery" role="status">
                {move || match delivery.get() {
                    Some(Delivery::Delivered { at }) => tr::operator_delivered_at(lang, &format::date_time(at)),
                    _ => tr::operator_to_deliver_note(lang).to_string(),
                }}
            </p>
        })}
        <div class="button-group no-print">
            <Button look=Look::Secondary on_click=print_page>{t(tr::operator_print)}</Button>
            <A href=vault.list_href()>{back}</A>
        </div>
    }
    .into_any()
}
