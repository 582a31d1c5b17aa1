//! `/cabinet/data`: my data moves with me. "Save my data to a file" seals the
//! signed-in person's records under a passphrase (`engine::transfer`) and
//! offers the file as a download link; "Restore from a file" opens one,
//! checks every signature, merges by revision and says what was added,
//! updated, kept or refused. Not offered in kiosk mode.
//!
//! Accessibility acceptance criteria:
//! - one error summary for the page, taking focus and linking to the field
//!   of each problem (the passphrases, the file);
//! - the passphrase fields are labelled password fields with hints; the
//!   file is a native file input ([`FileUpload`]);
//! - "Encrypting…" and "Checking…" are said in a polite live region,
//!   painted before the key derivation blocks the page; the buttons stay
//!   focusable meanwhile (`aria-disabled`);
//! - the result is a download link named with the file, and a restore's
//!   summary is a heading, a summary list of counts and a list of what was
//!   refused and why.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use crate::engine::identity::registry::Person;
use crate::engine::source::Lang;
use crate::engine::transfer::{self, FILE_MAX, PASSPHRASE_MIN};
use crate::i18n::tr;
use crate::ui::labels::{Message, record_kind, t, ts};
use crate::ui::modes::kiosk::use_kiosk;
use crate::ui::state::db::Db;
use crate::ui::state::prefs::use_lang;
use crate::ui::state::transfer::{Restored, bundle, mine, restore};
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::busy_button::{BusyButton, unless_busy};
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::file_upload::{FileUpload, chosen};
use crate::ui::widgets::notice::warning;
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::password_input::{PasswordInput, Secret};
use crate::ui::widgets::summary_list::{SummaryList, row};

/// `/cabinet/data` for the signed-in `person` (the route asks for one).
pub fn data_page(person: &'static Person) -> impl IntoView {
    if use_kiosk().enabled {
        return view! {
            <div class="page page--narrow">
                <PageHeading text=ts(tr::data_title) />
                {warning(t(tr::data_kiosk))}
            </div>
        }
        .into_any();
    }
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    view! {
        <div class="page page--narrow">
            <ErrorSummary errors=errors />
            <PageHeading text=ts(tr::data_title) />
            <p>{t(tr::data_lead)}</p>
            <Save person=person errors=errors />
            <Restore person=person errors=errors />
        </div>
    }
    .into_any()
}

#[component]
fn Save(person: &'static Person, errors: RwSignal<Vec<ErrorItem>>) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // The file's object URL and name, once made (released with the page).
    let file = RwSignal::new(None::<(String, String)>);
    on_cleanup(move || {
        if let Some((url, _)) = file.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let holds = move || {
        let c = mine(db, &person.iin);
        let n = |k: &str| c.get(k).map_or(0, Vec::len).to_string();
        tr::data_save_holds(
            lang,
            &n("apps"),
            &n("drafts"),
            &n("complaints"),
            &n("tickets"),
            &n("keys"),
        )
    };

    let on_submit = unless_busy(busy, move || {
        let p = passphrase.get_untracked();
        let problem = if p.is_empty() {
            Some(("save-passphrase", tr::data_error_passphrase_empty(lang)))
        } else if p.chars().count() < PASSPHRASE_MIN {
            Some(("save-passphrase", tr::data_error_passphrase_short(lang)))
        } else if confirm.get_untracked() != p {
            Some(("save-confirm", tr::data_error_confirm(lang)))
        } else {
            None
        };
        if let Some((id, m)) = problem {
            errors.set(vec![ErrorItem::new(id, m)]);
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        if let Some((old, _)) = file.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        file.set(None);
        // Paint "Encrypting…" before the key derivation blocks the page.
        set_timeout(
            move || {
                let now = clock.now_untracked();
                let sealed =
                    transfer::export_random(&bundle(db, &person.iin, now), &person.iin, &p);
                busy.set(false);
                match sealed.map_err(|e| e.message(lang)).and_then(|text| {
                    let name = format!("qujat-data-{}.json", now.date_naive());
                    download_url(&text)
                        .map(|url| (url, name))
                        .ok_or_else(|| tr::data_error_export(lang).to_string())
                }) {
                    Ok(made) => file.set(Some(made)),
                    Err(m) => errors.set(vec![ErrorItem::new("save-passphrase", m)]),
                }
            },
            Duration::from_millis(50),
        );
    });

    view! {
        <h2>{t(tr::data_save_heading)}</h2>
        <p>{holds}</p>
        <form novalidate on:submit=on_submit>
            <PasswordInput id="save-passphrase" label=tr::data_passphrase hint=tr::data_passphrase_hint
                value=passphrase errors=errors secret=Secret::NewPassphrase />
            <PasswordInput id="save-confirm" label=tr::data_confirm value=confirm errors=errors
                secret=Secret::NewPassphrase />
            {submit_button(busy, tr::data_save_button)}
        </form>
        <div role="status" aria-live="polite">
            {working(busy, tr::data_saving)}
            {move || file.get().map(|(url, name)| view! {
                <p>{tr::data_saved(lang)}</p>
                <p><a class="button button--secondary" href=url download=name.clone()>{tr::data_download(lang, &name)}</a></p>
            })}
        </div>
    }
}

/// The form's submit button, alone in its button group.
fn submit_button(busy: RwSignal<bool>, text: fn(Lang) -> &'static str) -> impl IntoView {
    view! { <div class="button-group"><BusyButton busy=busy>{t(text)}</BusyButton></div> }
}

/// What the form is doing while it is `busy` (for its live region).
fn working(busy: RwSignal<bool>, text: fn(Lang) -> &'static str) -> impl Fn() -> Option<AnyView> {
    let lang = use_lang();
    move || busy.get().then(|| view! { <p class="progress">{text(lang)}</p> }.into_any())
}

/// An object URL for a download of `text` as JSON.
fn download_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

#[component]
fn Restore(person: &'static Person, errors: RwSignal<Vec<ErrorItem>>) -> impl IntoView {
    let Ui { lang, db, clock, .. } = use_ui();
    let input: NodeRef<html::Input> = NodeRef::new();
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<Restored>);
    let fail = move |id: &'static str, m: String| {
        busy.set(false);
        errors.set(vec![ErrorItem::new(id, m)]);
    };

    let on_submit = unless_busy(busy, move || {
        done.set(None);
        let Some(chosen) = chosen(input) else {
            fail("restore-file", tr::data_error_no_file(lang).into());
            return;
        };
        if chosen.size() > FILE_MAX as f64 {
            fail("restore-file", tr::data_error_too_large(lang).into());
            return;
        }
        let p = passphrase.get_untracked();
        if p.is_empty() {
            fail("restore-passphrase", tr::data_error_passphrase_empty(lang).into());
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        let reading = wasm_bindgen_futures::JsFuture::from(chosen.text());
        leptos::task::spawn_local(async move {
            let Some(text) = reading.await.ok().and_then(|v| v.as_string()) else {
                fail("restore-file", tr::data_error_unreadable_file(lang).into());
                return;
            };
            // Let "Checking…" paint before the key derivation.
            set_timeout(
                move || match open(db, person, &text, &p, lang, clock.now_untracked()) {
                    Ok(restored) => {
                        busy.set(false);
                        done.set(Some(restored));
                    }
                    Err((id, m)) => fail(id, m),
                },
                Duration::from_millis(50),
            );
        });
    });

    view! {
        <h2>{t(tr::data_restore_heading)}</h2>
        <p>{t(tr::data_restore_intro)}</p>
        <form novalidate on:submit=on_submit>
            <FileUpload id="restore-file" label=ts(tr::data_file) hint=ts(tr::data_file_hint)
                accept=".json,application/json" node_ref=input error=message_for(errors, "restore-file") />
            <PasswordInput id="restore-passphrase" label=tr::data_restore_passphrase value=passphrase
                errors=errors secret=Secret::Passphrase />
            {submit_button(busy, tr::data_restore_button)}
        </form>
        <div role="status" aria-live="polite">
            {working(busy, tr::data_restoring)}
            {move || done.get().map(summary)}
        </div>
    }
}

/// Opens the file and writes what it adds: the field and message of a
/// refusal (nothing is written then).
fn open(
    db: Db, person: &Person, text: &str, passphrase: &str, lang: Lang,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Restored, (&'static str, String)> {
    let plan =
        transfer::import(text, passphrase, &person.iin, &mine(db, &person.iin)).map_err(|e| {
            let field = match e {
                transfer::ImportError::WrongPassphrase | transfer::ImportError::EmptyPassphrase => {
                    "restore-passphrase"
                }
                _ => "restore-file",
            };
            (field, e.message(lang))
        })?;
    // A refusal to store is also said by the shell's storage notice.
    restore(db, &plan, now).map_err(|_| ("restore-file", tr::data_error_restore(lang).to_string()))
}

/// What a restore did: the counts, then each refused record and why.
fn summary(r: Restored) -> impl IntoView {
    let lang = use_lang();
    let refused = r.refused.len();
    view! {
        <h3>{tr::data_restored(lang)}</h3>
        <SummaryList class="data-summary">
            {row(tr::data_count_added(lang), r.added.to_string())}
            {row(tr::data_count_updated(lang), r.updated.to_string())}
            {row(tr::data_count_kept(lang), r.kept.to_string())}
            {row(tr::data_count_refused(lang), refused.to_string())}
        </SummaryList>
        {(refused > 0).then(|| view! {
            <h3>{tr::data_refused_heading(lang)}</h3>
            <ul class="list data-refused">
                {r.refused.iter().map(|(collection, id, why)| view! {
                    <li>{tr::data_refused_item(lang, record_kind(lang, collection), id, &why.message(lang))}</li>
                }).collect_view()}
            </ul>
        })}
    }
}
