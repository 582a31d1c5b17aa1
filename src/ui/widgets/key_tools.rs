//! The demo EDS keys kept in this browser: create one (a real Ed25519 pair,
//! the private key sealed under the password), import a key file, export
//! or remove a key.
//!
//! Accessibility acceptance criteria:
//! - each key is a list item with its owner, IIN and validity in words,
//!   and its Export link and Remove button; only the signed-in person's
//!   keys are listed; on a public kiosk there is no Export (a visitor's
//!   key file would stay in the kiosk's downloads, which the wipe cannot
//!   reach);
//! - Remove asks first, in place (a group named "Remove key" with the
//!   question, the confirming button and Cancel), and removes nothing
//!   until confirmed; focus follows: to the confirming button when asked,
//!   back to Remove on Cancel, to "Create a key" once removed;
//! - creating and importing are native disclosures; each form has labelled
//!   fields, an error summary linking to the field in error and inline
//!   errors;
//! - progress ("creating…") and outcomes ("created", "imported") are said
//!   in a polite live region that is always present.

use std::time::Duration;

use leptos::prelude::*;

use super::busy_button::{BusyButton, unless_busy};
use super::button::{Button, Look};
use super::details::Details;
use super::error_summary::{ErrorItem, ErrorSummary};
use super::page_heading::focus_first;
use super::radios::{Choice, Radios};
use super::text_area::TextArea;
use super::text_field::TextField;
use crate::engine::identity::registry::Person;
use crate::engine::signing::eds::KeyFile;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Message, t, ts};
use crate::ui::modes::kiosk::on_kiosk;
use crate::ui::state::clock::use_clock;
use crate::ui::state::db::use_db;
use crate::ui::state::keyring;
use crate::ui::state::prefs::use_lang;

/// The shortest password accepted for a new key.
const MIN_PASSWORD: usize = 8;

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
    // The key whose removal is being confirmed.
    let confirming = RwSignal::new(None::<String>);
    let kiosk = on_kiosk();

    let create = unless_busy(busy, move || {
        let pw = password.get_untracked();
        if pw.chars().count() < MIN_PASSWORD {
            create_error
                .set(Some(("new-password".into(), tr::sign_error_password_short(lang).into())));
            return;
        }
        if pw != confirm.get_untracked() {
            create_error.set(Some((
                "confirm-password".into(),
                tr::sign_error_password_mismatch(lang).into(),
            )));
            return;
        }
        create_error.set(None);
        busy.set(true);
        status.set(Some(tr::sign_creating(lang)));
        let expired = validity.get_untracked().as_deref() == Some("expired");
        set_timeout(
            move || {
                let now = clock.now_untracked();
                // An "already expired" demo key was valid for 30 days, a year
                // ago (from the first instant there is, for a demo clock
                // moved back past it).
                let year_ago = now.checked_sub_signed(chrono::Duration::days(365));
                let (from, days) = if expired {
                    (year_ago.unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC), 30)
                } else {
                    (now, 365)
                };
                let result = KeyFile::create_random(
                    &person.iin,
                    &person.display_name(lang),
                    &pw,
                    from,
                    days,
                );
                busy.set(false);
                match result {
                    Ok(key) => {
                        if keyring::keep(db, key).is_ok() {
                            password.set(String::new());
                            confirm.set(String::new());
                            status.set(Some(tr::sign_created(lang)));
                        } else {
                            status.set(None);
                        }
                    }
                    Err(e) => {
                        status.set(None);
                        create_error.set(Some(("new-password".into(), e.message(lang))));
                    }
                }
            },
            Duration::from_millis(50),
        );
    });

    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match KeyFile::from_file_string(&import_text.get_untracked()) {
            Ok(key) => {
                if keyring::keep(db, key).is_ok() {
                    import_text.set(String::new());
                    import_error.set(None);
                    status.set(Some(tr::sign_imported(lang)));
                }
            }
            Err(e) => import_error.set(Some(e.message(lang))),
        }
    };

    let err_for = move |id: &'static str| {
        Signal::derive(move || create_error.get().filter(|(f, _)| f == id).map(|(_, m)| m))
    };

    view! {
        <p role="status" aria-live="polite" class="progress">{move || status.get().map(|s| s.to_string())}</p>
        <ul class="key-list">
            <For
                each=move || keyring::of(db, &person.iin)
                key=|k| k.certificate.serial.clone()
                children=move |k| {
                    let serial = k.certificate.serial.clone();
                    let asking = {
                        let serial = serial.clone();
                        move || confirming.get().as_ref() == Some(&serial)
                    };
                    let file = k.to_file_string();
                    let name = format!("qujat-key-{}.json", k.certificate.serial);
                    let label = format!(
                        "{} · {} · {}–{}",
                        k.certificate.owner_name,
                        k.certificate.owner_iin,
                        format::date(k.certificate.not_before.date_naive()),
                        format::date(k.certificate.not_after.date_naive())
                    );
                    let item = format!("key-{serial}");
                    let cancel_item = item.clone();
                    // After the press, once the part that had focus is replaced.
                    let then_focus = move |selector: String| {
                        request_animation_frame(move || focus_first(&selector));
                    };
                    view! {
                        <li class="key-list__item" id=item.clone()>
                            <span>{label}</span>
                            <a class="button button--secondary" href=format::data_url("application/json", &file) download=name hidden=kiosk>
                                {t(tr::sign_export)}
                            </a>
                            <Show
                                when=asking
                                fallback={
                                    let (serial, item) = (serial.clone(), item.clone());
                                    move || {
                                        let (serial, item) = (serial.clone(), item.clone());
                                        view! {
                                            <Button look=Look::Secondary on_click=move |_| {
                                                confirming.set(Some(serial.clone()));
                                                then_focus(format!("#{item} .key-list__confirm button"));
                                            }>
                                                {t(tr::sign_remove)}
                                            </Button>
                                        }
                                    }
                                }
                            >
                                {
                                    let serial = serial.clone();
                                    view! {
                                        <div class="key-list__confirm" role="group" aria-label=tr::sign_remove(lang)>
                                            <p>{t(tr::sign_remove_question)}</p>
                                            <Button look=Look::Warning on_click={
                                                let serial = serial.clone();
                                                move |_| {
                                                    if keyring::remove(db, &serial).is_ok() {
                                                        confirming.set(None);
                                                        then_focus("details.key-tools summary".into());
                                                    }
                                                }
                                            }>{t(tr::sign_remove_confirm)}</Button>
                                            <Button look=Look::Secondary on_click={
                                                let item = cancel_item.clone();
                                                move |_| {
                                                    confirming.set(None);
                                                    then_focus(format!("#{item} button"));
                                                }
                                            }>
                                                {t(tr::common_cancel)}
                                            </Button>
                                        </div>
                                    }
                                }
                            </Show>
                        </li>
                    }
                }
            />
        </ul>
        <Details summary=t(tr::sign_create_heading) class=Some("key-tools")>
                <p>{t(tr::sign_create_intro)}</p>
                <form novalidate on:submit=create>
                    <ErrorSummary title="key-create-summary" errors=Signal::derive(move || {
                        create_error
                            .get()
                            .map(|(field_id, message)| vec![ErrorItem { field_id, message }])
                            .unwrap_or_default()
                    }) />
                    <TextField id="new-password" password=true label=ts(tr::sign_create_password)
                        hint=ts(tr::sign_create_password_hint) value=password
                        on_input=Callback::new(move |v| password.set(v)) error=err_for("new-password")
                        autocomplete="new-password" />
                    <TextField id="confirm-password" password=true label=ts(tr::sign_create_confirm)
                        value=confirm on_input=Callback::new(move |v| confirm.set(v))
                        error=err_for("confirm-password") autocomplete="new-password" />
                    <Radios
                        name="validity"
                        legend=ts(tr::sign_create_validity)
                        choices=Signal::stored(vec![
                            Choice::new("year", tr::sign_create_validity_year(lang)),
                            Choice::new("expired", tr::sign_create_validity_expired(lang)),
                        ])
                        selected=validity
                        on_select=Callback::new(move |v| validity.set(Some(v)))
                    />
                    <BusyButton busy=busy look=Look::Secondary>{t(tr::sign_create_button)}</BusyButton>
                </form>
        </Details>
        <Details summary=t(tr::sign_import_heading) class=Some("key-tools")>
                <form novalidate on:submit=import>
                    <ErrorSummary title="key-import-summary" errors=Signal::derive(move || {
                        import_error
                            .get()
                            .map(|message| vec![ErrorItem::new("import-key", message)])
                            .unwrap_or_default()
                    }) />
                    <TextArea id="import-key" label=ts(tr::sign_import_label) value=import_text
                        on_input=Callback::new(move |v| import_text.set(v)) error=import_error verbatim=true />
                    <button type="submit" class="button button--secondary">{t(tr::sign_import_button)}</button>
                </form>
        </Details>
    }
}
