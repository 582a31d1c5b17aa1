//! Confirmation by a one-time SMS code (F001 §8: signing or consent through
//! the mobile number registered on the portal), following the GOV.UK SMS
//! code pattern: the code's expiry, a resend with a cooldown, and "not
//! received?". The SMS arrives on a simulated phone shown on screen and
//! announced to screen readers.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::clock::use_clock;
use super::components::{ErrorItem, ErrorSummary, TextField};
use super::db::use_db;
use super::format;
use super::prefs::use_lang;
use crate::engine::signing::otp::{self, OtpBook, OtpError, Policy, Purpose};
use crate::engine::signing::vault;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::text::{t, ts};

/// One simulated SMS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    pub id: u64,
    pub phone: String,
    pub code: String,
    pub sent_at: DateTime<Utc>,
}

/// All OTP sessions (by flow key) with the limits per phone number.
pub type OtpSessions = OtpBook;

pub fn error_message(lang: Lang, e: &OtpError) -> String {
    match e {
        OtpError::Malformed => tr::otp_error_otp_malformed(lang).into(),
        OtpError::Expired { .. } => tr::otp_error_otp_expired(lang).into(),
        OtpError::WrongCode { tries_left } => {
            tr::otp_error_otp_wrong_code(lang, &tries_left.to_string())
        }
        OtpError::Locked { until } => tr::otp_error_otp_locked(lang, &format::time(*until)),
        OtpError::NoCodeIssued => tr::otp_error_otp_no_code_issued(lang).into(),
        OtpError::AlreadyUsed => tr::otp_error_otp_already_used(lang).into(),
        OtpError::Cooldown { .. } => tr::otp_error_otp_cooldown(lang).into(),
        OtpError::Random => tr::otp_error_random_unavailable(lang).into(),
        OtpError::TooManyCodes { until } => {
            tr::otp_error_otp_too_many_codes(lang, &format::time(*until))
        }
        OtpError::NotVerified => tr::otp_error_otp_not_verified(lang).into(),
        OtpError::DocumentChanged => tr::otp_error_otp_document_changed(lang).into(),
    }
}

/// Groups a code as "123 456" so it is read out digit group by group.
fn spaced(code: &str) -> String {
    otp::spaced(code)
}

/// The code entry for one flow (`flow` is a stable key such as
/// "consent:<draft id>"). `digest` gives the digest of what the code
/// confirms at the moment it is sent (`None`: nothing to confirm); the code
/// is bound to it. Calls `on_verified` once the code is right. Codes,
/// expiry and lock-outs run on the real clock, never the demo clock.
#[component]
pub fn OtpConfirm(
    #[prop(into)] flow: String,
    #[prop(into)] phone: String,
    purpose: Purpose,
    digest: Callback<(), Option<String>>,
    on_verified: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let flow = StoredValue::new(flow);
    let phone = StoredValue::new(phone);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<OtpError>);
    let session = Memo::new(move |_| db.otp.with(|m| m.session(&flow.get_value()).cloned()));

    let deliver = move |code: String, now: DateTime<Utc>| {
        db.sms.update(|inbox| {
            let id = inbox.iter().map(|s| s.id).max().unwrap_or(0) + 1;
            inbox.push(Sms {
                id,
                phone: phone.get_value(),
                code,
                sent_at: now,
            });
            let excess = inbox.len().saturating_sub(10);
            inbox.drain(..excess);
        });
    };
    let send = move |_| {
        let now = clock.real_now();
        let Some(digest) = digest.run(()) else {
            return;
        };
        let result = db.otp.update(|m| {
            m.send(
                &flow.get_value(),
                &phone.get_value(),
                purpose,
                &digest,
                Policy::PORTAL,
                now,
                vault::random_bytes,
            )
        });
        match result {
            Ok(issued) => {
                error.set(None);
                typed.set(String::new());
                deliver(issued.code, now);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let confirm = move || {
        let now = clock.real_now();
        let input = typed.get_untracked();
        let result = db.otp.update(|m| m.verify(&flow.get_value(), &input, now));
        match result {
            Ok(()) => {
                error.set(None);
                on_verified.run(());
            }
            Err(e) => error.set(Some(e)),
        }
    };

    let message = Signal::derive(move || error.get().map(|e| error_message(lang, &e)));
    let summary = Signal::derive(move || {
        // While locked there is no code field: the link goes to the notice.
        let field_id = match error.get() {
            Some(OtpError::Locked { .. }) => "otp-locked",
            _ => "otp-code",
        };
        message
            .get()
            .map(|m| {
                vec![ErrorItem {
                    field_id: field_id.into(),
                    message: m,
                }]
            })
            .unwrap_or_default()
    });
    let sent = move || session.get().is_some_and(|s| s.issued_at().is_some());
    let verified = move || session.get().is_some_and(|s| s.is_verified());
    let locked_until = move || {
        let now = clock.real();
        db.otp.with(|m| m.locked_until(&phone.get_value(), now))
    };
    let wait = move || {
        let now = clock.real();
        db.otp.with(|m| {
            m.seconds_until_send(&flow.get_value(), &phone.get_value(), Policy::PORTAL, now)
        })
    };
    let expires = move || session.get().and_then(|s| s.expires_at());

    view! {
        <div class="otp">
            <ErrorSummary errors=summary />
            {move || {
                if verified() {
                    return view! { <p class="notice notice--success" role="status">{tr::otp_verified(lang)}</p> }.into_any();
                }
                if let Some(until) = locked_until() {
                    return view! { <p class="notice notice--error" id="otp-locked" tabindex="-1" role="alert">{tr::otp_locked(lang, &format::time(until))}</p> }.into_any();
                }
                if !sent() {
                    return view! {
                        <button type="button" class="button" on:click=send>{tr::otp_send(lang)}</button>
                    }
                    .into_any();
                }
                view! {
                    <p>{tr::otp_sent_to(lang, &format::masked_phone(&phone.get_value()))}</p>
                    <div class="otp__entry">
                        <TextField
                            id="otp-code"
                            label=ts(tr::otp_code_label)
                            hint=ts(tr::otp_code_hint)
                            value=typed
                            on_input=Callback::new(move |v| typed.set(v))
                            error=message
                            input_mode="numeric"
                            autocomplete="one-time-code"
                            short=true
                            on_enter=Callback::new(move |_| confirm())
                        />
                        {move || expires().map(|at| {
                            let left = (at - clock.real()).num_seconds();
                            view! {
                                <p class="hint">
                                    {tr::otp_expires_at(lang, &format::time(at))} " "
                                    <span aria-hidden="true">{tr::otp_expires_in(lang, &format::countdown(left))}</span>
                                </p>
                            }
                        })}
                        <div class="button-group">
                            <button type="button" class="button" on:click=move |_| confirm()>{tr::otp_confirm(lang)}</button>
                            <button
                                type="button"
                                class="button button--secondary"
                                aria-disabled=move || (wait() > 0).then_some("true")
                                on:click=move |ev| if wait() <= 0 { send(ev) }
                            >
                                {tr::otp_resend(lang)}
                            </button>
                        </div>
                        <Show when=move || { wait() > 0 }>
                            <p class="hint">{move || tr::otp_resend_in(lang, &wait().to_string())}</p>
                        </Show>
                    </div>
                    <details>
                        <summary>{tr::otp_not_received(lang)}</summary>
                        <div class="details__body">
                            <p>{tr::otp_not_received_body(lang, &format::masked_phone(&phone.get_value()))}</p>
                        </div>
                    </details>
                }
                .into_any()
            }}
        </div>
    }
}

/// The simulated phone: the latest SMS, announced politely to screen
/// readers when it arrives.
#[component]
pub fn PhonePanel() -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let latest = Memo::new(move |_| db.sms.with(|v| v.last().cloned()));
    view! {
        <Show when=move || latest.get().is_some()>
            <aside class="phone" aria-labelledby="phone-title">
                <h2 id="phone-title" class="phone__title">{t(tr::otp_phone_title)}</h2>
                <p class="phone__hint">{t(tr::otp_phone_hint)}</p>
                <div class="phone__screen" role="log" aria-live="polite" aria-atomic="true">
                    {move || latest.get().map(|s| view! {
                        <p class="phone__sms">
                            <span class="visually-hidden">{tr::otp_sms_arrived(lang, &spaced(&s.code))} ". "</span>
                            <strong aria-hidden="true">{tr::otp_sms_from(lang)}</strong>
                            " "
                            <span class="phone__time">{format::time(s.sent_at)}</span>
                            <br />
                            <span aria-hidden="true">{tr::otp_sms_text(lang, &spaced(&s.code))}</span>
                        </p>
                    })}
                </div>
            </aside>
        </Show>
    }
}
