//! The widgets pages are built around, in a real browser, against the
//! criteria in their doc comments: the announcer, record tables and
//! record pages, "sign in", "not found", the staff desk's frame, the
//! simulated phone, the SMS code confirmation, the signer, the EDS keys,
//! the demo clock, the notifications link, details, tables, a draft's page
//! and the browser notifier.
#![cfg(target_arch = "wasm32")]

#[path = "web/mount.rs"]
mod mount;

use mount::prelude::*;
use mount::{provide_state, sample_submission};
use qujat::engine::identity::registry;
use qujat::engine::signing::eds::KeyFile;
use qujat::engine::signing::otp::Purpose;
use qujat::engine::submission::Submission;
use qujat::ui::modes::kiosk::Kiosk;
use qujat::ui::state::db::{Db, Sms, use_db};
use qujat::ui::state::keyring;
use qujat::ui::widgets::announcer::Announcer;
use qujat::ui::widgets::browser_notifier::BrowserNotifier;
use qujat::ui::widgets::demo_clock::DemoClock;
use qujat::ui::widgets::details::Details;
use qujat::ui::widgets::draft_page::own_draft;
use qujat::ui::widgets::error_summary::ErrorItem;
use qujat::ui::widgets::key_tools::KeyTools;
use qujat::ui::widgets::not_found::{Missing, NotFound};
use qujat::ui::widgets::notifications_link::NotificationsLink;
use qujat::ui::widgets::otp_confirm::OtpConfirm;
use qujat::ui::widgets::phone_panel::PhonePanel;
use qujat::ui::widgets::record_page::RecordPage;
use qujat::ui::widgets::record_table::{RecordTable, due_cell};
use qujat::ui::widgets::sign_in_needed::SignInNeeded;
use qujat::ui::widgets::signer::Signer;
use qujat::ui::widgets::staff_desk::StaffDesk;
use qujat::ui::widgets::table::{Caption, DataTable};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_announcer_is_a_polite_status_present_and_empty_from_the_start() {
    let text = RwSignal::new(None::<String>);
    let m = Mounted::first_visit(move || view! { <Announcer text=text /> }).await;
    assert_eq!(m.attr("p", "role").as_deref(), Some("status"));
    assert_eq!(m.attr("p", "aria-live").as_deref(), Some("polite"));
    assert_eq!(m.attr("p", "class").as_deref(), Some("visually-hidden"));
    assert_eq!(m.text("p"), "");
    text.set(Some("Registered".into()));
    m.until("the outcome", |m| m.text("p") == "Registered").await;
}

fn row(s: Submission) -> impl IntoView {
    let r = s.reference.clone();
    view! { <tr><td><a href=format!("/x/{r}")>{s.reference}</a></td><td>"x"</td></tr> }
}

#[wasm_bindgen_test]
async fn a_record_table_has_column_headers_or_a_sentence() {
    let rows = RwSignal::new(Vec::<Submission>::new());
    let m = Mounted::first_visit(move || {
        view! {
            <RecordTable rows=rows row=row
                columns=vec!["Reference", "Status"] empty="None yet" caption="My applications" class="apps" />
        }
    })
    .await;
    assert!(m.find("table").is_none(), "no empty table");
    assert_eq!(m.text("p"), "None yet");
    rows.set(vec![sample_submission()]);
    m.until("the table", |m| m.find("table").is_some()).await;
    assert!(m.find(".table-wrap > table.apps").is_some(), "scrolls in its own box");
    assert_eq!(m.text("caption.visually-hidden"), "My applications");
    assert_eq!(m.all("thead th[scope=col]").len(), 2);
    assert_eq!(m.all("tbody tr").len(), 1);
    assert!(m.find("tbody tr td:first-child a").is_some(), "the first cell links to the record");
}

#[wasm_bindgen_test]
async fn a_due_cell_says_late_in_words_and_only_when_late() {
    let m = Mounted::first_visit(|| {
        view! {
            <table><tbody>
                <tr class="late">{due_cell(Some("1 May 2026, 18:00".into()), true)}</tr>
                <tr class="on-time">{due_cell(Some("2 May 2026".into()), false)}</tr>
                <tr class="none">{due_cell(None, false)}</tr>
            </tbody></table>
        }
    })
    .await;
    // Late: the time, then "late" as text in a tag (not colour alone).
    assert_eq!(m.all("tr.late td").len(), 1, "one cell");
    assert!(m.text("tr.late td").starts_with("1 May 2026, 18:00"));
    assert_eq!(m.text("tr.late td .tag.tag--late"), tr::life_late(EN));
    // On time: the time alone; nothing due: an empty cell.
    assert_eq!(m.text("tr.on-time td").trim(), "2 May 2026");
    assert!(m.find("tr.on-time .tag--late").is_none());
    assert_eq!(m.text("tr.none td").trim(), "");
    assert!(m.find("tr.none .tag--late").is_none());
}

#[wasm_bindgen_test]
async fn a_record_page_announces_outside_the_view_it_rebuilds() {
    mount::go_to("/");
    let record = RwSignal::new(Some(1u32));
    let m = Mounted::first_visit(move || {
        use leptos_router::components::{Route, Routes};
        use leptos_router::path;
        view! {
            <main>
            <Routes fallback=|| ()>
                <Route path=path!("/") view=move || view! {
                    <RecordPage
                        param="id"
                        find=move |_: &str| record.get()
                        show=|n, said| view! {
                            <h1 tabindex="-1">"Record"</h1>
                            <p id="record">{n}</p>
                            // The action is offered only before it is taken.
                            {(n == 1).then(|| view! {
                                <button id="act" on:click=move |_| said.set(Some("Done".into()))>"Act"</button>
                            })}
                        }
                        missing=|| view! { <p id="missing">"Not found"</p> }
                        announce=true
                        tools=Some(ViewFn::from(|| view! { <p id="tools">"Tools"</p> }))
                    />
                } />
            </Routes>
            </main>
        }
    })
    .await;
    assert_eq!(m.text("#record"), "1");
    assert_eq!(m.text("#tools"), "Tools");
    m.get("#act").unchecked_into::<web_sys::HtmlElement>().focus().unwrap();
    m.click("#act");
    // The record changes (another tab, or the action itself): the view is
    // rebuilt; the announcement stays in the live region outside it, and
    // focus, lost with the pressed button (no longer offered), goes to the
    // heading.
    record.set(Some(2));
    m.until("the new record", |m| m.text("#record") == "2").await;
    assert_eq!(m.text("[role=status]"), "Done");
    frames().await;
    assert!(m.find("#act").is_none());
    assert_eq!(focused().map(|e| e.tag_name()).as_deref(), Some("H1"), "not the body");
    record.set(None);
    m.until("not found", |m| m.find("#missing").is_some()).await;
    assert!(m.find("#tools").is_none(), "tools only with a record");
}

#[wasm_bindgen_test]
async fn sign_in_needed_and_not_found_say_what_to_do_with_one_way_out() {
    let m = Mounted::first_visit(|| view! { <SignInNeeded /> }).await;
    assert_eq!(m.text("h1"), tr::signin_needed(EN));
    assert_eq!(m.attr("h1", "tabindex").as_deref(), Some("-1"));
    let href = m.attr("a.button", "href").unwrap();
    assert!(href.starts_with("/signin?next=/"), "comes back here: {href}");
    drop(m);
    let m = Mounted::new(|| {
        view! {
            <NotFound />
            <Missing body=tr::confirm_not_found href="/cabinet" link=tr::confirm_cabinet_link />
        }
    })
    .await;
    let h1s = m.all("h1");
    assert_eq!(h1s.len(), 2);
    assert_eq!(h1s[0].text_content().unwrap(), tr::not_found_title(EN));
    assert_eq!(h1s[1].get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(m.all("a").len(), 2);
    assert!(m.text(".page:nth-child(2)").contains(tr::confirm_not_found(EN)));
}

#[wasm_bindgen_test]
async fn the_staff_desk_frame_goes_back_heads_the_page_and_says_it_is_a_demo() {
    let m = Mounted::first_visit(|| {
        view! {
            <StaffDesk back="/staff" back_text=tr::staff_back_to_list title=tr::staff_title reference="S2-1">
                <p id="body">"Body"</p>
            </StaffDesk>
        }
    })
    .await;
    let first = m.get(".page").first_element_child().unwrap();
    assert_eq!(
        first.query_selector("a").unwrap().unwrap().get_attribute("href").as_deref(),
        Some("/staff")
    );
    assert_eq!(m.text("h1"), tr::staff_title(EN));
    assert_eq!(m.text(".caption"), "S2-1");
    assert_eq!(m.text(".notice--warning"), tr::staff_banner(EN));
    assert_eq!(m.text("#body"), "Body");
}

#[wasm_bindgen_test]
async fn the_phone_is_absent_then_a_polite_log_that_reads_the_code_once() {
    let m = Mounted::first_visit(|| view! { <PhonePanel /> }).await;
    assert!(m.find("aside").is_none(), "no phone before the first SMS");
    // An SMS arrives (through storage, as from the flow that sent it).
    let owner = Owner::new();
    owner.with(|| {
        let db = Db::open(qujat::ui::state::store::StoreNotices(RwSignal::new(Vec::new())));
        db.sms
            .update(|v| {
                v.push(Sms {
                    id: 1,
                    phone: "+77010000000".into(),
                    code: "123456".into(),
                    sent_at: mount::sample_now(),
                })
            })
            .unwrap();
    });
    // The mounted panel follows storage like another tab would.
    let ev = web_sys::StorageEvent::new("storage").unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    m.until("the phone", |m| m.find("aside.phone").is_some()).await;
    assert_eq!(m.attr("aside", "aria-labelledby").as_deref(), Some("phone-title"));
    assert_eq!(m.text("#phone-title"), tr::otp_phone_title(EN));
    assert_eq!(m.attr(".phone__screen", "role").as_deref(), Some("log"));
    assert_eq!(m.attr(".phone__screen", "aria-live").as_deref(), Some("polite"));
    assert_eq!(m.attr(".phone__screen", "aria-atomic").as_deref(), Some("true"));
    let spoken = m.text(".phone__sms .visually-hidden");
    assert!(spoken.contains("123 456"), "the code in groups of three: {spoken}");
    for hidden in m.all(".phone__sms [aria-hidden=true]") {
        assert!(!hidden.text_content().unwrap().is_empty());
    }
    assert_eq!(
        m.all(".phone__sms [aria-hidden=true]").len(),
        2,
        "the visual text is not read twice"
    );
    // Storage is anyone's to edit: a stored "code" of three Cyrillic
    // letters is six bytes, and cutting it at byte 3 would stop the page.
    owner.with(|| {
        let db = Db::open(qujat::ui::state::store::StoreNotices(RwSignal::new(Vec::new())));
        db.sms
            .update(|v| {
                v.push(Sms {
                    id: 2,
                    phone: "+77010000000".into(),
                    code: "ааа".into(),
                    sent_at: mount::sample_now(),
                })
            })
            .unwrap();
    });
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    m.until("the odd code, as it is", |m| m.text(".phone__sms .visually-hidden").contains("ааа"))
        .await;
}

#[wasm_bindgen_test]
async fn the_code_confirmation_sends_asks_and_reports_errors_accessibly() {
    let verified = RwSignal::new(false);
    let m = Mounted::first_visit(move || {
        view! {
            <OtpConfirm flow="test:1" phone="+77010000000" purpose=Purpose::Signing
                digest=Callback::new(|()| Some("ab".repeat(32)))
                on_verified=Callback::new(move |_| verified.set(true)) />
        }
    })
    .await;
    assert_eq!(m.all("button").len(), 1, "one button before sending");
    assert!(m.find("#otp-code").is_none());
    m.click("button");
    m.until("the code field", |m| m.find("#otp-code").is_some()).await;
    assert_eq!(m.attr("#otp-code", "inputmode").as_deref(), Some("numeric"));
    assert_eq!(m.attr("#otp-code", "autocomplete").as_deref(), Some("one-time-code"));
    assert_eq!(m.text("label[for=otp-code]"), tr::otp_code_label(EN));
    // The resend waits: still focusable, aria-disabled, the wait in words.
    let resend = m.all(".otp__entry .button-group button").pop().unwrap();
    assert_eq!(resend.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(!resend.has_attribute("disabled"));
    // The expiry countdown is not read out every second.
    assert!(m.find(".otp__entry .hint span[aria-hidden=true]").is_some());
    // A wrong code: the summary (focused) links to the field, which is in error.
    m.type_into("#otp-code", "000000");
    m.settle().await;
    m.click(".otp__entry .button-group button.button:not(.button--secondary)");
    m.until("the error", |m| m.find(".error-summary").is_some()).await;
    assert_eq!(m.attr(".error-summary a", "href").as_deref(), Some("#otp-code"));
    assert_eq!(m.attr("#otp-code", "aria-invalid").as_deref(), Some("true"));
    frames().await;
    assert_eq!(focused().map(|e| e.class_name()).as_deref(), Some("error-summary"));
    // The right code (from the simulated phone): verified, said as a status.
    let code = storage().get_item("qujat.sms").unwrap().unwrap();
    let code: serde_json::Value = serde_json::from_str(&code).unwrap();
    let code = code["data"][0]["code"].as_str().unwrap().to_string();
    m.type_into("#otp-code", &code);
    m.settle().await;
    m.click(".otp__entry .button-group button.button:not(.button--secondary)");
    m.until("verified", |m| m.find(".notice--success").is_some()).await;
    assert_eq!(m.attr(".notice--success", "role").as_deref(), Some("status"));
    assert!(verified.get_untracked());
}

/// The randomness of a test key (its seed, salt and nonce).
const SEEDS: ([u8; 32], [u8; 16], [u8; 12]) = ([7; 32], [1; 16], [2; 12]);

fn someone(with_phone: bool) -> &'static registry::Person {
    registry::people()
        .iter()
        .find(|p| {
            p.phone.is_some() == with_phone && !p.is_minor_on(mount::sample_now().date_naive())
        })
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_signer_offers_what_the_person_can_use() {
    let errors = RwSignal::new(Vec::new());
    let p = someone(true);
    let m = Mounted::first_visit(move || {
        view! {
            <Signer person=p flow="sign:test" document=Callback::new(|()| None)
                on_signed=Callback::new(|_| ()) errors=errors />
        }
    })
    .await;
    assert_eq!(m.text("fieldset legend"), tr::sign_method_question(EN));
    assert_eq!(m.all("input[name=method]").len(), 2, "EDS and SMS code");
    assert!(m.find(".notice--warning").is_none());
    m.click("#method");
    m.until("the keys", |m| m.find(".key-tools").is_some()).await;
    assert_eq!(m.text(".signer > h2"), tr::sign_keys_heading(EN));
    // A refusal of what was signed by SMS code is said at the method
    // question, which is always on the page (the code's field is not, once
    // the code is verified): inline, and described by it.
    assert!(m.described_by("fieldset").is_empty());
    errors.set(vec![ErrorItem::new("method", "Refused".to_string())]);
    m.settle().await;
    assert_eq!(m.described_by("fieldset"), vec!["method-error"]);
    assert!(m.text("#method-error").ends_with("Refused"), "{}", m.text("#method-error"));
    drop(m);

    let nobody = someone(false);
    let m = Mounted::new(move || {
        view! {
            <Signer person=nobody flow="sign:test2" document=Callback::new(|()| None)
                on_signed=Callback::new(|_| ()) errors=RwSignal::new(Vec::new()) />
        }
    })
    .await;
    assert_eq!(m.all("input[name=method]").len(), 1, "no SMS choice without a phone");
    assert_eq!(m.text(".notice--warning"), tr::sign_otp_unavailable(EN), "and it says why");
}

#[wasm_bindgen_test]
async fn key_tools_check_the_password_in_a_summary_and_say_what_they_did() {
    let p = someone(true);
    let m = Mounted::first_visit(move || view! { <KeyTools person=p /> }).await;
    let status = m.all("p[role=status]");
    assert_eq!(status.len(), 1, "one live region, present from the start");
    assert_eq!(status[0].get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(m.all("details.key-tools").len(), 2, "create and import are disclosures");
    assert_eq!(m.attr("#new-password", "type").as_deref(), Some("password"));
    assert_eq!(m.described_by("#new-password"), vec!["new-password-hint"]);
    m.type_into("#new-password", "short");
    m.settle().await;
    let form = m.get("details.key-tools form").unchecked_into::<web_sys::HtmlFormElement>();
    form.request_submit().unwrap();
    m.until("the error", |m| m.find(".error-summary").is_some()).await;
    assert_eq!(m.attr(".error-summary a", "href").as_deref(), Some("#new-password"));
    assert_eq!(m.described_by("#new-password"), vec!["new-password-hint", "new-password-error"]);
    // A key file that is not one: the import's inline error, and its own
    // summary linking to the field.
    m.type_into("#import-key", "{}");
    m.settle().await;
    let forms = m.all("details.key-tools form");
    forms[1].clone().unchecked_into::<web_sys::HtmlFormElement>().request_submit().unwrap();
    m.until("the import error", |m| m.find("#import-key-error").is_some()).await;
    assert_eq!(m.attr("#import-key", "aria-invalid").as_deref(), Some("true"));
    let links = forms[1].query_selector_all(".error-summary a").unwrap();
    assert_eq!(links.length(), 1, "the import form has its own summary");
    let link = links.item(0).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#import-key"));
}

/// Someone with a phone and a demo key of their own (valid for a year
/// from the sample day), for the key tools' tests.
fn someone_with_a_key() -> (&'static registry::Person, KeyFile) {
    let p = someone(true);
    let now = mount::sample_now();
    let key =
        KeyFile::create_with_iterations(&p.iin, "Demo", "password1", now, 365, SEEDS, 10).unwrap();
    (p, key)
}

#[wasm_bindgen_test]
async fn key_tools_offer_export_only_off_a_kiosk() {
    let (p, key) = someone_with_a_key();
    for kiosk in [false, true] {
        let key = key.clone();
        let m = Mounted::first_visit(move || {
            provide_context(Kiosk { enabled: kiosk, asked: false, left: RwSignal::new(None) });
            keyring::keep(use_db(), key).unwrap();
            view! { <KeyTools person=p /> }
        })
        .await;
        m.until("the key", |m| m.find(".key-list__item").is_some()).await;
        // A visitor's key file would stay in a kiosk's downloads.
        assert_eq!(
            m.find(".key-list__item a[download]:not([hidden])").is_some(),
            !kiosk,
            "kiosk: {kiosk}"
        );
    }
}

#[wasm_bindgen_test]
async fn removing_a_key_keeps_focus_on_what_replaces_the_pressed_button() {
    let (p, key) = someone_with_a_key();
    let m = Mounted::first_visit(move || {
        keyring::keep(use_db(), key).unwrap();
        view! { <KeyTools person=p /> }
    })
    .await;
    m.until("the key", |m| m.find(".key-list__item").is_some()).await;
    let focused_text = || focused().and_then(|e| e.text_content()).unwrap_or_default();
    m.click(".key-list__item button");
    m.until("asked", |m| m.find(".key-list__confirm").is_some()).await;
    frames().await;
    assert_eq!(focused_text(), tr::sign_remove_confirm(EN), "focus on the confirming button");
    m.click(".key-list__confirm .button--secondary");
    m.until("not asked", |m| m.find(".key-list__confirm").is_none()).await;
    frames().await;
    assert_eq!(focused_text(), tr::sign_remove(EN), "Cancel: back on Remove");
    m.click(".key-list__item button");
    m.until("asked again", |m| m.find(".key-list__confirm").is_some()).await;
    m.click(".key-list__confirm .button--warning");
    m.until("removed", |m| m.find(".key-list__item").is_none()).await;
    frames().await;
    assert_eq!(focused().map(|e| e.tag_name()).as_deref(), Some("SUMMARY"), "on Create a key");
}

#[wasm_bindgen_test]
async fn the_demo_clock_is_a_labelled_section_with_a_toggle_and_a_status() {
    let m = Mounted::first_visit(|| view! { <DemoClock /> }).await;
    let id = m.attr("section.demo-clock", "aria-labelledby").unwrap();
    assert_eq!(m.text(&format!("#{id}")), tr::demo_title(EN));
    let toggle = m.get("button[aria-pressed]");
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(m.attr("p.progress", "role").as_deref(), Some("status"));
    // Nothing to play: said in the status.
    m.click("button.button:not(.button--secondary):not([aria-pressed])");
    m.until("nothing to play", |m| m.text("p.progress") == tr::demo_nothing(EN)).await;
    // Back to real time is allowed now (nothing recorded ahead of it).
    let reset = m.get("button[aria-describedby=demo-reset-hint]");
    assert_eq!(reset.get_attribute("aria-disabled"), None);
}

#[wasm_bindgen_test]
async fn the_notifications_link_says_the_unread_count_in_words() {
    let s = sample_submission();
    let iin = s.applicant_iin.clone();
    let m = Mounted::first_visit(move || {
        let db = use_db();
        db.apps
            .update(|m| {
                m.insert(s.reference.clone(), s);
            })
            .unwrap();
        qujat::ui::state::session::use_session().sign_in(&iin).unwrap();
        view! { <NotificationsLink /> }
    })
    .await;
    assert_eq!(m.attr("a", "href").as_deref(), Some("/cabinet/notifications"));
    m.until("the count", |m| m.find(".badge").is_some()).await;
    assert_eq!(m.text(".badge"), tr::notify_unread(EN, "1"));
    assert!(m.text("a").starts_with(tr::notify_link(EN)));
}

/// The portal and the passports count unread notifications from a glance
/// at the stored applications: the same count as from the decoded records,
/// for the signed-in person only, down to none once read.
#[wasm_bindgen_test]
async fn a_glance_at_stored_applications_counts_what_the_records_count() {
    use qujat::ui::state::notify::{Unread, use_seen};
    use qujat::ui::state::session::use_session;
    storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        provide_state();
        let (db, seen, session) = (use_db(), use_seen(), use_session());
        let s = sample_submission();
        let (reference, iin) = (s.reference.clone(), s.applicant_iin.clone());
        let mut other = sample_submission();
        other.reference = format!("{reference}-other");
        other.applicant_iin = "000000000000".into();
        db.apps
            .update(|m| {
                m.insert(reference.clone(), s);
                m.insert(other.reference.clone(), other);
            })
            .unwrap();
        let full = Unread::from_records(db, seen, session).0;
        let glance = Unread::glance(db, seen, session).0;
        assert_eq!((full.get_untracked(), glance.get_untracked()), (0, 0), "nobody signed in");
        session.sign_in(&iin).unwrap();
        assert_eq!(full.get_untracked(), 1, "one event, the acceptance");
        assert_eq!(glance.get_untracked(), 1);
        // Another tab files a second application: the glance reads the
        // applications again on their `storage` event.
        let mut more = sample_submission();
        more.reference = format!("{reference}-2");
        db.apps
            .update(|m| {
                m.insert(more.reference.clone(), more);
            })
            .unwrap();
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some("qujat.apps"));
        let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&event).unwrap();
        assert_eq!((full.get_untracked(), glance.get_untracked()), (2, 2), "a second one");
        seen.mark_all_read(db).unwrap();
        assert_eq!((full.get_untracked(), glance.get_untracked()), (0, 0), "read");
    });
}

#[wasm_bindgen_test]
async fn details_is_a_native_closed_disclosure_named_by_its_summary() {
    let m = Mounted::first_visit(|| {
        view! { <Details summary="Rules for this channel" class=Some("key-tools")><p id="inside">"Inside"</p></Details> }
    })
    .await;
    let details = m.get("details.key-tools");
    assert!(!details.has_attribute("open"), "closed by default");
    assert_eq!(m.text("details > summary"), "Rules for this channel");
    assert_eq!(m.get("#inside").parent_element().unwrap().class_name(), "details__body");
}

#[wasm_bindgen_test]
async fn a_data_table_has_a_caption_and_column_headers() {
    let m = Mounted::first_visit(|| {
        view! {
            <DataTable columns=vec!["Place", "Hours"] caption=Some(Caption::Shown("Opening hours")) class=Some("passport-table")>
                <tr><th scope="row">"Office"</th><td>"9–18"</td></tr>
            </DataTable>
            <DataTable columns=vec!["Date"] caption=Some(Caption::Hidden("Visits"))>
                <tr><td>"01.01.2026"</td></tr>
            </DataTable>
        }
    })
    .await;
    let wraps = m.all(".table-wrap > table");
    assert_eq!(wraps.len(), 2, "each table scrolls in its own box");
    assert_eq!(m.text("table.passport-table caption"), "Opening hours");
    assert!(!m.get("table.passport-table caption").class_list().contains("visually-hidden"));
    assert_eq!(m.all("table.passport-table thead th[scope=col]").len(), 2);
    assert_eq!(m.text("table:not(.passport-table) caption.visually-hidden"), "Visits");
}

#[wasm_bindgen_test]
async fn a_draft_page_asks_to_sign_in_and_hides_other_peoples_drafts() {
    mount::go_to("/apply/S2/d1/who");
    let draft = mount::sample_draft();
    let owner_iin = draft.applicant_iin.clone();
    let m = Mounted::first_visit(move || {
        use leptos_router::components::{Route, Routes};
        use leptos_router::path;
        let db = qujat::ui::state::db::use_db();
        db.drafts.insert("d1".into(), draft).unwrap();
        view! {
            <Routes fallback=|| ()>
                <Route path=path!("/apply/S2/:draft/:step") view=|| own_draft(
                    |id, person| view! { <p id="shown">{id} " " {person.iin.clone()}</p> },
                    || view! { <p id="missing">"Not found"</p> },
                ) />
            </Routes>
        }
    })
    .await;
    // Nobody signed in: "sign in", coming back here.
    assert_eq!(m.text("h1"), tr::signin_needed(EN));
    assert!(m.attr("a.button", "href").unwrap().ends_with("/apply/S2/d1/who"));
    // Someone else: not found.
    let other =
        qujat::engine::identity::registry::people().iter().find(|p| p.iin != owner_iin).unwrap();
    storage()
        .set_item(
            "qujat.session",
            &qujat::engine::store::encode(
                1,
                &Some(other.iin.clone()),
                &qujat::engine::store::formats::SESSION,
            ),
        )
        .unwrap();
    let ev = web_sys::StorageEvent::new("storage").unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    m.until("not found", |m| m.find("#missing").is_some()).await;
    // The owner: the draft.
    storage()
        .set_item(
            "qujat.session",
            &qujat::engine::store::encode(
                2,
                &Some(owner_iin.clone()),
                &qujat::engine::store::formats::SESSION,
            ),
        )
        .unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    m.until("the draft", |m| m.find("#shown").is_some()).await;
    assert_eq!(m.text("#shown"), format!("d1 {owner_iin}"));
}

#[wasm_bindgen_test]
async fn the_browser_notifier_renders_nothing() {
    let m = Mounted::first_visit(|| view! { <BrowserNotifier /> }).await;
    assert_eq!(m.container.child_element_count(), 0, "it only talks to the browser");
}
