//! Signing a document with an EDS key or a one-time SMS code (F001 §8;
//! C-11 accepts both), for anything the citizen signs: an application, a
//! complaint.
//!
//! Accessibility acceptance criteria:
//! - the method is a radio question; without a phone number the SMS choice
//!   is absent and a notice says why;
//! - EDS: the keys are radios with their validity as hints (an expired one
//!   says so in words), the password a labelled password field; errors go
//!   to the caller's error summary and inline to the key or the password;
//! - the Sign button stays focusable while signing (`aria-disabled`) and
//!   "signing…" is said in a polite live region, painted before the key
//!   derivation blocks the page;
//! - SMS: the code confirmation
//!   ([`OtpConfirm`]) with its own criteria;
//! - an error about what was signed, found after the signature was made
//!   (the caller's refusal to file it, a code proof refused), goes to a
//!   field that is on the page: the key for an EDS signature, the method
//!   question for an SMS code ([`refusal_field`]), inline there too.

use std::time::Duration;

use leptos::prelude::*;

use super::busy_button::{BusyButton, unless_busy};
use super::error_summary::{ErrorItem, message_for};
use super::key_tools::KeyTools;
use super::notice::warning;
use super::otp_confirm::OtpConfirm;
use super::radios::{Choice, Radios};
use super::text_field::TextField;
use crate::engine::identity::registry::Person;
use crate::engine::signing::Signed;
use crate::engine::signing::eds::{self, SignError};
use crate::engine::signing::otp::Purpose;
use crate::engine::submission;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Message, t, ts};
use crate::ui::state::clock::use_clock;
use crate::ui::state::db::use_db;
use crate::ui::state::keyring;
use crate::ui::state::prefs::use_lang;

/// The field a refusal of `signed` belongs to, for the error summary's link
/// and the inline message: the key radios, shown while an EDS signature is
/// made, or the method question, always shown (once a code is verified its
/// field is gone).
pub fn refusal_field(signed: &Signed) -> &'static str {
    match signed {
        Signed::Eds(_) => "key",
        Signed::Otp(_) => "method",
    }
}

/// The caller shows `errors` in its error summary; `document` gives the
/// document to sign at the moment of signing (`None`: nothing to sign);
/// `on_signed` receives the signature to verify and file.
#[component]
pub fn Signer(
    person: &'static Person,
    /// A stable key for the SMS code session, e.g. `"sign:<draft id>"`.
    #[prop(into)]
    flow: String,
    document: Callback<(), Option<serde_json::Value>>, on_signed: Callback<Signed>,
    errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let flow = StoredValue::new(flow);
    let method = RwSignal::new(None::<String>);
    let key_serial = RwSignal::new(None::<String>);
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);

    let has_phone = person.phone.is_some();
    // Only the signed-in person's keys are offered (as on the keys page).
    let my_keys = Memo::new(move |_| keyring::of(db, &person.iin));

    let sign_eds = unless_busy(busy, move || {
        let Some(serial) = key_serial.get_untracked() else {
            errors.set(vec![ErrorItem::new("key", tr::sign_error_choose_key(lang))]);
            return;
        };
        let Some(key) = keyring::find(db, &serial) else {
            return;
        };
        busy.set(true);
        errors.set(Vec::new());
        // Let the browser paint the progress message before the key
        // derivation (hundreds of thousands of hashes) blocks the thread.
        set_timeout(
            move || {
                let Some(doc) = document.run(()) else {
                    busy.set(false);
                    return;
                };
                let result = eds::sign(
                    &key,
                    &password.get_untracked(),
                    &person.iin,
                    &doc,
                    clock.now_untracked(),
                );
                busy.set(false);
                match result {
                    Ok(signed) => on_signed.run(Signed::Eds(signed)),
                    Err(e) => {
                        let field =
                            if matches!(e, SignError::WrongPassword | SignError::EmptyPassword) {
                                "password"
                            } else {
                                "key"
                            };
                        errors.set(vec![ErrorItem::new(field, e.message(lang))]);
                    }
                }
            },
            Duration::from_millis(50),
        );
    });

    // The code is bound to the document's digest when it is sent; what is
    // filed is the proof for the document as it is now (if another tab
    // changed it since, the proof is refused and a new code is needed).
    let on_otp = Callback::new(move |_| {
        let Some(doc) = document.run(()) else {
            return;
        };
        let proof =
            db.otp.with_untracked(|b| b.confirm(&flow.get_value(), &submission::digest_hex(&doc)));
        match proof {
            Ok(proof) => on_signed.run(Signed::Otp(proof)),
            Err(e) => errors.set(vec![ErrorItem::new("method", e.message(lang))]),
        }
    });
    let digest = Callback::new(move |()| document.run(()).map(|d| submission::digest_hex(&d)));

    let methods = Signal::stored({
        let mut v =
            vec![Choice::hinted("eds", tr::sign_method_eds(lang), tr::sign_method_eds_hint(lang))];
        if let Some(phone) = &person.phone {
            v.push(Choice::hinted(
                "otp",
                tr::sign_method_otp(lang),
                tr::sign_method_otp_hint(lang, &format::masked_phone(phone)),
            ));
        }
        v
    });
    let key_choices = Signal::derive(move || {
        let now = clock.now();
        my_keys
            .get()
            .iter()
            .map(|k| {
                let c = &k.certificate;
                let mut hint = tr::sign_key_valid(
                    lang,
                    &format::date(c.not_before.date_naive()),
                    &format::date(c.not_after.date_naive()),
                );
                if c.not_after <= now {
                    hint = format!("{hint} · {}", tr::sign_key_expired(lang));
                }
                Choice::hinted(
                    c.serial.clone(),
                    tr::sign_key_label(lang, &c.owner_name, &c.owner_iin),
                    hint,
                )
            })
            .collect::<Vec<_>>()
    });

    view! {
        <div class="signer">
            {(!has_phone).then(|| warning(t(tr::sign_otp_unavailable)))}
            <Radios name="method" legend=ts(tr::sign_method_question) choices=methods selected=method
                on_select=Callback::new(move |v| method.set(Some(v))) error=message_for(errors, "method") />
            <Show when=move || method.get().as_deref() == Some("eds")>
                <h2>{t(tr::sign_keys_heading)}</h2>
                <Show
                    when=move || !my_keys.get().is_empty()
                    fallback=move || view! { <p>{t(tr::sign_keys_none)}</p> }
                >
                    <form novalidate on:submit=sign_eds>
                        <Radios name="key" legend=ts(tr::sign_key_choose) choices=key_choices
                            selected=key_serial on_select=Callback::new(move |v| key_serial.set(Some(v)))
                            error=message_for(errors, "key") />
                        <TextField id="password" password=true label=ts(tr::sign_password_label) value=password
                            on_input=Callback::new(move |v| password.set(v))
                            error=message_for(errors, "password") autocomplete="current-password" />
                        <div class="button-group">
                            <BusyButton busy=busy>{t(tr::sign_sign_button)}</BusyButton>
                        </div>
                        <p role="status" aria-live="polite" class="progress">
                            {move || busy.get().then(|| tr::sign_signing(lang))}
                        </p>
                    </form>
                </Show>
                <KeyTools person=person />
            </Show>
            <Show when=move || method.get().as_deref() == Some("otp")>
                {move || {
                    person.phone.clone().map(|phone| {
                        view! { <OtpConfirm flow=flow.get_value() phone=phone purpose=Purpose::Signing digest=digest on_verified=on_otp /> }
                    })
                }}
            </Show>
        </div>
    }
}
