//! Demo EDS keys: create one (a real Ed25519 pair, the private key sealed
//! under the password), import a key file, download or remove a key.

use std::time::Duration;

use leptos::prelude::*;

use crate::engine::identity::registry::Person;
use crate::engine::signing::eds::KeyFile;
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::clock::use_clock;
use crate::ui::components::{Choice, ErrorItem, ErrorSummary, FieldError, Radios};
use crate::ui::db::use_db;
use crate::ui::format;
use crate::ui::prefs::use_lang;

use super::sign::sign_error;
use crate::ui::text::{t, ts};

/// The shortest password accepted for a new key.
const MIN_PASSWORD: usize = 8;

/// A `data:` URL that downloads `text` as a JSON file.
fn data_url(text: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    )
}

#[component]
pub fn KeyTools(person: &'static Person) -> impl IntoView {
    let lang = use_lang();
    let db = use_db();
    let clock = use_clock();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let validity = RwSignal::new(Some("year".to_string()));
    let create_error = RwSignal::new(None::<(String, String)>);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    let import_text = RwSignal::new(String::new());
    let import_error = RwSignal::new(None::<String>);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let l: Lang = lang;
        let pw = password.get_untracked();
        if pw.chars().count() < MIN_PASSWORD {
            create_error.set(Some((
                "new-password".into(),
                tr::sign_error_password_short(l).into(),
            )));
            return;
        }
        if pw != confirm.get_untracked() {
            create_error.set(Some((
                "confirm-password".into(),
                tr::sign_error_password_mismatch(l).into(),
            )));
            return;
        }
        create_error.set(None);
        busy.set(true);
        status.set(Some(tr::sign_creating(l)));
        let expired = validity.get_untracked().as_deref() == Some("expired");
        set_timeout(
            move || {
                let now = clock.now_untracked();
                // An "already expired" demo key was valid for 30 days, a year ago.
                let (from, days) = if expired {
                    (now - chrono::Duration::days(365), 30)
                } else {
                    (now, 365)
                };
                let result =
                    KeyFile::create_random(&person.iin, &person.display_name(l), &pw, from, days);
                busy.set(false);
                match result {
                    Ok(key) => {
                        db.keys.update(|k| k.push(key));
                        password.set(String::new());
                        confirm.set(String::new());
                        status.set(Some(tr::sign_created(l)));
                    }
                    Err(e) => {
                        status.set(None);
                        create_error.set(Some(("new-password".into(), sign_error(l, &e))));
                    }
                }
            },
            Duration::from_millis(50),
        );
    };

    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang;
        match KeyFile::from_file_string(&import_text.get_untracked()) {
            Ok(key) => {
                db.keys.update(|k| {
                    if !k
                        .iter()
                        .any(|x| x.certificate.serial == key.certificate.serial)
                    {
                        k.push(key);
                    }
                });
                import_text.set(String::new());
                import_error.set(None);
                status.set(Some(tr::sign_imported(l)));
            }
            Err(e) => import_error.set(Some(sign_error(l, &e))),
        }
    };

    let err_for = move |id: &'static str| {
        Signal::derive(move || create_error.get().filter(|(f, _)| f == id).map(|(_, m)| m))
    };

    view! {
        <p role="status" aria-live="polite" class="progress">{move || status.get().map(|s| s.to_string())}</p>
        <ul class="key-list">
            <For
                each=move || db.keys.get()
                key=|k| k.certificate.serial.clone()
                children=move |k| {
                    let serial = k.certificate.serial.clone();
                    let file = k.to_file_string();
                    let name = format!("qujat-key-{}.json", k.certificate.serial);
                    let label = format!(
                        "{} · {} · {}–{}",
                        k.certificate.owner_name,
                        k.certificate.owner_iin,
                        format::date(k.certificate.not_before.date_naive()),
                        format::date(k.certificate.not_after.date_naive())
                    );
                    view! {
                        <li class="key-list__item">
                            <span>{label}</span>
                            <a class="button button--secondary" href=data_url(&file) download=name>
                                {t(tr::sign_export)}
                            </a>
                            <button
                                type="button"
                                class="button button--secondary"
                                on:click=move |_| db.keys.update(|ks| ks.retain(|x| x.certificate.serial != serial))
                            >
                                {t(tr::sign_remove)}
                            </button>
                        </li>
                    }
                }
            />
        </ul>
        <details class="key-tools">
            <summary>{t(tr::sign_create_heading)}</summary>
            <div class="details__body">
                <p>{t(tr::sign_create_intro)}</p>
                <form novalidate on:submit=create>
                    <ErrorSummary errors=Signal::derive(move || {
                        create_error
                            .get()
                            .map(|(field_id, message)| vec![ErrorItem { field_id, message }])
                            .unwrap_or_default()
                    }) />
                    <div class="field" class:field--error=move || err_for("new-password").get().is_some()>
                        <label class="label" for="new-password">{t(tr::sign_create_password)}</label>
                        <p class="hint" id="new-password-hint">{t(tr::sign_create_password_hint)}</p>
                        <FieldError id="new-password-error" message=err_for("new-password") />
                        <input
                            class="input"
                            type="password"
                            id="new-password"
                            autocomplete="new-password"
                            aria-describedby=move || {
                                if err_for("new-password").get().is_some() {
                                    "new-password-hint new-password-error"
                                } else {
                                    "new-password-hint"
                                }
                            }
                            aria-invalid=move || err_for("new-password").get().is_some().then_some("true")
                            prop:value=move || password.get()
                            on:input=move |ev| password.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field" class:field--error=move || err_for("confirm-password").get().is_some()>
                        <label class="label" for="confirm-password">{t(tr::sign_create_confirm)}</label>
                        <FieldError id="confirm-password-error" message=err_for("confirm-password") />
                        <input
                            class="input"
                            type="password"
                            id="confirm-password"
                            autocomplete="new-password"
                            aria-describedby=move || err_for("confirm-password").get().is_some().then_some("confirm-password-error")
                            aria-invalid=move || err_for("confirm-password").get().is_some().then_some("true")
                            prop:value=move || confirm.get()
                            on:input=move |ev| confirm.set(event_target_value(&ev))
                        />
                    </div>
                    <Radios
                        name="validity"
                        legend=ts(tr::sign_create_validity)
                        choices=Signal::stored({
                            vec![
                                Choice { value: "year".into(), label: tr::sign_create_validity_year(lang).into(), hint: None },
                                Choice { value: "expired".into(), label: tr::sign_create_validity_expired(lang).into(), hint: None },
                            ]
                        })
                        selected=validity
                        on_select=Callback::new(move |v| validity.set(Some(v)))
                        error=Signal::stored(None::<String>)
                    />
                    <button type="submit" class="button button--secondary" aria-disabled=move || busy.get().then_some("true")>
                        {t(tr::sign_create_button)}
                    </button>
                </form>
            </div>
        </details>
        <details class="key-tools">
            <summary>{t(tr::sign_import_heading)}</summary>
            <div class="details__body">
                <form novalidate on:submit=import>
                    <div class="field" class:field--error=move || import_error.get().is_some()>
                        <label class="label" for="import-key">{t(tr::sign_import_label)}</label>
                        <FieldError id="import-key-error" message=import_error />
                        <textarea
                            class="textarea"
                            id="import-key"
                            spellcheck="false"
                            prop:value=move || import_text.get()
                            on:input=move |ev| import_text.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <button type="submit" class="button button--secondary">{t(tr::sign_import_button)}</button>
                </form>
            </div>
        </details>
    }
}

/// `/apply/keys`: the demo EDS keys kept in this browser.
#[component]
pub fn KeysPage() -> impl IntoView {
    let session = crate::ui::session::use_session();
    move || {
        match session.person() {
        None => view! { <super::wizard::SignInNeeded /> }.into_any(),
        Some(p) => view! {
            <div class="page page--narrow">
                <crate::ui::components::PageHeading text=crate::ui::text::ts(tr::track_keys_title) />
                <KeyTools person=p />
            </div>
        }
        .into_any(),
    }
    }
}
