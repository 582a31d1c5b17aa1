//! The form widgets in a real browser, each against the accessibility
//! acceptance criteria in its doc comment (`src/ui/widgets/*.rs`): page
//! heading, error summary, field error, radios, text field, text area,
//! action and busy buttons, back link, summary list, `Later` (a long
//! page's parts built in tasks of their own) and `LaterOnFirstLoad` (the
//! parts the static shell covers while the app is first built).
#![cfg(target_arch = "wasm32")]

#[path = "web/mount.rs"]
mod mount;

use mount::prelude::*;

use qujat::ui::widgets::back_link::BackLink;
use qujat::ui::widgets::busy_button::{BusyButton, unless_busy};
use qujat::ui::widgets::button::{Button, Look};
use qujat::ui::widgets::error_summary::{ErrorItem, ErrorSummary};
use qujat::ui::widgets::field_error::FieldError;
use qujat::ui::widgets::later::{Later, LaterOnFirstLoad};
use qujat::ui::widgets::page_heading::PageHeading;
use qujat::ui::widgets::password_input::{PasswordInput, Secret};
use qujat::ui::widgets::radios::{Choice, Radios};
use qujat::ui::widgets::summary_list::{SummaryList, answer_row, row};
use qujat::ui::widgets::text_area::TextArea;
use qujat::ui::widgets::text_field::TextField;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn page_heading_is_a_focusable_h1_that_names_the_document() {
    let m = Mounted::first_visit(|| {
        view! { <PageHeading text=Signal::stored("Apply".to_string()) caption=Signal::stored("Ref 1".to_string()) /> }
    })
    .await;
    assert_eq!(m.all("h1").len(), 1);
    assert_eq!(m.text("h1"), "Apply");
    assert_eq!(m.attr("h1", "tabindex").as_deref(), Some("-1"));
    assert_eq!(document().title(), tr::common_page_title(EN, "Apply"));
    // The caption comes before the heading, outside it.
    let caption = m.get(".caption");
    assert_eq!(caption.text_content().unwrap(), "Ref 1");
    assert_eq!(caption.next_element_sibling().unwrap().tag_name(), "H1");
}

#[wasm_bindgen_test]
async fn error_summary_is_absent_then_an_alert_that_takes_focus_and_links_to_fields() {
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let widgets = RwSignal::new(Vec::<ErrorItem>::new());
    let m = Mounted::first_visit(move || {
        view! {
            <ErrorSummary errors=errors />
            <input id="school" />
            <input id="year" />
            <ErrorSummary errors=widgets title="widget-summary" />
        }
    })
    .await;
    assert!(m.find(".error-summary").is_none(), "nothing without errors");
    // Two summaries on one page (a widget's names its own heading): no id
    // repeats.
    widgets.set(vec![ErrorItem::new("year", "A widget's problem")]);
    m.until("the widget's summary", |m| m.find(".error-summary").is_some()).await;
    errors.set(vec![ErrorItem::new("school", "x")]);
    m.until("both summaries", |m| m.all(".error-summary").len() == 2).await;
    let titles: Vec<_> = m.all(".error-summary h2").iter().map(web_sys::Element::id).collect();
    assert_ne!(titles[0], titles[1], "{titles:?}");
    widgets.set(Vec::new());
    errors.set(Vec::new());
    m.until("none", |m| m.find(".error-summary").is_none()).await;

    errors.set(vec![
        ErrorItem::new("school", "Enter the school"),
        ErrorItem::new("year", "Enter the year"),
    ]);
    m.until("the summary", |m| m.find(".error-summary").is_some()).await;
    assert_eq!(m.attr(".error-summary", "role").as_deref(), Some("alert"));
    assert_eq!(m.attr(".error-summary", "tabindex").as_deref(), Some("-1"));
    let title_id = m.attr(".error-summary", "aria-labelledby").unwrap();
    assert_eq!(m.text(&format!("#{title_id}")), tr::common_there_is_a_problem(EN));
    frames().await;
    assert_eq!(
        focused().map(|e| e.class_name()).as_deref(),
        Some("error-summary"),
        "the summary takes focus, so the problem is announced"
    );
    let links = m.all(".error-summary a");
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].get_attribute("href").as_deref(), Some("#school"));
    assert_eq!(links[1].text_content().as_deref(), Some("Enter the year"));
    let hash = || web_sys::window().unwrap().location().hash().unwrap();
    let before = hash();
    m.click(".error-summary li:nth-child(2) a");
    assert_eq!(focused().map(|e| e.id()).as_deref(), Some("year"));
    assert_eq!(hash(), before, "following a link moves focus, not the address");
}

#[wasm_bindgen_test]
async fn field_error_starts_with_a_hidden_error_prefix() {
    let message = RwSignal::new(None::<String>);
    let m =
        Mounted::first_visit(move || view! { <FieldError id="x-error" message=message /> }).await;
    assert!(m.find(".error-message").is_none());
    message.set(Some("Too long".into()));
    m.until("the message", |m| m.find("#x-error").is_some()).await;
    assert_eq!(m.attr("#x-error", "class").as_deref(), Some("error-message"));
    assert_eq!(m.text("#x-error .visually-hidden"), tr::common_error_prefix(EN));
    assert!(m.text("#x-error").ends_with("Too long"));
}

#[wasm_bindgen_test]
async fn radios_are_a_fieldset_with_labels_hints_and_errors() {
    let selected = RwSignal::new(Some("b".to_string()));
    let error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(String::new());
    let m = Mounted::first_visit(move || {
        view! {
            <Radios
                name="who"
                as_heading=true
                legend=Signal::stored("Who is it for?".to_string())
                hint=Signal::stored("Choose one".to_string())
                choices=Signal::stored(vec![
                    Choice::new("a", "Me"),
                    Choice::hinted("b", "My child", "Under 18"),
                ])
                selected=selected
                on_select=Callback::new(move |v| chosen.set(v))
                error=error
            />
        }
    })
    .await;
    // The question is the fieldset's legend, and the page's focusable h1.
    assert_eq!(m.text("fieldset > legend h1"), "Who is it for?");
    assert_eq!(m.attr("legend h1", "tabindex").as_deref(), Some("-1"));
    assert_eq!(document().title(), tr::common_page_title(EN, "Who is it for?"));
    // The first radio's id is the name (the error summary's target).
    assert_eq!(m.attr("input[type=radio]", "id").as_deref(), Some("who"));
    for input in m.all("input[type=radio]") {
        let label = m.get(&format!("label[for='{}']", input.id()));
        assert!(!label.text_content().unwrap().is_empty(), "every radio is labelled");
        assert_eq!(input.get_attribute("name").as_deref(), Some("who"));
    }
    // A choice's hint is outside its label and describes it.
    assert_eq!(m.attr("#who-1", "aria-describedby").as_deref(), Some("who-1-item-hint"));
    assert_eq!(m.text("#who-1-item-hint"), "Under 18");
    assert_eq!(m.text("label[for=who-1]"), "My child");
    // Described by the hint; checked as stored.
    assert_eq!(m.described_by("fieldset"), vec!["who-hint"]);
    let checked = |id: &str| m.get(id).unchecked_into::<web_sys::HtmlInputElement>().checked();
    assert!(!checked("#who"));
    assert!(checked("#who-1"));
    selected.set(Some("a".into()));
    m.settle().await;
    assert!(checked("#who"));
    // Choosing passes the value on.
    m.click("#who-1");
    m.settle().await;
    assert_eq!(chosen.get_untracked(), "b");
    // In error: described by the message too, which says "Error:".
    error.set(Some("Choose who it is for".into()));
    m.until("the error", |m| m.find("#who-error").is_some()).await;
    assert_eq!(m.described_by("fieldset"), vec!["who-hint", "who-error"]);
    assert!(m.get(".field").class_list().contains("field--error"));
    assert!(m.text("#who-error").starts_with(tr::common_error_prefix(EN)));
}

#[wasm_bindgen_test]
async fn text_field_is_labelled_described_and_invalid_only_in_error() {
    let value = RwSignal::new("Sch".to_string());
    let error = RwSignal::new(None::<String>);
    let entered = RwSignal::new(0);
    let m = Mounted::first_visit(move || {
        view! {
            <TextField
                id="school"
                label=Signal::stored("School".to_string())
                hint=Signal::stored("As on the certificate".to_string())
                value=value
                on_input=Callback::new(move |v| value.set(v))
                error=error
                input_mode="numeric"
                autocomplete="organization"
                on_enter=Some(Callback::new(move |_| entered.update(|n| *n += 1)))
            />
        }
    })
    .await;
    assert_eq!(m.text("label[for=school]"), "School");
    assert_eq!(m.attr("#school", "type").as_deref(), Some("text"));
    assert_eq!(m.attr("#school", "inputmode").as_deref(), Some("numeric"));
    assert_eq!(m.attr("#school", "autocomplete").as_deref(), Some("organization"));
    assert_eq!(m.described_by("#school"), vec!["school-hint"]);
    assert_eq!(m.attr("#school", "aria-invalid"), None);
    let input = m.get("#school").unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(input.value(), "Sch", "the value follows the stored answer");
    m.type_into("#school", "School No. 1");
    m.settle().await;
    assert_eq!(value.get_untracked(), "School No. 1", "every keystroke is passed on");
    value.set("<b>bold</b>".into());
    m.settle().await;
    assert_eq!(input.value(), "<b>bold</b>");
    assert!(m.find("#school b").is_none() && m.find(".field b").is_none(), "text, never markup");

    let enter = web_sys::KeyboardEventInit::new();
    enter.set_key("Enter");
    enter.set_bubbles(true);
    input
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &enter).unwrap(),
        )
        .unwrap();
    m.settle().await;
    assert_eq!(entered.get_untracked(), 1, "Enter runs on_enter");

    error.set(Some("Enter the school".into()));
    m.until("the error", |m| m.find("#school-error").is_some()).await;
    assert_eq!(m.described_by("#school"), vec!["school-hint", "school-error"]);
    assert_eq!(m.attr("#school", "aria-invalid").as_deref(), Some("true"));
    error.set(None);
    m.settle().await;
    assert_eq!(m.attr("#school", "aria-invalid"), None);
    assert_eq!(m.described_by("#school"), vec!["school-hint"]);
}

#[wasm_bindgen_test]
async fn a_password_field_and_a_page_question_field() {
    let m = Mounted::first_visit(|| {
        view! {
            <TextField id="pin" password=true short=true class="input--pin"
                label=Signal::stored("PIN".to_string()) value=Signal::stored(String::new())
                on_input=Callback::new(|_| ()) />
            <TextField id="year" as_heading=true label=Signal::stored("Which year?".to_string())
                value=Signal::stored(String::new()) on_input=Callback::new(|_| ()) />
        }
    })
    .await;
    assert_eq!(m.attr("#pin", "type").as_deref(), Some("password"));
    let class = m.attr("#pin", "class").unwrap();
    for c in ["input", "input--pin", "input--short"] {
        assert!(class.split_whitespace().any(|x| x == c), "{class}");
    }
    assert_eq!(m.attr("#pin", "aria-describedby"), None, "no hint, no error: not described");
    assert_eq!(m.text("h1 label[for=year]"), "Which year?");
    assert_eq!(m.attr("h1", "tabindex").as_deref(), Some("-1"));
}

/// The password input's criteria: a password field kept in its answer,
/// its error the page summary's item with its id, `autocomplete` and the
/// keyboard by what it holds, Enter running `on_enter`.
#[wasm_bindgen_test]
async fn a_password_input_keeps_its_answer_and_shows_the_summary_error_for_its_id() {
    let passphrase = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let entered = RwSignal::new(0);
    let m = Mounted::first_visit(move || {
        view! {
            <PasswordInput id="passphrase" label=tr::data_passphrase hint=tr::data_passphrase_hint
                value=passphrase errors=errors secret=Secret::NewPassphrase />
            <PasswordInput id="typed" label=tr::data_restore_passphrase value=passphrase
                errors=errors secret=Secret::Passphrase />
            <PasswordInput id="pin" label=tr::operator_pin_label value=pin errors=errors
                secret=Secret::Pin on_enter=Callback::new(move |_| entered.update(|n| *n += 1)) />
        }
    })
    .await;
    for id in ["#passphrase", "#typed", "#pin"] {
        assert_eq!(m.attr(id, "type").as_deref(), Some("password"), "{id}");
    }
    assert_eq!(m.text("label[for=passphrase]"), tr::data_passphrase(EN));
    assert_eq!(m.described_by("#passphrase"), vec!["passphrase-hint"]);
    assert_eq!(m.attr("#passphrase", "autocomplete").as_deref(), Some("new-password"));
    assert_eq!(m.attr("#typed", "autocomplete").as_deref(), Some("off"));
    assert_eq!(m.attr("#passphrase", "inputmode"), None);
    assert_eq!(m.attr("#pin", "autocomplete").as_deref(), Some("off"));
    assert_eq!(m.attr("#pin", "inputmode").as_deref(), Some("numeric"));
    let class = m.attr("#pin", "class").unwrap();
    assert!(class.contains("input--short") && class.contains("input--pin"), "{class}");
    assert!(!m.attr("#passphrase", "class").unwrap().contains("input--short"));

    m.type_into("#pin", "2468");
    m.settle().await;
    assert_eq!(pin.get_untracked(), "2468", "every keystroke is kept");
    let enter = web_sys::KeyboardEventInit::new();
    enter.set_key("Enter");
    enter.set_bubbles(true);
    m.get("#pin")
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &enter).unwrap(),
        )
        .unwrap();
    m.settle().await;
    assert_eq!(entered.get_untracked(), 1, "Enter runs on_enter");

    errors.set(vec![ErrorItem::new("pin", "Enter your PIN".to_string())]);
    m.until("the PIN's error", |m| m.find("#pin-error").is_some()).await;
    assert_eq!(m.described_by("#pin"), vec!["pin-error"]);
    assert_eq!(m.attr("#pin", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(m.attr("#passphrase", "aria-invalid"), None, "only the item's own input");
    assert!(m.text("#pin-error").ends_with("Enter your PIN"));
}

#[wasm_bindgen_test]
async fn text_area_is_labelled_described_and_keeps_text_verbatim() {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let m = Mounted::first_visit(move || {
        view! {
            <TextArea id="text" label=Signal::stored("Your complaint".to_string())
                hint=Signal::stored("What happened".to_string()) value=value
                on_input=Callback::new(move |v| value.set(v)) error=error rows=8 />
            <TextArea id="key" label=Signal::stored("Key file".to_string())
                value=Signal::stored(String::new()) on_input=Callback::new(|_| ()) verbatim=true />
        }
    })
    .await;
    assert_eq!(m.text("label[for=text]"), "Your complaint");
    assert_eq!(m.attr("#text", "rows").as_deref(), Some("8"));
    assert_eq!(m.described_by("#text"), vec!["text-hint"]);
    m.type_into("#text", "<script>alert(1)</script>");
    m.settle().await;
    assert_eq!(value.get_untracked(), "<script>alert(1)</script>");
    assert!(m.find("script").is_none());
    error.set(Some("Too long".into()));
    m.until("the error", |m| m.find("#text-error").is_some()).await;
    assert_eq!(m.described_by("#text"), vec!["text-hint", "text-error"]);
    assert_eq!(m.attr("#text", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(m.attr("#key", "spellcheck").as_deref(), Some("false"));
    assert_eq!(m.attr("#key", "aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn back_link_is_a_real_link_named_back() {
    let m = Mounted::first_visit(
        || view! { <BackLink href=Signal::stored("/apply/S2".to_string()) /> },
    )
    .await;
    assert_eq!(m.attr("a.back-link", "href").as_deref(), Some("/apply/S2"));
    assert_eq!(m.text("a.back-link"), tr::common_back(EN));
}

#[wasm_bindgen_test]
async fn a_busy_button_stays_focusable_and_says_it_is_unavailable() {
    let busy = RwSignal::new(false);
    let submitted = ArcRwSignal::new(0u32);
    let count = submitted.clone();
    let m = Mounted::first_visit(move || {
        let count = count.clone();
        view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                count.update(|n| *n += 1);
            }>
                <BusyButton busy=busy>"Save"</BusyButton>
                <BusyButton busy=busy look=Look::Secondary>"Create"</BusyButton>
            </form>
        }
    })
    .await;
    let buttons = m.all("button");
    assert_eq!(buttons.len(), 2);
    // A real submit button, named by its text, with the look asked for.
    assert_eq!(m.attr("button.button", "type").as_deref(), Some("submit"));
    assert_eq!(buttons[0].get_attribute("class").as_deref(), Some("button"));
    assert_eq!(buttons[1].get_attribute("class").as_deref(), Some("button button--secondary"));
    assert_eq!(buttons[0].text_content().as_deref(), Some("Save"));
    // Not busy: no aria-disabled at all.
    assert!(buttons.iter().all(|b| !b.has_attribute("aria-disabled")));
    let first = buttons[0].clone().unchecked_into::<web_sys::HtmlElement>();
    first.focus().unwrap();
    assert_eq!(focused().as_ref(), Some(&buttons[0]));
    // Busy: aria-disabled="true", never disabled, and focus stays on it.
    busy.set(true);
    m.until("aria-disabled", |m| m.attr("button", "aria-disabled").as_deref() == Some("true"))
        .await;
    assert!(buttons.iter().all(|b| !b.has_attribute("disabled")));
    assert_eq!(buttons[1].get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(focused().as_ref(), Some(&buttons[0]), "focus is not lost");
    // It still submits: refusing a second submission is the form's job.
    first.click();
    m.settle().await;
    assert_eq!(submitted.get_untracked(), 1);
    // Work over: the attribute goes (not "false").
    busy.set(false);
    m.until("no aria-disabled", |m| m.find("button[aria-disabled]").is_none()).await;
}

#[wasm_bindgen_test]
async fn an_action_button_acts_once_per_press_and_never_submits_its_form() {
    let pressed = RwSignal::new(Vec::<&'static str>::new());
    let submitted = RwSignal::new(0u32);
    let m = Mounted::first_visit(move || {
        let press = move |which| move |_| pressed.update(|p| p.push(which));
        view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                submitted.update(|n| *n += 1);
            }>
                <Button on_click=press("main")>"Continue"</Button>
                <Button look=Look::Secondary on_click=press("secondary")>"Cancel"</Button>
                <Button look=Look::Warning on_click=press("warning")>"Delete"</Button>
            </form>
        }
    })
    .await;
    let buttons = m.all("button");
    assert_eq!(buttons.len(), 3);
    // Real buttons that do not submit, named by their text, with the look
    // asked for.
    assert!(buttons.iter().all(|b| b.get_attribute("type").as_deref() == Some("button")));
    let names: Vec<_> = buttons.iter().map(|b| b.text_content().unwrap_or_default()).collect();
    assert_eq!(names, ["Continue", "Cancel", "Delete"]);
    let classes: Vec<_> =
        buttons.iter().map(|b| b.get_attribute("class").unwrap_or_default()).collect();
    assert_eq!(classes, ["button", "button button--secondary", "button button--warning"]);
    // Reached by focus; one press runs its action once; the form is not
    // submitted.
    let warning = buttons[2].clone().unchecked_into::<web_sys::HtmlElement>();
    warning.focus().unwrap();
    assert_eq!(focused().as_ref(), Some(&buttons[2]));
    warning.click();
    m.settle().await;
    assert_eq!(pressed.get_untracked(), ["warning"]);
    buttons[0].clone().unchecked_into::<web_sys::HtmlElement>().click();
    m.settle().await;
    assert_eq!(pressed.get_untracked(), ["warning", "main"]);
    assert_eq!(submitted.get_untracked(), 0, "an action button never submits its form");
}

#[wasm_bindgen_test]
async fn unless_busy_keeps_the_page_and_ignores_a_submit_while_busy() {
    let busy = RwSignal::new(false);
    let ran = RwSignal::new(0u32);
    // Whether the browser's own submission (a reload) was stopped, seen by
    // a listener the event reaches after the form's.
    let prevented = RwSignal::new(Vec::<bool>::new());
    let m = Mounted::first_visit(move || {
        let seen = move |ev: leptos::ev::SubmitEvent| {
            prevented.update(|p| p.push(ev.default_prevented()));
        };
        let work = move || {
            ran.update(|n| *n += 1);
            busy.set(true);
        };
        view! {
            <div on:submit=seen>
                <form on:submit=unless_busy(busy, work)>
                    <BusyButton busy=busy>"Save"</BusyButton>
                </form>
            </div>
        }
    })
    .await;
    let button = m.get("button").unchecked_into::<web_sys::HtmlElement>();
    button.click();
    m.settle().await;
    assert_eq!(ran.get_untracked(), 1, "the first press does the work");
    // Pressed again while the work runs: nothing happens.
    button.click();
    m.settle().await;
    assert_eq!(ran.get_untracked(), 1, "a press while busy does nothing");
    // Work over: a press does the work again.
    busy.set(false);
    button.click();
    m.settle().await;
    assert_eq!(ran.get_untracked(), 2);
    assert_eq!(prevented.get_untracked(), [true, true, true], "no press reloads the page");
}

#[wasm_bindgen_test]
async fn summary_list_pairs_keys_and_values_and_names_each_change_link() {
    let m = Mounted::first_visit(|| {
        view! {
            <SummaryList class="registration">
                {row("Reference", "Ж-2026-000001")}
                {answer_row("School".into(), "<i>No. 1</i>".into(), Some("/apply/S2/d/school?change=1".into()))}
                {answer_row("IIN".into(), "900101300123".into(), None)}
            </SummaryList>
        }
    })
    .await;
    assert_eq!(m.attr("dl", "class").as_deref(), Some("summary registration"));
    let rows = m.all("dl > .summary__row");
    assert_eq!(rows.len(), 3);
    for r in &rows {
        assert_eq!(r.first_element_child().unwrap().tag_name(), "DT");
        assert_eq!(
            r.first_element_child().unwrap().next_element_sibling().unwrap().tag_name(),
            "DD"
        );
    }
    assert_eq!(m.text(".summary__row:nth-child(2) .summary__value"), "<i>No. 1</i>");
    assert!(m.find(".summary__value i").is_none(), "values are text");
    let link = m.get(".summary__action a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/apply/S2/d/school?change=1"));
    assert_eq!(
        link.text_content().unwrap(),
        format!("{} School", tr::common_change(EN)),
        "the link's name says what it changes"
    );
    assert_eq!(m.text(".summary__action .visually-hidden"), "School");
    assert_eq!(m.all(".summary__action a").len(), 1, "no Change link for what cannot change");
}

#[wasm_bindgen_test]
async fn later_builds_its_part_once_in_order_and_then_runs_its_callback() {
    // What the callback found in the page when it ran, and how often.
    let seen = ArcRwSignal::new(Vec::<bool>::new());
    let record = seen.clone();
    let then = Callback::new(move |()| {
        let part = document().query_selector("#later-part").unwrap();
        record.update(|v| v.push(part.is_some()));
    });
    let m = Mounted::first_visit(move || {
        view! {
            <h1 id="later-top">"Top"</h1>
            <Later then=Some(then)><p id="later-part">"Part"</p></Later>
            <p id="later-after">"After"</p>
        }
    })
    .await;
    assert!(m.find("#later-top").is_some(), "what is above is built at once");
    assert!(m.find("#later-part").is_none(), "the part is not built in the same task");
    assert!(
        m.get("span.later-pending").has_attribute("hidden"),
        "a hidden placeholder holds its place"
    );
    next_task().await;
    m.until("the part", |m| m.find("#later-part").is_some()).await;
    let order: Vec<String> = m.all("h1, p").iter().map(|e| e.id()).collect();
    assert_eq!(order, ["later-top", "later-part", "later-after"], "in the page's order");
    frames().await;
    assert_eq!(
        seen.get_untracked(),
        vec![true],
        "the callback ran once, with the part in the page"
    );
    next_task().await;
    frames().await;
    assert_eq!(m.all("#later-part").len(), 1, "built once");
    assert!(m.find(".later-pending").is_none(), "no placeholder is left");
    assert_eq!(seen.get_untracked().len(), 1, "the callback does not run again");
    assert!(focused().is_none_or(|e| e.id() != "later-part"), "no focus moved");
}

#[wasm_bindgen_test]
async fn later_builds_nothing_for_a_page_that_went_before_its_time() {
    storage().clear().unwrap();
    let ran = ArcRwSignal::new(false);
    let mark = ran.clone();
    let then = Callback::new(move |()| mark.set(true));
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    // Mounted and unmounted in the same task: the part's time never comes.
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <Later then=Some(then)><p id="gone-part">"Part"</p></Later> }
    });
    drop(handle);
    next_task().await;
    frames().await;
    assert!(container.query_selector("#gone-part").unwrap().is_none(), "nothing built");
    assert!(!ran.get_untracked(), "the callback never runs");
    container.remove();
}

#[wasm_bindgen_test]
async fn later_on_first_load_waits_only_while_the_app_is_first_built() {
    use qujat::ui::widgets::later::MOUNTING;
    storage().clear().unwrap();
    let root = document().document_element().unwrap();
    // After a navigation or a change of language (no app being mounted):
    // built at once, with what is above it, so a heading in it can take
    // focus.
    let m = Mounted::new(|| {
        view! {
            <LaterOnFirstLoad><h1 id="first-now" tabindex="-1">"Top"</h1></LaterOnFirstLoad>
        }
    })
    .await;
    assert!(m.find("#first-now").is_some(), "built at once");
    assert!(m.find(".later-pending").is_none(), "no placeholder");
    drop(m);
    // While the app is first built out of sight: in a task of its own,
    // before a timer set after it (the one that shows the app).
    root.set_attribute(MOUNTING, "").unwrap();
    let shown_after = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
    let m = Mounted::new(|| {
        view! {
            <LaterOnFirstLoad><h1 id="first-later">"Top"</h1></LaterOnFirstLoad>
        }
    })
    .await;
    let built_before_show = {
        let shown_after = shown_after.clone();
        move || {
            let found = document().get_element_by_id("first-later").is_some();
            shown_after.set(Some(found));
        }
    };
    root.remove_attribute(MOUNTING).unwrap();
    assert!(m.find("#first-later").is_none(), "not built in the same task");
    set_timeout(built_before_show, std::time::Duration::ZERO);
    next_task().await;
    m.until("the part", |m| m.find("#first-later").is_some()).await;
    m.until("the later timer", |_| shown_after.get().is_some()).await;
    assert_eq!(shown_after.get(), Some(true), "built before a timer set after it");
    assert_eq!(m.all("#first-later").len(), 1, "built once");
    assert!(m.find(".later-pending").is_none(), "no placeholder");
}
