//! Signing and submitting (F001 §8: EDS, or a one-time password with the
//! mobile number registered on the portal; C-11 accepts both).

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::engine::application::{self, IdentityFacts};
use crate::engine::identity::registry::Person;
use crate::engine::signing::Signed;
use crate::engine::signing::eds::{self, SignError};
use crate::engine::signing::otp::Purpose;
use crate::engine::source::Lang;
use crate::engine::submission::{self, SubmitError};
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{BackLink, Choice, ErrorItem, ErrorSummary, PageHeading, Radios};
use crate::ui::db::{random_bytes, use_db};
use crate::ui::format;
use crate::ui::otp::OtpConfirm;
use crate::ui::prefs::use_lang;
use crate::ui::session::use_session;

use super::wizard::{SERVICE, SignInNeeded, step_href};
use crate::ui::text::{t, ts};

pub fn sign_error(lang: Lang, e: &SignError) -> String {
    match e {
        SignError::WrongPassword => tr::sign_error_sign_wrong_password(lang).into(),
        SignError::CertificateExpired { not_after } => {
            tr::sign_error_sign_certificate_expired(lang, &format::date_time(*not_after))
        }
        SignError::CertificateNotYetValid { .. } => {
            tr::sign_error_sign_certificate_not_yet_valid(lang).into()
        }
        SignError::WrongOwner { cert_iin } => tr::sign_error_sign_wrong_owner(lang, cert_iin),
        SignError::Tampered => tr::sign_error_sign_tampered(lang).into(),
        SignError::BadCertificate => tr::sign_error_sign_bad_certificate(lang).into(),
        SignError::Corrupt => tr::sign_error_sign_corrupt(lang).into(),
        SignError::KeyMismatch => tr::sign_error_sign_key_mismatch(lang).into(),
        SignError::InvalidIin(_) => tr::sign_error_sign_invalid_iin(lang).into(),
        SignError::EmptyPassword => tr::sign_error_sign_empty_password(lang).into(),
        SignError::BadValidity => tr::sign_error_sign_bad_validity(lang).into(),
        SignError::Random => tr::sign_error_random_unavailable(lang).into(),
        SignError::KeyFileIterations { .. } => tr::sign_error_sign_key_file_iterations(lang).into(),
        SignError::SigningTime { .. } => tr::sign_error_sign_signing_time(lang).into(),
    }
}

pub fn submit_error(lang: Lang, e: &SubmitError) -> String {
    match e {
        SubmitError::Signature(s) => sign_error(lang, s),
        SubmitError::OtpDocumentChanged => tr::sign_error_sign_tampered(lang).into(),
        SubmitError::Incomplete => tr::sign_error_submit_incomplete(lang).into(),
        SubmitError::Deadline(_) => tr::sign_error_submit_deadline(lang).into(),
    }
}

/// `/apply/S2/:draft/sign`.
#[component]
pub fn SignPage() -> impl IntoView {
    let params = use_params_map();
    let session = use_session();
    let db = use_db();
    let id = Memo::new(move |_| params.read().get("draft").unwrap_or_default());
    let person = Memo::new(move |_| session.person());
    let owned = Memo::new(move |_| {
        let me = person.get().map(|p| p.iin.clone());
        db.drafts.with(|m| {
            m.get(&id.get())
                .is_some_and(|d| Some(&d.applicant_iin) == me.as_ref())
        })
    });
    move || {
        let Some(person) = person.get() else {
            return view! { <SignInNeeded /> }.into_any();
        };
        if !owned.get() {
            return view! { <super::NotFound /> }.into_any();
        }
        view! { <SignView draft_id=id.get() person=person /> }.into_any()
    }
}

#[component]
fn SignView(draft_id: String, person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let navigate = use_navigate();
    let id = StoredValue::new(draft_id);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());

    // Files the application; on success opens its confirmation page.
    let flow = format!("sign:{}", id.get_value());
    let flow_for_file = flow.clone();
    let file = Callback::new(move |record: Signed| {
        let Some(draft) = db
            .drafts
            .with_untracked(|m| m.get(&id.get_value()).cloned())
        else {
            return;
        };
        let now = clock.now_untracked();
        let subject =
            crate::engine::identity::registry::find(draft.subject_iin()).unwrap_or(person);
        let identity = IdentityFacts {
            identity_document_valid: subject.id_document.is_valid_on(clock.today_untracked()),
        };
        match submission::submit(&draft, record, identity, now, random_bytes()) {
            Ok(s) => {
                let reference = s.reference.clone();
                db.apps.update(|m| {
                    m.insert(reference.clone(), s);
                });
                db.drafts.update(|m| {
                    m.remove(&id.get_value());
                });
                // A code works once: its session goes with the draft.
                db.otp.update(|b| {
                    b.remove(&flow_for_file);
                });
                navigate(&format!("/apply/receipt/{reference}"), Default::default());
            }
            Err(e) => errors.set(vec![ErrorItem {
                field_id: "key".into(),
                message: submit_error(lang, &e),
            }]),
        }
    });
    let document = Callback::new(move |()| {
        db.drafts
            .with_untracked(|m| m.get(&id.get_value()).map(submission::document_of))
    });

    view! {
        <div class="page page--narrow">
            <BackLink href=Signal::derive(move || step_href(&id.get_value(), application::Step::Check)) />
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::sign_title) />
            <p>{t(tr::sign_lead)}</p>
            <crate::ui::law::Items items=crate::engine::catalog::service(SERVICE).signing.clone() />
            <Signer person=person flow=flow document=document on_signed=file errors=errors />
        </div>
    }
}

/// Signing a document with an EDS key or a one-time SMS code (F001 §8),
/// for anything the citizen signs (an application, a complaint). The
/// caller shows `errors` in its error summary; `document` gives the
/// document to sign at the moment of signing (`None`: nothing to sign);
/// `on_signed` receives the signature to verify and file.
#[component]
pub fn Signer(
    person: &'static Person,
    /// A stable key for the SMS code session, e.g. "sign:<draft id>".
    #[prop(into)]
    flow: String,
    document: Callback<(), Option<serde_json::Value>>,
    on_signed: Callback<Signed>,
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
    let my_keys = Memo::new(move |_| db.keys.get());

    let sign_eds = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let l = lang;
        let Some(serial) = key_serial.get_untracked() else {
            errors.set(vec![ErrorItem {
                field_id: "key".into(),
                message: tr::sign_error_choose_key(l).into(),
            }]);
            return;
        };
        let Some(key) = db
            .keys
            .with_untracked(|k| k.iter().find(|k| k.certificate.serial == serial).cloned())
        else {
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
                        errors.set(vec![ErrorItem {
                            field_id: field.into(),
                            message: sign_error(l, &e),
                        }]);
                    }
                }
            },
            Duration::from_millis(50),
        );
    };

    // The code is bound to the document's digest when it is sent; what is
    // filed is the proof for the document as it is now (if another tab
    // changed it since, the proof is refused and a new code is needed).
    let on_otp = Callback::new(move |_| {
        let Some(doc) = document.run(()) else {
            return;
        };
        let proof = db
            .otp
            .with_untracked(|b| b.confirm(&flow.get_value(), &submission::digest_hex(&doc)));
        match proof {
            Ok(proof) => on_signed.run(Signed::Otp(proof)),
            Err(e) => errors.set(vec![ErrorItem {
                field_id: "otp-code".into(),
                message: crate::ui::otp::error_message(lang, &e),
            }]),
        }
    });
    let digest = Callback::new(move |()| document.run(()).map(|d| submission::digest_hex(&d)));

    let methods = Signal::stored({
        let l = lang;
        let mut v = vec![Choice {
            value: "eds".into(),
            label: tr::sign_method_eds(l).into(),
            hint: Some(tr::sign_method_eds_hint(l).into()),
        }];
        if let Some(phone) = &person.phone {
            v.push(Choice {
                value: "otp".into(),
                label: tr::sign_method_otp(l).into(),
                hint: Some(tr::sign_method_otp_hint(l, &format::masked_phone(phone))),
            });
        }
        v
    });
    let key_choices = Signal::derive(move || {
        let l = lang;
        let now = clock.now();
        my_keys
            .get()
            .iter()
            .map(|k| {
                let c = &k.certificate;
                let mut hint = tr::sign_key_valid(
                    l,
                    &format::date(c.not_before.date_naive()),
                    &format::date(c.not_after.date_naive()),
                );
                if c.not_after <= now {
                    hint = format!("{hint} · {}", tr::sign_key_expired(l));
                }
                Choice {
                    value: c.serial.clone(),
                    label: tr::sign_key_label(l, &c.owner_name, &c.owner_iin),
                    hint: Some(hint),
                }
            })
            .collect::<Vec<_>>()
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            errors
                .get()
                .into_iter()
                .find(|e| e.field_id == field)
                .map(|e| e.message)
        })
    };

    view! {
        <div class="signer">
            <Show when=move || !has_phone>
                <div class="notice notice--warning"><p>{t(tr::sign_otp_unavailable)}</p></div>
            </Show>
            <Radios
                name="method"
                legend=ts(tr::sign_method_question)
                choices=methods
                selected=method
                on_select=Callback::new(move |v| method.set(Some(v)))
                error=Signal::stored(None::<String>)
            />
            <Show when=move || method.get().as_deref() == Some("eds")>
                <h2>{t(tr::sign_keys_heading)}</h2>
                <Show
                    when=move || !my_keys.get().is_empty()
                    fallback=move || view! { <p>{t(tr::sign_keys_none)}</p> }
                >
                    <form novalidate on:submit=sign_eds>
                        <Radios
                            name="key"
                            legend=ts(tr::sign_key_choose)
                            choices=key_choices
                            selected=key_serial
                            on_select=Callback::new(move |v| key_serial.set(Some(v)))
                            error=field_error("key")
                        />
                        <div class="field" class:field--error=move || field_error("password").get().is_some()>
                            <label class="label" for="password">{t(tr::sign_password_label)}</label>
                            <crate::ui::components::FieldError id="password-error" message=field_error("password") />
                            <input
                                class="input"
                                type="password"
                                id="password"
                                autocomplete="current-password"
                                aria-describedby=move || field_error("password").get().is_some().then_some("password-error")
                                aria-invalid=move || field_error("password").get().is_some().then_some("true")
                                prop:value=move || password.get()
                                on:input=move |ev| password.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="button-group">
                            <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                                {t(tr::sign_sign_button)}
                            </button>
                        </div>
                        <p role="status" aria-live="polite" class="progress">
                            {move || busy.get().then(|| tr::sign_signing(lang))}
                        </p>
                    </form>
                </Show>
                <super::keys::KeyTools person=person />
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
