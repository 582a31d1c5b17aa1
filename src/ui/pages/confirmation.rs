//! After submission: the GOV.UK confirmation pattern (reference number,
//! what happens next) with a printable, downloadable record and a QR code;
//! or the refusal with its grounds (F001 §9).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::engine::catalog::{self, Duration, ReceiptKind};
use crate::engine::deadline::Step;
use crate::engine::identity::registry;
use crate::engine::source::Lang;
use crate::engine::submission::{Outcome, SignatureRecord, Submission};
use crate::engine::term::Channel;
use crate::i18n::tr;
use crate::ui::components::PageHeading;
use crate::ui::db::use_db;
use crate::ui::format;
use crate::ui::law::{LawText, LegalBasis};
use crate::ui::prefs::use_lang;
use crate::ui::session::use_session;
use crate::ui::why::WhyThisDate;

use super::wizard::{document_label, reason_label};
use crate::ui::text::{t, ts};

/// The QR code of a reference number as SVG markup. The markup is made by
/// the qrcode crate from our own reference string, never from user input.
pub fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|c| {
            c.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(144, 144)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// The record as plain text, for the downloaded copy.
fn plain_copy(lang: Lang, s: &Submission) -> String {
    let mut lines = vec![tr::confirm_copy_title(lang, &s.reference), String::new()];
    for (k, v) in receipt_rows(lang, s) {
        lines.push(format!("{k}: {v}"));
    }
    match &s.outcome {
        Outcome::Accepted { due, .. } => lines.push(format!(
            "{}: {}",
            tr::confirm_deadline(lang),
            format::date(*due)
        )),
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
        (
            tr::confirm_received(lang).to_string(),
            format::date_time(s.submitted_at),
        ),
        (
            tr::confirm_receipt_service(lang).to_string(),
            catalog::service(s.service).name.text.get(lang).to_string(),
        ),
        (
            tr::confirm_receipt_applicant(lang).to_string(),
            person(&s.applicant_iin),
        ),
    ];
    if s.subject_iin != s.applicant_iin {
        rows.push((
            tr::confirm_receipt_subject(lang).to_string(),
            person(&s.subject_iin),
        ));
    }
    if let Some(d) = s.answers.document {
        rows.push((
            tr::confirm_receipt_document(lang).to_string(),
            document_label(lang, d).to_string(),
        ));
    }
    if let Some(r) = s.answers.reason {
        rows.push((
            tr::confirm_receipt_reason(lang).to_string(),
            reason_label(lang, r).to_string(),
        ));
    }
    rows.push((
        tr::confirm_receipt_school(lang).to_string(),
        format!("{}, {}", s.answers.school.trim(), s.answers.year.trim()),
    ));
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
        },
    ));
    rows.push((
        tr::confirm_receipt_accepted_by(lang).to_string(),
        tr::confirm_receipt_accepted_by_portal(lang).to_string(),
    ));
    rows
}

fn duration_text(lang: Lang, d: Duration) -> String {
    match d {
        Duration::Minutes(m) if m % 60 == 0 => tr::time_hours(lang, i64::from(m / 60)),
        Duration::Minutes(m) => tr::time_minutes(lang, i64::from(m)),
        Duration::WorkingDays(n) => tr::time_working_days(lang, i64::from(n)),
        Duration::Months(n) => tr::time_months(lang, i64::from(n)),
    }
}

/// `/apply/applications/:reference`.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let params = use_params_map();
    let db = use_db();
    let session = use_session();
    move || {
        let reference = params.read().get("reference").unwrap_or_default();
        let me = session.person().map(|p| p.iin.clone());
        match db.apps.with(|m| m.get(&reference).cloned()) {
            Some(s) if Some(&s.applicant_iin) == me.as_ref() => {
                view! { <Confirmation submission=s /> }.into_any()
            }
            _ => view! {
                <div class="page">
                    <PageHeading text=ts(tr::not_found_title) />
                    <p>{t(tr::confirm_not_found)}</p>
                    <p><A href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</A></p>
                </div>
            }
            .into_any(),
        }
    }
}

#[component]
fn Confirmation(submission: Submission) -> impl IntoView {
    let lang = use_lang();
    let s = StoredValue::new(submission);
    let accepted = s.with_value(|s| s.is_accepted());
    let reference = s.with_value(|s| s.reference.clone());
    let service = s.with_value(|s| catalog::service(s.service));
    let title = Signal::stored({
        if accepted {
            tr::confirm_accepted_title(lang)
        } else {
            tr::confirm_refused_title(lang)
        }
        .to_string()
    });
    let download = move || {
        let text = plain_copy(lang, &s.get_value());
        format!(
            "data:text/plain;charset=utf-8,{}",
            js_sys::encode_uri_component(&text)
        )
    };
    let qr = qr_svg(&reference);
    let r2 = reference.clone();

    let outcome_view = move || -> AnyView {
        match s.get_value().outcome {
            Outcome::Accepted {
                accepted_on, due, ..
            } => {
                let explanation = s
                    .with_value(|s| s.deadline())
                    .map(|d| d.deadline.explanation)
                    .unwrap_or_default();
                let late_start = explanation
                    .steps
                    .iter()
                    .any(|st| matches!(st, Step::AfterHours { .. } | Step::NonWorkingDay { .. }));
                let office = s
                    .with_value(|s| s.answers.office.clone())
                    .as_deref()
                    .and_then(registry::office);
                let steps = service.steps.clone();
                view! {
                    <Show when=move || late_start>
                        <div class="notice notice--warning"><p>{tr::confirm_after_hours(lang, &format::date(accepted_on))}</p></div>
                    </Show>
                    <h2>{t(tr::confirm_deadline)}</h2>
                    <p class="deadline"><strong>{format::date(due)}</strong></p>
                    <WhyThisDate explanation=explanation />
                    <h2>{t(tr::confirm_next_heading)}</h2>
                    <p>{t(tr::confirm_next_school)}</p>
                    <ol class="steps">
                        {steps
                            .into_iter()
                            .filter(|st| st.channels.contains(&Channel::Portal) || st.channels.is_empty() || st.channels.contains(&Channel::Provider))
                            .map(|st| {
                                let d = st.duration;
                                view! {
                                    <li>
                                        <LawText text=st.text /> " — " {duration_text(lang, d)}
                                        <LegalBasis provenance=st.provenance />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    <p>
                        {tr::confirm_next_ready(lang, &office.map(|o| o.name.get(lang).to_string()).unwrap_or_default())}
                    </p>
                    <p>{t(tr::confirm_next_storage)}</p>
                    <p>{t(tr::confirm_next_track)}</p>
                }
                .into_any()
            }
            Outcome::Refused { grounds } => {
                let receipt = service
                    .receipts
                    .iter()
                    .find(|r| {
                        r.kind == ReceiptKind::Refusal && r.channels.contains(&Channel::Portal)
                    })
                    .cloned();
                view! {
                    <h2>{t(tr::confirm_refusal_heading)}</h2>
                    <p>{t(tr::confirm_refusal_intro)}</p>
                    <ul>
                        {grounds
                            .into_iter()
                            .filter_map(|g| service.refusal_ground(g.ground_id()).cloned())
                            .map(|g| view! { <li><LawText text=g.text /> <LegalBasis provenance=g.provenance /></li> })
                            .collect_view()}
                    </ul>
                    {receipt.map(|r| view! { <div class="notice"><p><LawText text=r.text /></p><LegalBasis provenance=r.provenance /></div> })}
                    <p>{t(tr::confirm_refusal_next)}</p>
                }
                .into_any()
            }
        }
    };

    view! {
        <div class="page">
            <div class=if accepted { "panel" } else { "panel panel--refused" }>
                <PageHeading text=title />
                <p>{t(tr::confirm_reference)}</p>
                <p class="panel__ref">{reference.clone()}</p>
            </div>
            <section class="receipt" aria-labelledby="receipt-heading">
                <h2 id="receipt-heading">
                    {if accepted { tr::confirm_receipt_heading(lang) } else { tr::confirm_refusal_heading(lang) }}
                </h2>
                <div class="receipt__body">
                    <dl class="summary">
                        {move || {
                            receipt_rows(lang, &s.get_value())
                                .into_iter()
                                .map(|(k, v)| view! { <div class="summary__row"><dt class="summary__key">{k}</dt><dd class="summary__value">{v}</dd></div> })
                                .collect_view()
                        }}
                    </dl>
                    <figure class="qr">
                        <div class="qr__image" role="img" aria-label=tr::confirm_qr_label(lang, &r2) inner_html=qr></div>
                    </figure>
                </div>
            </section>
            {outcome_view}
            <div class="button-group no-print">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }>{t(tr::confirm_print)}</button>
                <a class="button button--secondary" href=download download=format!("qujat-{reference}.txt")>
                    {t(tr::confirm_download)}
                </a>
                <A href="/apply/cabinet">{t(tr::confirm_cabinet_link)}</A>
            </div>
        </div>
    }
}
