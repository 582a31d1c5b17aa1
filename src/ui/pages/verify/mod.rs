//! `/cabinet/verify`: is this receipt genuine? Anyone — a school clerk, a
//! State Corporation employee, the citizen later — pastes the text of a
//! receipt's QR code, chooses a photo or a scan of the code (`picture`,
//! read by `engine::receipt::scan`), or opens the "check" link of a
//! receipt, which carries it; and the app checks its signature against the issuers' public keys
//! it ships with: offline, with no lookup in anyone's records. It shows
//! what was signed, or says that the receipt is not genuine and why.
//!
//! Accessibility acceptance criteria:
//! - one labelled text area with a hint, and a file input for a picture
//!   with its own button; one error summary that takes focus and links to
//!   the field in question;
//! - "Reading the picture…" is said in a polite live region; a code read
//!   from a picture fills the text area, so what was checked is visible;
//! - the answer is a heading and a notice in a polite live region, then a
//!   summary list of what the receipt states, in the reader's language;
//! - only the last four IIN digits are shown, as signed.

#[cfg(feature = "scan")]
mod picture;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::engine::catalog;
use crate::engine::receipt::{self, VerifiedReceipt, What};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, Message, t, ts};
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::error_summary::{ErrorItem, ErrorSummary, message_for};
use crate::ui::widgets::notice::{Notice, Tone};
use crate::ui::widgets::page_heading::PageHeading;
use crate::ui::widgets::summary_list::{SummaryList, row};
use crate::ui::widgets::text_area::TextArea;

#[component]
pub fn VerifyPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let given = query.read_untracked().get("code").unwrap_or_default();
    let code = RwSignal::new(given.clone());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    // The answer to the last check (none before the first).
    let checked = RwSignal::new((!given.trim().is_empty()).then(|| answer(lang, &given)));
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = code.get_untracked();
        if text.trim().is_empty() {
            errors.set(vec![ErrorItem::new("code", tr::verify_error_empty(lang))]);
            checked.set(None);
            return;
        }
        errors.set(Vec::new());
        checked.set(Some(answer(lang, &text)));
    };
    view! {
        <div class="page page--narrow">
            <PageHeading text=ts(tr::verify_title) />
            <p>{t(tr::verify_intro)}</p>
            <ErrorSummary errors=errors />
            <form novalidate on:submit=check>
                <TextArea id="code" label=ts(tr::verify_code_label) hint=ts(tr::verify_code_hint)
                    value=code on_input=Callback::new(move |v| code.set(v))
                    error=message_for(errors, "code") rows=4 verbatim=true />
                <button type="submit" class="button">{t(tr::verify_check)}</button>
            </form>
            {picture_form(code, checked, errors)}
            <div aria-live="polite" class="verify__answer">
                {move || checked.get().map(|answer| match answer {
                    Ok(v) => genuine(lang, v).into_any(),
                    Err(why) => not_genuine(why).into_any(),
                })}
            </div>
        </div>
    }
}

/// What the last check found: the receipt, or why it is not genuine.
type Answer = RwSignal<Option<Result<VerifiedReceipt, String>>>;

/// The picture's form: a file input and its own button; the code read
/// fills the text area and is checked.
#[cfg(feature = "scan")]
fn picture_form(
    code: RwSignal<String>, checked: Answer, errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    view! { <picture::PictureForm code=code checked=checked errors=errors /> }
}

/// Built without the scanner (only the cabinet's bundle shows this
/// page): no picture form.
#[cfg(not(feature = "scan"))]
fn picture_form(_: RwSignal<String>, _: Answer, _: RwSignal<Vec<ErrorItem>>) -> impl IntoView {}

/// Checks a code: the receipt it proves, or why not, in `lang`.
fn answer(lang: Lang, text: &str) -> Result<VerifiedReceipt, String> {
    receipt::verify(text).map_err(|e| e.message(lang))
}

fn not_genuine(why: String) -> impl IntoView {
    view! {
        <h2>{t(tr::verify_not_genuine)}</h2>
        <Notice tone=Tone::Warning><p class="verify__why">{why}</p></Notice>
    }
}

fn genuine(lang: Lang, v: VerifiedReceipt) -> impl IntoView {
    let st = v.statement;
    let service = catalog::service(st.service);
    let mut rows = vec![
        row(tr::verify_field_kind(lang), st.kind().label(lang)).into_any(),
        row(tr::verify_field_reference(lang), st.reference.clone()).into_any(),
        row(
            tr::verify_field_service(lang),
            format!("{} — {}", st.service, service.name.text.get(lang)),
        )
        .into_any(),
        row(tr::verify_field_channel(lang), st.channel.label(lang)).into_any(),
        row(tr::verify_field_holder(lang), st.holder.masked()).into_any(),
        row(tr::verify_field_issued(lang), format::date_time(st.issued_at)).into_any(),
    ];
    match &st.what {
        What::Acceptance { due } => {
            rows.push(row(tr::verify_field_due(lang), format::date(*due)).into_any());
        }
        What::ComplaintRegistration { addressee, due } => {
            rows.push(row(tr::verify_field_addressee(lang), addressee.label(lang)).into_any());
            rows.push(row(tr::verify_field_due(lang), format::date(*due)).into_any());
        }
        What::Refusal { grounds, missing } => {
            let named: Vec<String> = grounds
                .iter()
                .map(|id| {
                    service
                        .refusal_ground(id)
                        .map_or_else(|| id.clone(), |g| g.text.get(lang).to_string())
                })
                .chain(missing.iter().map(|id| {
                    service
                        .documents
                        .iter()
                        .find(|d| &d.id == id)
                        .map_or_else(|| id.clone(), |d| d.text.get(lang).to_string())
                }))
                .collect();
            let list = view! { <ul class="list">{named.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> };
            rows.push(row(tr::verify_field_grounds(lang), list).into_any());
        }
        What::BookingTicket { purpose, date, start, end } => {
            rows.push(row(tr::verify_field_purpose(lang), purpose.label(lang)).into_any());
            rows.push(
                row(tr::verify_field_slot(lang), format!("{}, {start}–{end}", format::date(*date)))
                    .into_any(),
            );
        }
    }
    view! {
        <h2>{t(tr::verify_genuine)}</h2>
        <Notice tone=Tone::Success>
            <p class="verify__issuer">{tr::verify_signed_by(lang, v.issuer.name.get(lang))}</p>
        </Notice>
        <SummaryList>{rows}</SummaryList>
    }
}
