//! The citizen's consent on a home visit, as each service's source sets it:
//! an SMS code to the number the registry knows (shown on the citizen's
//! phone beside the form), a signature drawn on the tablet where the source
//! allows it, or (S1) the notice that the provider obtains it.

use leptos::prelude::*;

use super::signature::SignatureConsent;
use super::stale_message;
use crate::engine::signing::otp::{self, OtpError, OtpSession, Policy, Purpose};
use crate::engine::visit::{Consent, ConsentStep as VisitConsent, Sms};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Message, t, ts};
use crate::ui::state::desk::use_desk;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use crate::ui::widgets::legal_basis::{LawText, LegalBasis};
use crate::ui::widgets::record_page::Outcome;
use crate::ui::widgets::text_field::TextField;

/// The consent step as the visit's service sets it (issue 11, item 6; RULES
/// C-29, C-44): S3 and S2 with a digital document, the operator obtains it
/// (by SMS code, or a drawn signature where the source does not say how);
/// S1, the provider obtains the written consent on the State Corporation's
/// form, so the operator only tells the citizen. Each shows its legal basis.
#[component]
pub fn ConsentStep(id: String, rev: u64, said: Outcome) -> impl IntoView {
    let vault = use_desk();
    let step = vault
        .with_untracked(|d| d.visit(&id).map(|v| v.consent_step()))
        .flatten()
        .unwrap_or(VisitConsent::None);
    let signature_allowed = step.allows_signature();
    let basis = step.rule().map(|r| {
        view! {
            <div class="notice">
                <LawText text=r.text.clone() />
                <LegalBasis provenance=r.provenance.clone() />
            </div>
        }
    });
    let body = match step {
        VisitConsent::Notice(_) => view! {
            <p>{t(tr::operator_consent_notice_body)}</p>
            {basis}
            <NoticeGiven id=id rev=rev said=said />
        }
        .into_any(),
        _ => view! {
            <p>{t(tr::operator_consent_body)}</p>
            {basis}
            <OtpConsent id=id.clone() />
            {signature_allowed.then(|| view! { <SignatureConsent id=id rev=rev said=said /> })}
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="step-heading">
            <h2 id="step-heading" tabindex="-1">{t(tr::operator_consent_heading)}</h2>
            {body}
        </section>
    }
}

/// S1: the operator records that the citizen was told who obtains the
/// consent (F000 L33); nothing is collected on the tablet.
#[component]
fn NoticeGiven(id: String, rev: u64, said: Outcome) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let vault = use_desk();
    let id = StoredValue::new(id);
    let told = move |_| {
        let now = clock.now_untracked();
        let result = vault.change_visit_at_rev(&id.get_value(), rev, |v| {
            v.give_consent(Consent::Notice { given_at: now })
        });
        said.set(stale_message(lang, result));
    };
    view! {
        <Button on_click=told>{t(tr::operator_consent_notice_given)}</Button>
    }
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
    let Ui { lang, clock, .. } = use_ui();
    let vault = use_desk();
    let id = StoredValue::new(id);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<OtpError>);
    let visit = Memo::new(move |_| vault.with(|d| d.visit(&id.get_value()).cloned()).flatten());
    let phone = Memo::new(move |_| {
        visit.with(|v| v.as_ref().and_then(|v| v.person()).and_then(|p| p.phone.clone()))
    });
    let sms = Memo::new(move |_| visit.with(|v| v.as_ref().and_then(|v| v.sms.clone())));
    // Stored whatever the outcome: a session keeps its own record of sends
    // and tries.
    // Codes and lock-outs run on the real clock, never the demo clock.
    let send = move |_| {
        let now = clock.real_now();
        let Some(phone) = phone.get_untracked() else {
            return;
        };
        let result = vault.update_visit(&id.get_value(), |v| {
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
            let issued = if s.issued_at().is_some() { s.resend(now) } else { s.issue(now) }?;
            v.sms = Some(Sms { code: issued.code, sent_at: now });
            Ok(())
        });
        match result {
            Ok(Err(e)) => error.set(Some(e)),
            Ok(Ok(())) => {
                error.set(None);
                typed.set(String::new());
            }
            Err(_) => {}
        }
    };
    let confirm = move || {
        let real = clock.real_now();
        let now = clock.now_untracked();
        let input = typed.get_untracked();
        let result = vault.update_visit(&id.get_value(), |v| {
            let statement = consent_statement(v);
            let s = v.otp.as_mut().ok_or(OtpError::NoCodeIssued)?;
            s.verify(&input, real)?;
            s.confirmation(&statement)?;
            v.sms = None;
            let _ = v.give_consent(Consent::Otp { verified_at: now });
            Ok(())
        });
        match result {
            Ok(Err(e)) => error.set(Some(e)),
            Ok(Ok(())) => error.set(None),
            Err(_) => {}
        }
    };
    let message = Signal::derive(move || error.get().map(|e| e.message(lang)));
    let summary = Signal::derive(move || {
        message.get().map(|m| vec![ErrorItem::new("consent-code", m)]).unwrap_or_default()
    });
    view! {
        <div class="operator__method">
            <h3>{t(tr::operator_consent_otp)}</h3>
            <ErrorSummary errors=summary />
            {move || match phone.get() {
                None => view! { <p>{t(tr::operator_no_phone)}</p> }.into_any(),
                Some(p) => view! {
                    <p>{tr::operator_code_to(lang, &format::masked_phone(&p))}</p>
                    <Button look=Look::Secondary on_click=send>{t(tr::operator_send_code)}</Button>
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
                                {tr::otp_sms_text(lang, &otp::spaced(&s.code))}
                            </p>
                        })}
                    </div>
                </aside>
                <TextField id="consent-code" label=ts(tr::operator_code_label) hint=ts(tr::operator_code_hint)
                    value=typed on_input=Callback::new(move |v| typed.set(v)) error=message input_mode="numeric"
                    autocomplete="off" short=true on_enter=Some(Callback::new(move |_| confirm())) />
                <Button on_click=move |_| confirm()>{t(tr::operator_confirm_code)}</Button>
            </Show>
        </div>
    }
}
