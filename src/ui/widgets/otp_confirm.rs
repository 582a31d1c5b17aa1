//! Confirmation by a one-time SMS code (GOV.UK "confirm a phone number"
//! pattern): send, type the code, confirm; the code's expiry, a resend with
//! a cooldown, and "not received?". The code arrives on the simulated phone
//! ([`PhonePanel`](super::phone_panel::PhonePanel)).
//!
//! Accessibility acceptance criteria:
//! - before sending there is one button; after, the masked number it went
//!   to, a labelled code field (`inputmode="numeric"`,
//!   `autocomplete="one-time-code"`), Confirm and Resend buttons;
//! - a failed attempt shows the error summary (focused) linking to the
//!   code field, and the field's inline error;
//! - while the resend waits, Resend is `aria-disabled="true"` (still
//!   focusable, so its hint is found) and the wait is written out;
//! - the countdown to expiry is not read out every second
//!   (`aria-hidden`), the expiry time is;
//! - when locked, the field goes and an alert (`role="alert"`, id
//!   `otp-locked`, the summary's target) says until when;
//! - once verified, a success message in a `role="status"`, and a
//!   "Use the confirmed code" button that uses it again (after a save
//!   that failed, or a reload), so nothing hangs on a spent code.

use chrono::DateTime;
use leptos::prelude::*;

use super::details::Details;
use super::error_summary::{ErrorItem, ErrorSummary, focus_by_id};
use super::text_field::TextField;
use crate::engine::signing::otp::{OtpError, Policy, Purpose};
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Message, ts};
use crate::ui::state::clock::use_clock;
use crate::ui::state::db::use_db;
use crate::ui::state::otp::{CodeFailure, send_code, verify_code};
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::button::Button;

/// The code entry for one flow (`flow` is a stable key such as
/// "consent:<draft id>"). `digest` gives the digest of what the code
/// confirms at the moment it is sent (`None`: nothing to confirm yet); the
/// code is bound to it. Calls `on_verified` once the code is right. Codes,
/// expiry and lock-outs run on the real clock, never the demo clock.
#[component]
pub fn OtpConfirm(
    #[prop(into)] flow: String, #[prop(into)] phone: String, purpose: Purpose,
    digest: Callback<(), Option<String>>, on_verified: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let flow = StoredValue::new(flow);
    let phone = StoredValue::new(phone);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<OtpError>);
    let session = Memo::new(move |_| db.otp.with(|m| m.session(&flow.get_value()).cloned()));

    // A refusal to store is shown by the shell's "not saved" notice; the
    // form stays as it was.
    let send = move |_| {
        let Some(digest) = digest.run(()) else {
            return;
        };
        match send_code(
            db,
            &flow.get_value(),
            &phone.get_value(),
            purpose,
            &digest,
            clock.real_now(),
        ) {
            Ok(()) => {
                error.set(None);
                typed.set(String::new());
                // "Send" gives way to the code field: focus goes there.
                request_animation_frame(|| focus_by_id("otp-code"));
            }
            Err(CodeFailure::Otp(e)) => error.set(Some(e)),
            Err(CodeFailure::NotSaved) => {}
        }
    };
    let confirm = move || match verify_code(
        db,
        &flow.get_value(),
        &typed.get_untracked(),
        clock.real_now(),
    ) {
        Ok(()) => {
            error.set(None);
            on_verified.run(());
        }
        Err(CodeFailure::Otp(e)) => error.set(Some(e)),
        Err(CodeFailure::NotSaved) => {}
    };

    let message = Signal::derive(move || error.get().map(|e| e.message(lang)));
    let summary = Signal::derive(move || {
        // While locked there is no code field: the link goes to the notice.
        let field_id = match error.get() {
            Some(OtpError::Locked { .. }) => "otp-locked",
            _ => "otp-code",
        };
        message.get().map(|m| vec![ErrorItem::new(field_id, m)]).unwrap_or_default()
    });
    let sent = move || session.get().is_some_and(|s| s.issued_at().is_some());
    let verified = move || session.get().is_some_and(|s| s.is_verified());
    // Memos: the entry below is rebuilt when the lock or the wait changes,
    // not with every tick of the clock.
    let locked = Memo::new(move |_| {
        let now = clock.real();
        db.otp.with(|m| m.locked_until(&phone.get_value(), now))
    });
    let locked_until = move || locked.get();
    let waiting = Memo::new(move |_| {
        let now = clock.real();
        db.otp.with(|m| {
            m.seconds_until_send(&flow.get_value(), &phone.get_value(), Policy::PORTAL, now)
        })
    });
    let wait = move || waiting.get();
    let expires = move || session.get().and_then(|s| s.expires_at());
    let expiry = move |at: DateTime<chrono::Utc>| {
        let left = (at - clock.real()).num_seconds();
        view! {
            <p class="hint">
                {tr::otp_expires_at(lang, &format::time(at))} " "
                <span aria-hidden="true">{tr::otp_expires_in(lang, &format::countdown(left))}</span>
            </p>
        }
    };

    view! {
        <div class="otp">
            <ErrorSummary title="otp-summary" errors=summary />
            {move || {
                if verified() {
                    // Normally the page moves on at once; if what depends on
                    // the code could not be saved (full storage) or the page
                    // was reloaded, the verified code is used again from here.
                    return view! {
                        <p class="notice notice--success" role="status">{tr::otp_verified(lang)}</p>
                        <Button on_click=move |_| on_verified.run(())>
                            {tr::otp_use_verified(lang)}
                        </Button>
                    }
                    .into_any();
                }
                if let Some(until) = locked_until() {
                    return view! { <p class="notice notice--error" id="otp-locked" tabindex="-1" role="alert">{tr::otp_locked(lang, &format::time(until))}</p> }.into_any();
                }
                if !sent() {
                    return view! {
                        <Button on_click=send>{tr::otp_send(lang)}</Button>
                    }
                    .into_any();
                }
                view! {
                    <p>{tr::otp_sent_to(lang, &format::masked_phone(&phone.get_value()))}</p>
                    <div class="otp__entry">
                        <TextField id="otp-code" label=ts(tr::otp_code_label) hint=ts(tr::otp_code_hint)
                            value=typed on_input=Callback::new(move |v| typed.set(v)) error=message
                            input_mode="numeric" autocomplete="one-time-code" short=true
                            on_enter=Some(Callback::new(move |_| confirm())) />
                        {move || expires().map(expiry)}
                        <div class="button-group">
                            <Button on_click=move |_| confirm()>{tr::otp_confirm(lang)}</Button>
                            <button
                                type="button"
                                class="button button--secondary"
                                aria-disabled=move || (wait() > 0).then_some("true")
                                on:click=move |_| if wait() <= 0 { send(()) }
                            >
                                {tr::otp_resend(lang)}
                            </button>
                        </div>
                        <Show when=move || { wait() > 0 }>
                            <p class="hint">{move || tr::otp_resend_in(lang, &wait().to_string())}</p>
                        </Show>
                    </div>
                    <Details summary=tr::otp_not_received(lang)>
                        <p>{tr::otp_not_received_body(lang, &format::masked_phone(&phone.get_value()))}</p>
                    </Details>
                }
                .into_any()
            }}
        </div>
    }
}
