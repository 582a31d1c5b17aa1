//! `/staff/operator/visits/:id`: one home visit through the State
//! Corporation channel of its service — the citizen's identification from
//! the registry, the consent (SMS code to the registry's number, or a
//! signature drawn on the tablet), the package check against the
//! catalogue's list, and the receipt. Each action is sealed and stored at
//! once, so a reload (or a flat battery) resumes at the same step.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::engine::catalog::{AppendixOf, DocumentRule, ReceiptKind};
use crate::engine::identity::registry::{IdKind, Person};
use crate::engine::service::ServiceId;
use crate::engine::signing::otp::{OtpError, OtpSession, Policy, Purpose};
use crate::engine::source::Lang;
use crate::engine::visit::{self, Consent, Delivery, Point, Sms, Step, Visit};
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{ErrorItem, ErrorSummary, FieldError, PageHeading};
use crate::ui::format;
use crate::ui::law::{LawText, LegalBasis};
use crate::ui::otp::error_message;
use crate::ui::prefs::use_lang;
use crate::ui::text::{t, ts};
use crate::ui::why::WhyThisDate;

use super::operator::{LockButton, Unlock, service_name, status_label, use_vault};

fn id_kind(lang: Lang, k: IdKind) -> &'static str {
    match k {
        IdKind::IdCard => tr::operator_id_card(lang),
        IdKind::Passport => tr::operator_id_passport(lang),
        IdKind::BirthCertificate => tr::operator_id_birth_certificate(lang),
    }
}

fn step_number(s: Step) -> usize {
    match s {
        Step::Identify => 1,
        Step::Consent => 2,
        Step::Package => 3,
        Step::Done => 4,
    }
}

fn doc_text(service: ServiceId, id: &str) -> Option<DocumentRule> {
    crate::engine::catalog::service(service)
        .documents
        .iter()
        .find(|d| d.id == id)
        .cloned()
}

/// `/staff/operator/visits/:id`.
#[component]
pub fn OperatorVisitPage() -> impl IntoView {
    let vault = use_vault();
    let params = use_params_map();
    let unlocked = Memo::new(move |_| vault.is_unlocked());
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        if !unlocked.get() {
            return view! { <Unlock /> }.into_any();
        }
        let id = id.get();
        if vault
            .with_untracked(|d| d.visit(&id).is_none())
            .unwrap_or(true)
        {
            return view! {
                <div class="page">
                    <PageHeading text=ts(tr::operator_visit_not_found) />
                    <p><A href="/staff/operator">{t(tr::operator_back_to_list)}</A></p>
                </div>
            }
            .into_any();
        }
        view! { <VisitView id=id /> }.into_any()
    }
}

#[component]
fn VisitView(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let id = StoredValue::new(id);
    let visit = Memo::new(move |_| vault.with(|d| d.visit(&id.get_value()).cloned()).flatten());
    let step = Memo::new(move |_| {
        visit
            .with(|v| v.as_ref().map(|v| v.step))
            .unwrap_or_default()
    });
    let v0 = visit.get_untracked();
    let Some(v0) = v0 else {
        return ().into_any();
    };
    let person = v0.person();
    let title = Signal::stored(tr::operator_visit_title(
        lang,
        &person.map(|p| p.display_name(lang)).unwrap_or_default(),
    ));
    let service = v0.service;
    view! {
        <div class="page operator">
            <p><A href="/staff/operator" attr:class="back-link">{t(tr::operator_back_to_list)}</A></p>
            <div class="operator__bar">
                <PageHeading text=title caption=Signal::stored(format!("{} — {}", service, service_name(lang, service))) />
                <LockButton />
            </div>
            <p class="operator__progress">
                {move || tr::operator_step_of(lang, &step_number(step.get()).to_string())}
                " — "
                {move || visit.with(|v| v.as_ref().map(|v| status_label(lang, v)).unwrap_or_default())}
            </p>
            {person.map(|p| view! { <Identity person=p.clone() /> })}
            {move || match step.get() {
                Step::Identify => view! { <IdentifyStep id=id.get_value() /> }.into_any(),
                Step::Consent => view! { <ConsentStep id=id.get_value() /> }.into_any(),
                Step::Package => view! { <PackageStep id=id.get_value() /> }.into_any(),
                Step::Done => view! { <ReceiptView id=id.get_value() /> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The citizen as the registry knows them (never typed in).
#[component]
fn Identity(person: Person) -> impl IntoView {
    let lang = use_lang();
    let doc = person.id_document.clone();
    let clock = use_clock();
    let valid = doc.is_valid_on(clock.today_untracked());
    view! {
        <section class="operator__identity" aria-labelledby="identity-heading">
            <h2 id="identity-heading">{t(tr::operator_identity_title)}</h2>
            <p class="hint">{t(tr::operator_identity_source)}</p>
            <dl class="summary">
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_name)}</dt><dd class="summary__value">{person.display_name(lang)}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_iin)}</dt><dd class="summary__value">{person.iin.clone()}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_birth_date)}</dt><dd class="summary__value">{format::date(person.birth_date)}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_address)}</dt><dd class="summary__value">{person.address.get(lang).to_string()}</dd></div>
                <div class="summary__row">
                    <dt class="summary__key">{t(tr::operator_id_document)}</dt>
                    <dd class="summary__value">
                        {id_kind(lang, doc.kind)} " " {doc.number.clone()}
                        {doc.valid_until.map(|u| view! { ", " {tr::operator_valid_until(lang, &format::date(u))} })}
                        {(!valid).then(|| view! { <strong class="error-message">{t(tr::operator_id_invalid)}</strong> })}
                    </dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn IdentifyStep(id: String) -> impl IntoView {
    let vault = use_vault();
    let id = StoredValue::new(id);
    view! {
        <section aria-labelledby="step-heading">
            <h2 id="step-heading">{t(tr::operator_identify_heading)}</h2>
            <p>{t(tr::operator_identify_body)}</p>
            <button type="button" class="button" on:click=move |_| {
                vault.update(|d| if let Some(v) = d.visit_mut(&id.get_value()) { v.confirm_identity() });
            }>{t(tr::operator_identity_confirmed)}</button>
        </section>
    }
}

#[component]
fn ConsentStep(id: String) -> impl IntoView {
    view! {
        <section aria-labelledby="step-heading">
            <h2 id="step-heading">{t(tr::operator_consent_heading)}</h2>
            <p>{t(tr::operator_consent_body)}</p>
            <OtpConsent id=id.clone() />
            <SignatureConsent id=id />
        </section>
    }
}

fn spaced(code: &str) -> String {
    crate::engine::signing::otp::spaced(code)
}

/// What the visit's consent code confirms: this citizen's consent for this
/// visit's service.
fn consent_statement(v: &crate::engine::visit::Visit) -> String {
    crate::engine::signing::eds::digest_hex(&serde_json::json!({
        "purpose": "consent",
        "visit": v.id,
        "iin": v.iin,
        "service": v.service,
    }))
}

#[component]
fn OtpConsent(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let clock = use_clock();
    let id = StoredValue::new(id);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<OtpError>);
    let visit = Memo::new(move |_| vault.with(|d| d.visit(&id.get_value()).cloned()).flatten());
    let phone = Memo::new(move |_| {
        visit.with(|v| {
            v.as_ref()
                .and_then(|v| v.person())
                .and_then(|p| p.phone.clone())
        })
    });
    let sms = Memo::new(move |_| visit.with(|v| v.as_ref().and_then(|v| v.sms.clone())));
    let send = move |_| {
        // Codes and lock-outs run on the real clock, never the demo clock.
        let now = clock.real_now();
        let Some(phone) = phone.get_untracked() else {
            return;
        };
        let result = vault.update(|d| {
            let v = d.visit_mut(&id.get_value()).ok_or(OtpError::NoCodeIssued)?;
            let statement = consent_statement(v);
            if v.otp.as_ref().is_none_or(|s| s.digest() != statement) {
                v.otp = Some(OtpSession::new_random(
                    &phone,
                    Purpose::Consent,
                    &statement,
                    Policy::PORTAL,
                )?);
            }
            let s = v.otp.as_mut().ok_or(OtpError::NoCodeIssued)?;
            let issued = if s.issued_at().is_some() {
                s.resend(now)
            } else {
                s.issue(now)
            }?;
            v.sms = Some(Sms {
                code: issued.code,
                sent_at: now,
            });
            Ok(())
        });
        match result {
            Some(Err(e)) => error.set(Some(e)),
            _ => {
                error.set(None);
                typed.set(String::new());
            }
        }
    };
    let confirm = move || {
        let real = clock.real_now();
        let now = clock.now_untracked();
        let input = typed.get_untracked();
        let result = vault.update(|d| {
            let v = d.visit_mut(&id.get_value()).ok_or(OtpError::NoCodeIssued)?;
            let statement = consent_statement(v);
            let s = v.otp.as_mut().ok_or(OtpError::NoCodeIssued)?;
            s.verify(&input, real)?;
            s.confirmation(&statement)?;
            v.sms = None;
            let _ = v.give_consent(Consent::Otp { verified_at: now });
            Ok(())
        });
        match result {
            Some(Err(e)) => error.set(Some(e)),
            _ => error.set(None),
        }
    };
    let message = Signal::derive(move || error.get().map(|e| error_message(lang, &e)));
    let summary = Signal::derive(move || {
        message
            .get()
            .map(|m| {
                vec![ErrorItem {
                    field_id: "consent-code".into(),
                    message: m,
                }]
            })
            .unwrap_or_default()
    });
    let described = move || {
        if message.get().is_some() {
            "consent-code-hint consent-code-error"
        } else {
            "consent-code-hint"
        }
    };
    view! {
        <div class="operator__method">
            <h3>{t(tr::operator_consent_otp)}</h3>
            <ErrorSummary errors=summary />
            {move || match phone.get() {
                None => view! { <p>{t(tr::operator_no_phone)}</p> }.into_any(),
                Some(p) => view! {
                    <p>{tr::operator_code_to(lang, &format::masked_phone(&p))}</p>
                    <button type="button" class="button button--secondary" on:click=send>{t(tr::operator_send_code)}</button>
                }
                .into_any(),
            }}
            <Show when=move || sms.get().is_some()>
                <aside class="phone phone--inline" aria-labelledby="citizen-phone-title">
                    <h4 id="citizen-phone-title" class="phone__title">{t(tr::operator_citizen_phone)}</h4>
                    <div class="phone__screen" role="log" aria-live="polite" aria-atomic="true">
                        {move || sms.get().map(|s| view! {
                            <p class="phone__sms">
                                <span class="phone__time">{format::time(s.sent_at)}</span>
                                <br />
                                {tr::otp_sms_text(lang, &spaced(&s.code))}
                            </p>
                        })}
                    </div>
                </aside>
                <div class="field" class:field--error=move || message.get().is_some()>
                    <label class="label" for="consent-code">{t(tr::operator_code_label)}</label>
                    <p class="hint" id="consent-code-hint">{t(tr::operator_code_hint)}</p>
                    <FieldError id="consent-code-error" message=message />
                    <input
                        class="input input--short"
                        type="text"
                        id="consent-code"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-describedby=described
                        aria-invalid=move || message.get().is_some().then_some("true")
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                confirm();
                            }
                        }
                    />
                </div>
                <button type="button" class="button" on:click=move |_| confirm()>{t(tr::operator_confirm_code)}</button>
            </Show>
        </div>
    }
}

fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

fn draw_strokes(canvas: &web_sys::HtmlCanvasElement, strokes: &[Vec<Point>]) {
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    ctx.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    ctx.set_line_width(3.0);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    ctx.set_stroke_style_str("#0b0c0c");
    for s in strokes {
        let mut pts = s.iter();
        let Some(first) = pts.next() else { continue };
        ctx.begin_path();
        ctx.move_to(f64::from(first[0]), f64::from(first[1]));
        for p in pts {
            ctx.line_to(f64::from(p[0]), f64::from(p[1]));
        }
        ctx.stroke();
    }
}

/// A pointer position in canvas pixels (the canvas may be scaled by CSS).
fn point_of(canvas: &web_sys::HtmlCanvasElement, ev: &web_sys::PointerEvent) -> Point {
    let rect = canvas.get_bounding_client_rect();
    let sx = f64::from(canvas.width()) / rect.width().max(1.0);
    let sy = f64::from(canvas.height()) / rect.height().max(1.0);
    let x = (f64::from(ev.client_x()) - rect.left()) * sx;
    let y = (f64::from(ev.client_y()) - rect.top()) * sy;
    [
        x.round().clamp(0.0, 4000.0) as i16,
        y.round().clamp(0.0, 4000.0) as i16,
    ]
}

#[component]
fn SignatureConsent(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let clock = use_clock();
    let id = StoredValue::new(id);
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let current = StoredValue::new(None::<Vec<Point>>);
    let error = RwSignal::new(None::<String>);
    let stored = move || {
        vault
            .with_untracked(|d| d.visit(&id.get_value()).map(|v| v.strokes.clone()))
            .flatten()
            .unwrap_or_default()
    };
    // Draw what was saved (after a reload) once the canvas is in the page.
    Effect::new(move |_| {
        if let Some(c) = canvas.get() {
            draw_strokes(&c, &stored());
        }
    });
    let redraw = move || {
        if let Some(c) = canvas.get_untracked() {
            let mut all = stored();
            if let Some(cur) = current.get_value() {
                all.push(cur);
            }
            draw_strokes(&c, &all);
        }
    };
    let down = move |ev: leptos::ev::PointerEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let _ = c.set_pointer_capture(ev.pointer_id());
        current.set_value(Some(vec![point_of(&c, &ev)]));
    };
    let moved = move |ev: leptos::ev::PointerEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        if current.with_value(|c| c.is_none()) {
            return;
        }
        let p = point_of(&c, &ev);
        current.update_value(|s| {
            if let Some(s) = s {
                s.push(p);
            }
        });
        redraw();
    };
    let up = move |_: leptos::ev::PointerEvent| {
        if let Some(stroke) = current.get_value() {
            current.set_value(None);
            vault.update(|d| {
                if let Some(v) = d.visit_mut(&id.get_value()) {
                    v.strokes.push(stroke);
                }
            });
            redraw();
        }
    };
    let clear = move |_| {
        vault.update(|d| {
            if let Some(v) = d.visit_mut(&id.get_value()) {
                v.strokes.clear();
            }
        });
        error.set(None);
        redraw();
    };
    let accept = move |_| {
        let now = clock.now_untracked();
        let result = vault.update(|d| {
            let v = d.visit_mut(&id.get_value())?;
            let strokes = v.strokes.clone();
            Some(v.give_consent(Consent::Signature {
                strokes,
                signed_at: now,
            }))
        });
        match result.flatten() {
            Some(Err(_)) => error.set(Some(tr::operator_no_signature(lang).into())),
            _ => error.set(None),
        }
    };
    view! {
        <div class="operator__method">
            <h3>{t(tr::operator_consent_signature)}</h3>
            <p id="signature-hint" class="hint">{t(tr::operator_signature_hint)}</p>
            <FieldError id="signature-error" message=Signal::derive(move || error.get()) />
            <canvas
                node_ref=canvas
                class="operator__signature"
                width="600"
                height="200"
                role="img"
                aria-label=t(tr::operator_signature_area)
                aria-describedby="signature-hint"
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointercancel=up
            ></canvas>
            <div class="button-group">
                <button type="button" class="button" on:click=accept>{t(tr::operator_accept_signature)}</button>
                <button type="button" class="button button--secondary" on:click=clear>{t(tr::operator_clear_signature)}</button>
            </div>
        </div>
    }
}

fn doc_item(lang: Lang, service: ServiceId, id: &str) -> AnyView {
    let _ = lang;
    match doc_text(service, id) {
        Some(d) => {
            view! { <li><LawText text=d.text /> <LegalBasis provenance=d.provenance /></li> }
                .into_any()
        }
        None => view! { <li>{id.to_string()}</li> }.into_any(),
    }
}

fn check_rows(v: &Visit, vault: super::operator::OperatorVault) -> Vec<AnyView> {
    v.required()
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let input_id = format!("doc-{}", d.id);
            let checked = v.checked.contains(&d.id);
            let doc_id = StoredValue::new(d.id.clone());
            let visit_id = StoredValue::new(v.id.clone());
            let _ = i;
            view! {
                <div class="checkboxes__item">
                    <input
                        class="checkboxes__input"
                        type="checkbox"
                        id=input_id.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            vault.update(|data| {
                                if let Some(v) = data.visit_mut(&visit_id.get_value()) {
                                    v.set_checked(&doc_id.get_value(), on);
                                }
                            });
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
fn PackageStep(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let clock = use_clock();
    let id = StoredValue::new(id);
    let error = RwSignal::new(Vec::<ErrorItem>::new());
    // Rendered once: each checkbox keeps its own state and saves on change.
    let v = vault
        .with_untracked(|d| d.visit(&id.get_value()).cloned())
        .flatten();
    let rows = v.as_ref().map(|v| check_rows(v, vault)).unwrap_or_default();
    let note_items = v.as_ref().map(notes).unwrap_or_default();
    let finish = move |_| {
        let now = clock.now_untracked();
        let r = vault.update(|d| {
            d.visit_mut(&id.get_value())
                .map(|v| v.finish(now).map(|_| ()))
        });
        if let Some(Some(Err(_))) = r {
            error.set(vec![ErrorItem {
                field_id: "package".into(),
                message: tr::operator_receipt_failed(lang).into(),
            }]);
        }
    };
    view! {
        <section aria-labelledby="step-heading">
            <ErrorSummary errors=Signal::derive(move || error.get()) />
            <h2 id="step-heading">{t(tr::operator_package_heading)}</h2>
            <fieldset class="fieldset" id="package">
                <legend class="fieldset__legend">{t(tr::operator_package_legend)}</legend>
                <p class="hint">{t(tr::operator_package_hint)}</p>
                <div class="checkboxes">{rows}</div>
            </fieldset>
            <details>
                <summary>{t(tr::operator_notes)}</summary>
                <div class="details__body"><ul>{note_items}</ul></div>
            </details>
            <button type="button" class="button" on:click=finish>{t(tr::operator_issue_receipt)}</button>
        </section>
    }
}

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

#[component]
fn ReceiptView(id: String) -> impl IntoView {
    let lang = use_lang();
    let vault = use_vault();
    let v = vault.with_untracked(|d| d.visit(&id).cloned()).flatten();
    let Some(v) = v else { return ().into_any() };
    let Some(r) = v.receipt.clone() else {
        return ().into_any();
    };
    let accepted = r.kind == ReceiptKind::Acceptance;
    let person = v.person();
    let delivery = Memo::new(move |_| {
        vault
            .with(|d| {
                d.visit(&id)
                    .and_then(|v| v.receipt.as_ref().and_then(|r| r.delivery))
            })
            .flatten()
    });
    let explanation = v.deadline().map(|d| d.deadline.explanation);
    let docs: Vec<AnyView> = r
        .documents
        .iter()
        .map(|d| doc_item(lang, v.service, d))
        .collect();
    let heading = if accepted {
        tr::operator_acceptance_title(lang)
    } else {
        tr::operator_refusal_title(lang)
    };
    view! {
        <section class=if accepted { "receipt operator__receipt" } else { "receipt operator__receipt operator__receipt--refused" } aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">{heading}</h2>
            {form_line(lang, v.service, r.kind)}
            <dl class="summary">
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_receipt_number)}</dt><dd class="summary__value">{r.number.clone()}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_receipt_time)}</dt><dd class="summary__value">{format::date_time(r.issued_at)}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_col_service)}</dt><dd class="summary__value">{service_name(lang, v.service)}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_col_citizen)}</dt><dd class="summary__value">{person.map(|p| format!("{}, {}", p.display_name(lang), p.iin))}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_address)}</dt><dd class="summary__value">{person.map(|p| p.address.get(lang).to_string())}</dd></div>
                <div class="summary__row"><dt class="summary__key">{t(tr::operator_accepted_by)}</dt><dd class="summary__value">{t(tr::operator_accepted_by_value)}</dd></div>
            </dl>
            <h3>{if accepted { t(tr::operator_documents_accepted) } else { t(tr::operator_documents_missing) }}</h3>
            <ul class="operator__docs">{docs}</ul>
            {r.due.map(|due| view! {
                <h3>{t(tr::operator_deadline)}</h3>
                <p class="deadline"><strong>{format::date(due)}</strong></p>
                {explanation.clone().map(|e| view! { <WhyThisDate explanation=e /> })}
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
            <button type="button" class="button button--secondary" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{t(tr::operator_print)}</button>
            <A href="/staff/operator">{t(tr::operator_back_to_list)}</A>
        </div>
    }
    .into_any()
}
