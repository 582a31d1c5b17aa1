//! `/sign/receipt/:reference`: after submission, the GOV.UK confirmation
//! pattern (reference number, what happens next) with a printable,
//! downloadable record and a QR code; or the refusal with its grounds
//! (F001 §9).

use leptos::prelude::*;

use crate::engine::receipt;

use crate::ui::widgets::button::{Button, Look, print_page};
use crate::ui::widgets::notice::IntegrityNotice;
use leptos_router::components::A;

use crate::engine::catalog::{self, ReceiptKind, Service};
use crate::engine::deadline::Step;
use crate::engine::identity::registry;
use crate::engine::source::Lang;
use crate::engine::submission::{Outcome, SignatureRecord, Submission};
use crate::engine::term::Channel;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, Message, t};
use crate::ui::paths;
use crate::ui::state::applications::application_of;
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::legal_basis::{LawEntry, LawText, LegalBasis, law_list, law_notice};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::qr_code::ReceiptQr;
use crate::ui::widgets::record_page::OwnRecordPage;
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::why_this_date::WhyThisDate;

/// The record as plain text, for the downloaded copy.
fn plain_copy(lang: Lang, s: &Submission) -> String {
    let mut lines = vec![tr::confirm_copy_title(lang, &s.reference), String::new()];
    for (k, v) in receipt_rows(lang, s) {
        lines.push(format!("{k}: {v}"));
    }
    match &s.outcome {
        Outcome::Accepted { due, .. } => {
            lines.push(format!("{}: {}", tr::confirm_deadline(lang), format::date(*due)))
        }
        Outcome::Refused { grounds } => {
            lines.push(tr::confirm_refusal_intro(lang).into());
            let service = catalog::service(s.service);
            for g in grounds {
                let text = service
                    .refusal_ground(g.ground_id())
                    .map(|r| r.text.get(lang).to_string())
                    .unwrap_or_else(|| g.ground_id().to_string());
                lines.push(format!("- {text}"));
            }
        }
    }
    lines.join("\n")
}

fn receipt_rows(lang: Lang, s: &Submission) -> Vec<(String, String)> {
    let person = |iin: &str| {
        registry::find(iin)
            .map(|p| format!("{} ({iin})", p.display_name(lang)))
            .unwrap_or_else(|| iin.to_string())
    };
    let mut rows = vec![
        (tr::confirm_reference(lang).to_string(), s.reference.clone()),
        (tr::confirm_received(lang).to_string(), format::date_time(s.submitted_at)),
        (
            tr::confirm_receipt_service(lang).to_string(),
            catalog::service(s.service).name.text.get(lang).to_string(),
        ),
        (tr::confirm_receipt_applicant(lang).to_string(), person(&s.applicant_iin)),
    ];
    if s.subject_iin != s.applicant_iin {
        rows.push((tr::confirm_receipt_subject(lang).to_string(), person(&s.subject_iin)));
    }
    if let Some(d) = s.answers.document {
        rows.push((tr::confirm_receipt_document(lang).to_string(), d.label(lang).to_string()));
    }
    if let Some(r) = s.answers.reason {
        rows.push((tr::confirm_receipt_reason(lang).to_string(), r.label(lang).to_string()));
    }
    // A package handed in at the State Corporation names no school here:
    // the documents on the receipt do.
    if !s.answers.school.trim().is_empty() {
        rows.push((
            tr::confirm_receipt_school(lang).to_string(),
            format!("{}, {}", s.answers.school.trim(), s.answers.year.trim()),
        ));
    }
    if let Some(o) = s.answers.office.as_deref().and_then(registry::office) {
        rows.push((
            tr::confirm_receipt_collect(lang).to_string(),
            format!("{}, {}", o.name.get(lang), o.address.get(lang)),
        ));
    }
    rows.push((
        tr::confirm_receipt_signed(lang).to_string(),
        match &s.signature {
            SignatureRecord::Eds { signed } => {
                tr::confirm_receipt_signed_eds(lang, &signed.certificate.serial)
            }
            SignatureRecord::Otp { phone, .. } => {
                tr::confirm_receipt_signed_otp(lang, &format::masked_phone(phone))
            }
            SignatureRecord::Receipt { number, .. } => {
                tr::confirm_receipt_signed_receipt(lang, number)
            }
        },
    ));
    rows.push((
        tr::confirm_receipt_accepted_by(lang).to_string(),
        match s.channel {
            Channel::Portal => tr::confirm_receipt_accepted_by_portal(lang),
            _ => tr::confirm_receipt_accepted_by_state_corporation(lang),
        }
        .to_string(),
    ));
    rows
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    view! {
        <OwnRecordPage param="reference" of=application_of not_found=tr::confirm_not_found
            show=|s, _| view! { <Confirmation submission=s /> } />
    }
}

/// What happens next after an accepted application.
fn accepted(lang: Lang, s: &Submission, service: &'static Service) -> AnyView {
    let Outcome::Accepted { accepted_on, due, .. } = s.outcome else {
        return ().into_any();
    };
    let (explanation, recomputed) =
        s.deadline().map(|d| (d.deadline.explanation, d.recomputed)).unwrap_or_default();
    let late_start = explanation
        .steps
        .iter()
        .any(|st| matches!(st, Step::AfterHours { .. } | Step::NonWorkingDay { .. }));
    let office = s.answers.office.as_deref().and_then(registry::office);
    let steps = service.steps.clone();
    let channel = s.channel;
    let portal = channel == Channel::Portal;
    view! {
        {late_start.then(|| view! {
            <div class="notice notice--warning"><p>{tr::confirm_after_hours(lang, &format::date(accepted_on))}</p></div>
        })}
        <h2>{t(tr::confirm_deadline)}</h2>
        <p class="deadline"><strong>{format::date(due)}</strong></p>
        <WhyThisDate explanation=explanation recomputed=recomputed />
        <h2>{t(tr::confirm_next_heading)}</h2>
        // The provider's internal steps are for the screen: the printed
        // receipt stays on one A4 page.
        <p class="no-print">{if portal { tr::confirm_next_school(lang) } else { tr::confirm_next_provider(lang) }}</p>
        <ol class="steps no-print">
            {steps
                .into_iter()
                .filter(|st| st.channels.contains(&channel) || st.channels.is_empty() || st.channels.contains(&Channel::Provider))
                .map(|st| view! {
                    <li>
                        <LawText text=st.text /> " — " {st.duration.message(lang)}
                        <LegalBasis provenance=st.provenance />
                    </li>
                })
                .collect_view()}
        </ol>
        <p>
            {match office {
                Some(o) => tr::confirm_next_ready(lang, o.name.get(lang)),
                None => tr::confirm_next_ready_state_corporation(lang).to_string(),
            }}
        </p>
        <p>{t(tr::confirm_next_storage)}</p>
        <p>{t(tr::confirm_next_track)}</p>
    }
    .into_any()
}

/// The grounds of a refusal at acceptance, and the refusal receipt's rule.
fn refused(s: &Submission, service: &'static Service) -> AnyView {
    let Outcome::Refused { grounds } = &s.outcome else {
        return ().into_any();
    };
    let grounds: Vec<LawEntry> = grounds
        .iter()
        .filter_map(|g| service.refusal_ground(g.ground_id()))
        .map(|g| LawEntry::new(g.text.clone(), g.provenance.clone()))
        .collect();
    let receipt = service
        .receipts
        .iter()
        .find(|r| r.kind == ReceiptKind::Refusal && r.channels.contains(&Channel::Portal))
        .cloned();
    view! {
        <h2>{t(tr::confirm_refusal_heading)}</h2>
        <p>{t(tr::confirm_refusal_intro)}</p>
        {law_list("", grounds)}
        {receipt.map(|r| law_notice(r.text, r.provenance))}
        <p>{t(tr::confirm_refusal_next)}</p>
    }
    .into_any()
}

/// The portal's signed acceptance or refusal (`engine::receipt`), for the
/// QR code; `None` if the record cannot make one (an invalid IIN).
fn signed_code(s: &Submission) -> Option<String> {
    let statement = receipt::from::submission(s).ok()?;
    receipt::issue(&statement, "portal").ok().map(|r| r.code)
}

#[component]
fn Confirmation(submission: Submission) -> impl IntoView {
    let lang = use_lang();
    let s = submission;
    let accepted_now = s.is_accepted();
    let reference = s.reference.clone();
    let service = catalog::service(s.service);
    let title = if accepted_now {
        tr::confirm_accepted_title(lang)
    } else {
        tr::confirm_refused_title(lang)
    };
    let download = format::data_url("text/plain", &plain_copy(lang, &s));
    let outcome = if accepted_now { accepted(lang, &s, service) } else { refused(&s, service) };
    let rows = receipt_rows(lang, &s).into_iter().map(|(k, v)| row(k, v)).collect_view();

    view! {
        <div class="page">
            <div class=if accepted_now { "panel" } else { "panel panel--refused" }>
                <PageHeading text=Signal::stored(title.to_string()) />
                <p>{t(tr::confirm_reference)}</p>
                <p class="panel__ref">{reference.clone()}</p>
            </div>
            <IntegrityNotice submission=s.clone() />
            <section class="receipt" aria-labelledby="receipt-heading">
                <h2 id="receipt-heading">
                    {if accepted_now { tr::confirm_receipt_heading(lang) } else { tr::confirm_refusal_heading(lang) }}
                </h2>
                <div class="receipt__body">
                    <SummaryList>{rows}</SummaryList>
                    <ReceiptQr code=signed_code(&s) reference=reference.clone() label=tr::confirm_qr_label(lang, &reference) />
                </div>
            </section>
            {outcome}
            <div class="button-group no-print">
                <Button look=Look::Secondary on_click=print_page>{t(tr::confirm_print)}</Button>
                <a class="button button--secondary" href=download download=format!("qujat-{reference}.txt")>
                    {t(tr::confirm_download)}
                </a>
                <A href=paths::CABINET>{t(tr::confirm_cabinet_link)}</A>
            </div>
        </div>
    }
}
